import { TwoKeysError } from '../domain/TwoKeysError.js'
import { hashPolicy } from '../policy/hashPolicy.js'
import type { Policy } from '../policy/PolicySchema.js'
import type { RecordedEvent, Store } from '../stores/Store.js'
import { parseAuditLog } from './parseAuditLog.js'
import { assertAuditOk, type VerifyAuditOptions } from './verifyAudit.js'

export interface ImportAuditOptions extends VerifyAuditOptions {
  /** Policy versions to pin alongside (those the events name and the store lacks). */
  policies?: readonly Policy[]
}

export interface ImportSummary {
  events: number
  initiatives: number
  /** Events appended; the rest were in the store already. */
  added: number
  /** Policy hashes the events name that the store still lacks: engines cannot load those initiatives yet. */
  missingPolicies: string[]
}

/**
 * Imports an audit log (JSON Lines text, or parsed records) into a store after verifying it: a
 * log that fails verification is refused whole with AUDIT_TAMPERED. Each initiative is appended
 * in one transaction; events the store already has (the same hashes) are skipped, so an import
 * can be repeated. If any initiative's stored events differ from the log's, nothing is imported (CONFLICT).
 *
 * @example
 * await importAudit(sqliteStore('copy.db'), readFileSync('audit.jsonl', 'utf8'), { policies: [policy] })
 */
export async function importAudit(
  store: Store,
  log: string | readonly unknown[],
  options: ImportAuditOptions = {},
): Promise<ImportSummary> {
  const entries = typeof log === 'string' ? parseAuditLog(log).map((l) => l.value) : log
  assertAuditOk(entries, options)
  const events = entries as RecordedEvent[]
  const byInitiative = new Map<string, RecordedEvent[]>()
  for (const event of events)
    byInitiative.set(event.initiativeId, [...(byInitiative.get(event.initiativeId) ?? []), event])

  // Check every initiative before appending any, so a mismatch imports nothing.
  const toAppend: [string, number, RecordedEvent[]][] = []
  for (const [initiativeId, incoming] of byInitiative) {
    const stored = await store.readEvents(initiativeId)
    const differs = stored.findIndex((s, i) => incoming[i] !== undefined && incoming[i].hash !== s.hash)
    if (differs !== -1) {
      throw new TwoKeysError(
        'CONFLICT',
        `initiative "${initiativeId}" in the ${store.kind} store differs from the imported log at seq ${differs + 1}; import into an empty database or one holding an earlier copy of this log`,
      )
    }
    const rest = incoming.slice(stored.length)
    if (rest.length > 0) toAppend.push([initiativeId, stored.length, rest])
  }
  let added = 0
  for (const [initiativeId, expectedSeq, rest] of toAppend) {
    await store.append(initiativeId, expectedSeq, rest)
    added += rest.length
  }

  const given = new Map((options.policies ?? []).map((p) => [hashPolicy(p), p]))
  const missingPolicies: string[] = []
  for (const hash of new Set(events.map((e) => e.policyHash))) {
    if ((await store.getPolicy(hash)) !== undefined) continue
    const policy = given.get(hash)
    if (policy === undefined) missingPolicies.push(hash)
    else await store.putPolicy(hash, policy)
  }
  return { events: events.length, initiatives: byInitiative.size, added, missingPolicies }
}
