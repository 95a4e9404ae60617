import { getInitialSnapshot } from 'xstate'
import type { InitiativeMachine } from '../../machines/initiative.js'
import { canonicalJson } from '../domain/canonicalHash.js'
import type { RecordedEvent } from '../domain/RecordedEvent.js'
import { stateDigest } from '../domain/stateDigest.js'
import { isTwoKeysError } from '../domain/TwoKeysError.js'
import { snapshotSealValid } from '../engine/snapshotSeal.js'
import { type ReplayPoint, replayChecked, type SignatureCheck } from '../ledger/replayChecked.js'
import { withPhrase } from '../policy/phrased.js'
import type { StoredSnapshot } from '../stores/Store.js'
import { type AuditPhrase, auditPhrase, renderAuditPhrase } from './auditMessages.js'
import { phrasedProblems } from './phrasedProblems.js'

export interface ReplayInput {
  machine: InitiativeMachine
  /** The policy the initiative is pinned to (its first event's). */
  policyHash: string
  initiativeId: string
  /** All of the initiative's events, in seq order. */
  events: readonly RecordedEvent[]
  /** The position of its first event in the audit log, to name a bad event by. */
  offset: number
  /** Saved snapshots of the initiative, each compared with the replay at its seq. */
  snapshots?: readonly StoredSnapshot[]
  /** The engine's snapshot key, to check seals too; without it only states are compared. */
  snapshotKey?: Uint8Array
  /** The state digests the store's Merkle log records, by seq: each compared with the replay's. */
  logStates?: ReadonlyMap<number, string>
  /** The keyring versions, to check each signed command as the engine does on load. */
  signatures?: SignatureCheck
}

export interface RuleFinding {
  position: number
  seq: number
  /** `position p (initiative "…", seq s): why`. */
  message: string
}

export interface InitiativeReplay {
  /** Events the rules took, from the first on. */
  replayed: number
  /** The first event the rules reject (or whose link or hash is broken). */
  rule?: RuleFinding
  /**
   * One line per snapshot, or state recorded in the log, that differs from the replay, in seq
   * order; their phrases ride on the list (see `phrasedProblems`).
   */
  snapshotProblems: string[]
}

type State = Parameters<InitiativeMachine['getPersistedSnapshot']>[0]

const short = (hash: string) => `${hash.slice(0, 12)}…`

/** The ledger's reason, without the engine's framing around it (the audit frames it by position). */
function reasonOf(message: string, initiativeId: string, seq: number): string {
  const framing = `initiative "${initiativeId}", event ${seq}: `
  const start = message.startsWith(framing) ? framing.length : 0
  const end = message.lastIndexOf('; the stored log was altered')
  return message.slice(start, end === -1 ? undefined : end)
}

/**
 * Replays one initiative's events under its pinned policy with the ledger's checks (seq, link,
 * hash, policy, signed commands, the rules, the recorded revision), once, from its first event; and compares every
 * saved snapshot with the state the replay reaches at its seq. One pass: linear in the events.
 *
 * @example
 * const { rule } = replayInitiative({ machine, policyHash, initiativeId, events, offset: 0 })
 * if (rule) console.error(rule.message) // 'position 2 (initiative "kazan", seq 3): …'
 */
export function replayInitiative(input: ReplayInput): InitiativeReplay {
  const { machine, policyHash, initiativeId, events, offset, snapshotKey, signatures } = input
  const problems: { seq: number; phrase: AuditPhrase }[] = []
  const pending: StoredSnapshot[] = []
  for (const saved of input.snapshots ?? []) {
    const where = { initiative: initiativeId, seq: saved.seq }
    if (
      snapshotKey !== undefined &&
      saved.seal !== '' &&
      !snapshotSealValid(snapshotKey, initiativeId, saved)
    ) {
      problems.push({ seq: saved.seq, phrase: auditPhrase('snapshots.badSeal', where) })
    }
    const own = Number.isSafeInteger(saved.seq) && saved.seq >= 1 ? events[saved.seq - 1] : undefined
    if (own === undefined || own.seq !== saved.seq || own.hash !== saved.hash) {
      problems.push({ seq: saved.seq, phrase: auditPhrase('snapshots.noSuchEvent', where) })
    } else if (saved.policyHash !== policyHash) {
      problems.push({
        seq: saved.seq,
        phrase: auditPhrase('snapshots.otherPolicy', {
          ...where,
          hash: short(saved.policyHash),
          pinned: short(policyHash),
        }),
      })
    } else {
      pending.push(saved)
    }
  }
  pending.sort((a, b) => a.seq - b.seq)

  let point: ReplayPoint = {
    snapshot: getInitialSnapshot(machine, { policyHash }),
    seq: 0,
    lastHash: '',
  }
  let rule: RuleFinding | undefined
  let next = 0
  for (let i = 0; i < events.length; i++) {
    const record = events[i] as RecordedEvent
    try {
      point = replayChecked(machine, policyHash, initiativeId, point, [record], signatures)
    } catch (error) {
      if (!isTwoKeysError(error) || error.code !== 'AUDIT_TAMPERED') throw error
      const position = offset + i
      const phrase = auditPhrase('rules.broken', {
        at: { position, initiative: initiativeId, seq: record.seq },
        reason: reasonOf(error.message, initiativeId, point.seq + 1),
      })
      rule = withPhrase({ position, seq: record.seq, message: renderAuditPhrase(phrase) }, phrase)
      break
    }
    const recorded = input.logStates?.get(point.seq)
    if (recorded !== undefined && recorded !== digestOf(machine, initiativeId, policyHash, point)) {
      problems.push({
        seq: point.seq,
        phrase: auditPhrase('snapshots.falseState', { initiative: initiativeId, seq: point.seq }),
      })
    }
    for (; pending[next]?.seq === point.seq; next++) {
      const saved = pending[next] as StoredSnapshot
      if (!sameState(machine, point, saved)) {
        problems.push({
          seq: saved.seq,
          phrase: auditPhrase('snapshots.edited', { initiative: initiativeId, seq: saved.seq }),
        })
      }
    }
  }
  for (const seq of input.logStates?.keys() ?? []) {
    if (seq <= point.seq) continue
    problems.push({
      seq,
      phrase: auditPhrase('snapshots.stateUnchecked', {
        initiative: initiativeId,
        seq,
        brokenAt: rule?.position ?? null,
      }),
    })
  }
  for (const saved of pending.slice(next)) {
    problems.push({
      seq: saved.seq,
      phrase: auditPhrase('snapshots.unchecked', {
        initiative: initiativeId,
        seq: saved.seq,
        brokenAt: rule?.position ?? null,
      }),
    })
  }
  problems.sort((a, b) => a.seq - b.seq)
  return {
    replayed: rule === undefined ? events.length : rule.position - offset,
    ...(rule === undefined ? {} : { rule }),
    snapshotProblems: phrasedProblems(
      problems.map((p) => renderAuditPhrase(p.phrase)),
      problems.map((p) => p.phrase),
    ),
  }
}

function digestOf(machine: InitiativeMachine, initiativeId: string, policyHash: string, point: ReplayPoint) {
  const state = machine.getPersistedSnapshot(point.snapshot as State)
  return stateDigest(initiativeId, { seq: point.seq, hash: point.lastHash, policyHash, state })
}

function sameState(machine: InitiativeMachine, point: ReplayPoint, saved: StoredSnapshot): boolean {
  try {
    return canonicalJson(machine.getPersistedSnapshot(point.snapshot as State)) === canonicalJson(saved.state)
  } catch {
    return false // a stored state with no JSON form was not written by an engine
  }
}
