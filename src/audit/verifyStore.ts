import { createInitiativeMachine } from '../../machines/initiative.js'
import { canonicalJson } from '../domain/canonicalHash.js'
import { foldEvents } from '../engine/foldEvents.js'
import { hashPolicy } from '../policy/hashPolicy.js'
import type { RecordedEvent, Store } from '../stores/Store.js'
import { readAuditLog } from './readAuditLog.js'
import { type AuditResult, type VerifyAuditOptions, verifyAudit } from './verifyAudit.js'

export interface StoreAuditReport {
  /** True when the log, the pinned policies and the snapshots all check out. */
  ok: boolean
  /** The hash chain of every event. */
  audit: AuditResult
  /** Each policy the events name is stored and still hashes to its pin. */
  policies: { checked: number; problems: string[] }
  /** Each saved snapshot equals the replay of the events up to it (TK12). */
  snapshots: { checked: number; problems: string[] }
}

const short = (hash: string) => `${hash.slice(0, 12)}…`

/**
 * Verifies everything a store keeps that decides state: the hash-chained event log
 * ({@link verifyAudit}), the pinned policies (an edited policy would change the rules of running
 * initiatives) and the saved snapshots (each must equal a replay of the log up to it).
 *
 * @example
 * const report = await verifyStore(sqliteStore('twokeys.db', { mustExist: true }))
 * if (!report.ok) process.exitCode = 1
 */
export async function verifyStore(store: Store, options: VerifyAuditOptions = {}): Promise<StoreAuditReport> {
  const events = await readAuditLog(store)
  const audit = verifyAudit(events, options)

  const policies = { checked: 0, problems: [] as string[] }
  const machines = new Map<string, ReturnType<typeof createInitiativeMachine>>()
  for (const hash of new Set(events.map((e) => e.policyHash))) {
    policies.checked++
    const policy = await store.getPolicy(hash)
    if (policy === undefined) {
      policies.problems.push(
        `policy ${short(hash)} is missing: initiatives started under it cannot be loaded`,
      )
      continue
    }
    let actual: string
    try {
      actual = hashPolicy(policy)
    } catch {
      actual = '(not a policy)'
    }
    if (actual !== hash) {
      policies.problems.push(
        `policy ${short(hash)} was edited: it now hashes to ${short(actual)}, so it would change the rules of initiatives pinned to it`,
      )
      continue
    }
    machines.set(hash, createInitiativeMachine(policy))
  }

  const snapshots = { checked: 0, problems: [] as string[] }
  if (store.loadSnapshot !== undefined) {
    const byInitiative = new Map<string, RecordedEvent[]>()
    for (const e of events) byInitiative.set(e.initiativeId, [...(byInitiative.get(e.initiativeId) ?? []), e])
    for (const [initiativeId, log] of byInitiative) {
      const saved = await store.loadSnapshot(initiativeId)
      if (saved === undefined) continue
      snapshots.checked++
      const where = `snapshot of "${initiativeId}" at seq ${saved.seq}`
      if (log[saved.seq - 1]?.hash !== saved.hash) {
        snapshots.problems.push(`${where} does not match event seq ${saved.seq} of the log`)
        continue
      }
      const pinned = log[0]?.policyHash ?? ''
      if (saved.policyHash !== pinned) {
        snapshots.problems.push(
          `${where} names policy ${short(saved.policyHash)}, not the pinned ${short(pinned)}`,
        )
        continue
      }
      const machine = machines.get(pinned)
      if (machine === undefined) continue
      try {
        const replayed = foldEvents(
          machine,
          saved.policyHash,
          log.slice(0, saved.seq).map((e) => e.event),
        )
        if (
          canonicalJson(
            machine.getPersistedSnapshot(replayed as Parameters<typeof machine.getPersistedSnapshot>[0]),
          ) !== canonicalJson(saved.state)
        ) {
          snapshots.problems.push(`${where} differs from a replay of the log up to it; it was edited`)
        }
      } catch (error) {
        snapshots.problems.push(
          `${where} could not be checked: replaying the log failed (${error instanceof Error ? error.message : String(error)})`,
        )
      }
    }
  }

  return {
    ok: audit.ok && policies.problems.length === 0 && snapshots.problems.length === 0,
    audit,
    policies,
    snapshots,
  }
}
