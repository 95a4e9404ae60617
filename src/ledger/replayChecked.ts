import type { AnyMachineSnapshot } from 'xstate'
import type { InitiativeContext } from '../../machines/InitiativeContext.js'
import type { InitiativeMachine } from '../../machines/initiative.js'
import { stepperFor } from '../../machines/stepper.js'
import { toMachineEvent } from '../../machines/toMachineEvent.js'
import type { Command } from '../domain/Command.js'
import { canonicalJson } from '../domain/canonicalHash.js'
import { eventHash } from '../domain/eventHash.js'
import { InitiativeEventSchema } from '../domain/InitiativeEvent.js'
import type { RecordedEvent } from '../domain/RecordedEvent.js'
import { TwoKeysError } from '../domain/TwoKeysError.js'
import type { InitiativeSnapshot } from '../explore/InitiativeSnapshot.js'
import type { KeyEntry, Keyring } from '../identity/KeyringSchema.js'
import { verifyCommandSignature } from '../identity/verifyCommandSignature.js'

/** Where a replay stands: the state after event `seq`, whose hash is `lastHash`. */
export interface ReplayPoint {
  snapshot: AnyMachineSnapshot
  seq: number
  lastHash: string
}

/** How signatures are checked: the keyring of each version, and whether every command must be signed. */
export interface SignatureCheck {
  /** `identity: signed` in the pinned policy: every event but a deadline's carries a signed command. */
  required: boolean
  keyring(version: number): Keyring | undefined
  /**
   * The Ed25519 verdict on a command's signature under an entry, when it was verified ahead (on
   * another thread); undefined: verify it here. Every other check of the signature is made here.
   */
  verified?(command: Command, entry: KeyEntry): boolean | undefined
}

/**
 * Why the signed command stored with an event does not stand, or null when it does: the signature
 * verifies under the keyring version recorded, at the event's time, and the event is exactly what
 * the command asks for in the state before it (so no field of the event can be changed).
 */
function signatureProblem(
  check: SignatureCheck,
  initiativeId: string,
  before: AnyMachineSnapshot,
  record: RecordedEvent,
): string | null {
  const command = record.command
  if (command === undefined) {
    return check.required && record.event.type !== 'TICK'
      ? `${describe(record)} carries no signed command, but the policy says identity: signed`
      : null
  }
  const keyring = record.keyring === undefined ? undefined : check.keyring(record.keyring)
  if (keyring === undefined)
    return `it names keyring version ${String(record.keyring)}, which the store does not have`
  if (command.commandId !== record.commandId || command.initiativeId !== initiativeId) {
    return 'its signed command names another command id or initiative'
  }
  const verdict = verifyCommandSignature(
    keyring,
    command,
    record.event.at,
    undefined,
    check.verified?.bind(check),
  )
  if (!verdict.ok) return verdict.reason
  const asked = toMachineEvent(command, initiativeId, before.context as InitiativeContext, record.event.at)
  if (canonicalJson(asked) !== canonicalJson(record.event)) {
    return `the event is not what the signed ${command.type} command by "${command.by}" asked for`
  }
  return null
}

/** Why a recorded event cannot follow the point before it, or null when it can. */
function linkProblem(initiativeId: string, policyHash: string, at: ReplayPoint, record: RecordedEvent) {
  if (record.initiativeId !== initiativeId) return `it belongs to initiative "${record.initiativeId}"`
  if (record.seq !== at.seq + 1) return `it is numbered ${record.seq} where ${at.seq + 1} follows`
  if (record.prevHash !== at.lastHash) return 'it does not link to the event before it (prevHash)'
  if (eventHash(record) !== record.hash) return 'its content does not match its hash: it was edited'
  if (record.policyHash !== policyHash)
    return `it names policy ${String(record.policyHash).slice(0, 12)}, not the pinned one`
  // The hash is right, so the shape is what was stored: a malformed event was written that way.
  if (!InitiativeEventSchema.safeParse(record.event).success)
    return 'its event is not a well-formed twokeys event'
  return null
}

/**
 * Replays recorded events of one initiative onto a trusted point, checking each before it counts:
 * its seq, its link and its own hash, the pinned policy, its signed command (with `signatures`:
 * the signature, and that the event is what the command asked), and that the machine — the
 * rules — takes it there and reaches the revision it records. A log edited by someone who recomputed
 * every hash still fails here when the edit breaks a rule. The first bad event is named.
 *
 * @example
 * const point = replayChecked(machine, hash, 'kazan', { snapshot: initial, seq: 0, lastHash: '' }, events)
 */
export function replayChecked(
  machine: InitiativeMachine,
  policyHash: string,
  initiativeId: string,
  from: ReplayPoint,
  records: readonly RecordedEvent[],
  signatures?: SignatureCheck,
): ReplayPoint {
  let at = from
  const step = stepperFor(machine)
  for (const record of records) {
    const tampered = (why: string) =>
      new TwoKeysError(
        'AUDIT_TAMPERED',
        `initiative "${initiativeId}", event ${at.seq + 1}: ${why}; the stored log was altered — run \`twokeys audit verify\` and restore it from a backup`,
      )
    const problem =
      linkProblem(initiativeId, policyHash, at, record) ??
      (signatures === undefined ? null : signatureProblem(signatures, initiativeId, at.snapshot, record))
    if (problem !== null) throw tampered(problem)
    const next = step(at.snapshot as InitiativeSnapshot, record.event)
    if (next === at.snapshot) {
      throw tampered(
        `the pinned policy's machine does not take ${describe(record)} in state ${JSON.stringify(at.snapshot.value)}`,
      )
    }
    const revision = (next.context as InitiativeContext).revision.hash
    if (revision !== record.revision) {
      throw tampered(
        `it records revision ${record.revision.slice(0, 12)}, but the rules give ${revision.slice(0, 12)}`,
      )
    }
    at = { snapshot: next, seq: record.seq, lastHash: record.hash }
  }
  return at
}

/** The event in words; only called once `linkProblem` has found it well-formed. */
function describe(record: RecordedEvent): string {
  const { event } = record
  return 'by' in event ? `${event.type} by "${event.by}"` : event.type
}
