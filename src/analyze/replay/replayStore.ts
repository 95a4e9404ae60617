import { formatInstant } from '../../../machines/facts.js'
import { createInitiativeMachine } from '../../../machines/initiative.js'
import { keyringCheck } from '../../audit/keyringCheck.js'
import { pinnedPolicies } from '../../audit/pinnedPolicies.js'
import { hashPolicy } from '../../policy/hashPolicy.js'
import type { Policy } from '../../policy/PolicySchema.js'
import type { RecordedEvent, Store } from '../../stores/Store.js'
import { analyzeError } from '../analyzeMessages.js'
import type { InitiativeReplayResult, ReplayResult } from './ReplayResult.js'
import { type Judge, rejudgeInitiative } from './rejudgeInitiative.js'

export interface ReplayOptions {
  /** The instant to judge at (epoch ms); the store's last event time by default. Not before it. */
  at?: number
  /** Say which running initiatives can move to the candidate, and why the others cannot. */
  migrate?: boolean
}

/** Changed initiatives counted by the rule of their divergence, most first, then by name. */
function byRule(results: readonly InitiativeReplayResult[]) {
  const counts = new Map<string, number>()
  for (const r of results) {
    if (!r.changed) continue
    const rule = r.divergence?.rule ?? 'keys'
    counts.set(rule, (counts.get(rule) ?? 0) + 1)
  }
  return [...counts]
    .map(([rule, count]) => ({ rule, count }))
    .sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule))
}

async function replayNow(
  store: Store,
  candidatePolicy: Policy,
  options: ReplayOptions,
): Promise<ReplayResult> {
  const candidate: Judge = {
    policy: candidatePolicy,
    hash: hashPolicy(candidatePolicy),
    machine: createInitiativeMachine(candidatePolicy),
  }
  const histories: { id: string; events: RecordedEvent[] }[] = []
  let last = 0
  for (const id of await store.listInitiatives()) {
    const events = await store.readEvents(id)
    if (events.length === 0) continue
    histories.push({ id, events })
    for (const e of events) last = Math.max(last, e.event.at)
  }
  const at = options.at ?? last
  if (at < last) {
    throw analyzeError('COMMAND_INVALID', 'replay.atBeforeLast', {
      at: formatInstant(at),
      last: formatInstant(last),
    })
  }
  const policies = pinnedPolicies(store)
  const keyrings = await keyringCheck(store)
  const initiatives: InitiativeReplayResult[] = []
  for (const { id, events } of histories) {
    const hash = (events[0] as RecordedEvent).policyHash
    const pinned = await policies.pinned(hash)
    if (pinned === undefined) {
      throw analyzeError('AUDIT_TAMPERED', 'replay.cannotRejudge', {
        initiative: id,
        problem: policies.problems.at(-1),
      })
    }
    const signatures = keyrings.signaturesFor(hash, pinned.policy, events)
    initiatives.push(
      rejudgeInitiative({
        initiativeId: id,
        events,
        recorded: { ...pinned, hash },
        candidate,
        at,
        ...(signatures === undefined ? {} : { signatures }),
        ...(options.migrate === true ? { migrate: true } : {}),
      }),
    )
  }
  const migrations = initiatives.flatMap((r) => (r.migration === undefined ? [] : [r.migration]))
  return {
    candidate: { id: candidatePolicy.id, hash: candidate.hash },
    at,
    initiatives,
    summary: {
      initiatives: initiatives.length,
      changed: initiatives.filter((r) => r.changed).length,
      byRule: byRule(initiatives),
      ...(options.migrate === true
        ? {
            migrate: {
              running: migrations.length,
              can: migrations.filter((m) => m.ok).length,
              cannot: migrations.filter((m) => !m.ok).length,
            },
          }
        : {}),
    },
  }
}

/**
 * Re-judges every initiative a store holds under a candidate policy, in "shadow" mode: nothing is
 * written. Each history is checked under its own pinned policy first (a tampered log or a missing
 * policy is an error, never a finding), then offered event by event to the candidate's machine
 * (`rejudgeInitiative`). Reads one snapshot of the database where the store offers it.
 *
 * @example
 * const result = await replayStore(sqliteStore('twokeys.db', { mustExist: true }), loadPolicyFile('single-key.yaml'))
 * result.summary // { initiatives: 3, changed: 1, byRule: [{ rule: 'keys', count: 1 }] }
 */
export async function replayStore(
  store: Store,
  candidate: Policy,
  options: ReplayOptions = {},
): Promise<ReplayResult> {
  if (store.consistentRead !== undefined)
    return store.consistentRead(() => replayNow(store, candidate, options))
  return replayNow(store, candidate, options)
}
