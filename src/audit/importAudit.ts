import { phrasedError } from '../domain/phrasedError.js'
import { TwoKeysError } from '../domain/TwoKeysError.js'
import { hashPolicy } from '../policy/hashPolicy.js'
import type { Policy } from '../policy/PolicySchema.js'
import { phraseOf, withPhrase } from '../policy/phrased.js'
import type { RecordedEvent, Store } from '../stores/Store.js'
import { AUDIT_MESSAGES, type AuditPhrase } from './auditMessages.js'
import { keyringCheck } from './keyringCheck.js'
import { parseAuditLog } from './parseAuditLog.js'
import { pinnedPolicies } from './pinnedPolicies.js'
import { replayInitiative } from './replayInitiative.js'
import { assertAuditOk, tampered, type VerifyAuditOptions } from './verifyAudit.js'

export interface ImportAuditOptions extends VerifyAuditOptions {
  /** Policy versions to pin alongside (those the events name and the store lacks). */
  policies?: readonly Policy[]
}

export interface ImportSummary {
  events: number
  initiatives: number
  /** Events appended; the rest were in the store already. */
  added: number
  /**
   * Policy hashes the events name that neither the options nor the store hold: engines cannot load
   * those initiatives yet, and their events were checked for hashes and links but not the rules.
   */
  missingPolicies: string[]
}

/** One initiative of the log: its events, and where the first of them stands in the log. */
interface Run {
  offset: number
  events: RecordedEvent[]
}

/**
 * Imports an audit log (JSON Lines text, or parsed records) into a store after verifying it: the
 * hash chain, then each initiative replayed under the rules of the policy it is pinned to (given
 * in `policies`, or already in the store), with its signed commands checked against the store's
 * keyring when the store has one (a log carries no keyring; an engine checks them on load). A log that fails either is refused whole with
 * AUDIT_TAMPERED, naming the first bad position. Each initiative is appended in one transaction;
 * events the store already has (the same hashes) are skipped, so an import can be repeated. If
 * any initiative's stored events differ from the log's, nothing is imported (CONFLICT).
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
  const events = entries as readonly RecordedEvent[]
  // The chain check guarantees each initiative's events stand together, in seq order.
  const runs = new Map<string, Run>()
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as RecordedEvent
    const run = runs.get(event.initiativeId)
    if (run === undefined) runs.set(event.initiativeId, { offset: i, events: [event] })
    else run.events.push(event)
  }

  const policies = pinnedPolicies(store, options.policies)
  // Signed commands are checked against the target's keyring, where it has one already.
  const keyrings = await keyringCheck(store)
  for (const [initiativeId, run] of runs) {
    const pinned = (run.events[0] as RecordedEvent).policyHash
    const found = await policies.pinned(pinned)
    if (found === undefined) continue // reported as a missing policy; the engine checks on load
    const signatures = keyrings.held ? keyrings.signaturesFor(pinned, found.policy, run.events) : undefined
    const { rule } = replayInitiative({
      machine: found.machine,
      policyHash: pinned,
      initiativeId,
      ...run,
      ...(signatures === undefined ? {} : { signatures }),
    })
    if (rule !== undefined) {
      const error = new TwoKeysError(
        'AUDIT_TAMPERED',
        `the audit log breaks the rules of its pinned policy: ${rule.message}. Nothing was imported; restore the log from a trusted copy`,
        { reasons: [rule.message] },
      )
      const finding = phraseOf<AuditPhrase>(rule)
      throw withPhrase(error, finding && tampered({ problem: 'rules', position: rule.position, finding }))
    }
  }

  // Check every initiative before appending any, so a mismatch imports nothing.
  const toAppend: [string, number, RecordedEvent[]][] = []
  for (const [initiativeId, { events: incoming }] of runs) {
    const stored = await store.readEvents(initiativeId)
    const differs = stored.findIndex((s, i) => incoming[i] !== undefined && incoming[i].hash !== s.hash)
    if (differs !== -1) {
      throw phrasedError('CONFLICT', AUDIT_MESSAGES, 'import.differs', {
        initiative: initiativeId,
        store: store.kind,
        seq: differs + 1,
      })
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
  const named = new Set<string>()
  for (const event of events) named.add(event.policyHash)
  for (const hash of named) {
    if ((await store.getPolicy(hash)) !== undefined) continue
    const policy = given.get(hash)
    if (policy === undefined) missingPolicies.push(hash)
    else await store.putPolicy(hash, policy)
  }
  return { events: events.length, initiatives: runs.size, added, missingPolicies }
}
