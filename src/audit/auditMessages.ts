import { type KeyProblem, renderKeyProblem } from '../identity/identityMessages.js'
import type { Phrased } from '../policy/phrased.js'

/** An event of the log by where it is: `position 3 (initiative "kazan", seq 4)`. */
export interface EventAt {
  position: number
  initiative: string
  seq: number
}

/** An entry of the security log: `security log position 2 (command "c-17")`. */
export interface RefusalAt {
  position: number
  command: string
}

const at = (e: EventAt) => `position ${e.position} (initiative "${e.initiative}", seq ${e.seq})`
const refusalAt = (r: RefusalAt) => `security log position ${r.position} (command "${r.command}")`
const where = (w: EventAt | RefusalAt) => ('seq' in w ? at(w) : refusalAt(w))
const initiative = (id: string | null) => (id === null ? 'no initiative' : `initiative "${id}"`)
const seqs = (from: number, to: number) => (from === to ? `seq ${from}` : `seq ${from}–${to}`)

/**
 * The English of every problem the audit names (`audit verify`, `audit import`, `history`), by
 * message key: the words that were there before they were data, byte for byte (`--json`, the
 * tests and the README pin them). `AUDIT_MESSAGES_RU` has the same keys with the same parameters.
 * Hashes come shortened (`a1b2c3d4e5f6…`) as the messages show them.
 */
export const AUDIT_MESSAGES = {
  // the hash chain (verifyAudit)
  'chain.notAnchored': (p: { at: EventAt }) =>
    `${at(p.at)}: initiative "${p.at.initiative}" is not among the anchored heads; its events were inserted`,
  'chain.edited': (p: { at: EventAt }) => `${at(p.at)}: the event no longer matches its hash; it was edited`,
  'chain.secondCopy': (p: { at: EventAt }) =>
    `${at(p.at)}: a second copy of an event already in the log; it was inserted`,
  'chain.copyOutOfOrder': (p: { at: EventAt; positions: number[] }) =>
    `${at(p.at)}: the same event appears at positions ${p.positions.join(', ')}, out of order; a copy was inserted`,
  'chain.reordered': (p: { at: EventAt; seq: number; position: number }) =>
    `${at(p.at)}: comes before seq ${p.seq} (at position ${p.position}); the log was reordered`,
  'chain.forged': (p: { at: EventAt }) =>
    `${at(p.at)}: not part of the hash chain, which has another seq ${p.at.seq}; it was inserted (forged)`,
  'chain.pastAnchor': (p: { at: EventAt }) =>
    `${at(p.at)}: follows the anchored head, which the log must end at; it was inserted`,
  'chain.rehashed': (p: { at: EventAt }) =>
    `${at(p.at)}: the event was changed and its hash recomputed; it no longer links into the chain`,
  'chain.differsFromAnchor': (p: { at: EventAt; seq: number }) =>
    `${at(p.at)}: differs from the anchored head and no longer links to seq ${p.seq}; it was edited`,
  'chain.rehashedBefore': (p: { at: EventAt; seq: number; position: number }) =>
    `${at(p.at)}: the event was changed and its hash recomputed; seq ${p.seq} at position ${p.position} still points to its original hash`,
  'chain.firstLinks': (p: { at: EventAt }) =>
    `${at(p.at)}: the first event of an initiative must have an empty prevHash`,
  'chain.seqChanged': (p: { at: EventAt; seq: number }) =>
    `${at(p.at)}: follows seq ${p.seq} by its hash link, so its seq was changed and its hash recomputed`,
  'chain.missing': (p: { position: number; initiative: string; from: number; to: number; before: number }) =>
    `position ${p.position}: initiative "${p.initiative}" is missing ${seqs(p.from, p.to)} before seq ${p.before}; events were deleted`,
  'chain.split': (p: {
    position: number
    other: string | null
    initiative: string
    seq: number
    at: number
    nextSeq: number
    nextAt: number
  }) =>
    `position ${p.position}: an event of ${p.other === null ? 'a malformed entry' : `initiative "${p.other}"`} splits initiative "${p.initiative}" (seq ${p.seq} at position ${p.at}, seq ${p.nextSeq} at position ${p.nextAt}); each initiative's events must stay together, so the log was reordered`,
  'chain.anchorEdited': (p: { at: EventAt; hash: string }) =>
    `${at(p.at)}: differs from the anchored head ${p.hash}; it was edited (with its hash, and those of any earlier events edited with it, recomputed)`,
  'chain.tailDeleted': (p: {
    position: number
    initiative: string
    seq: number
    anchorSeq: number
    hash: string
  }) =>
    `position ${p.position}: initiative "${p.initiative}" ends at seq ${p.seq}, but its anchored head is seq ${p.anchorSeq} (${p.hash}); events were deleted from its end`,
  'chain.malformed': (p: { position: number }) =>
    `position ${p.position}: not an event record (it needs a string initiativeId, prevHash and hash and a seq ≥ 1)`,
  'chain.noEvents': (p: { position: number; initiative: string; seq: number }) =>
    `position ${p.position}: initiative "${p.initiative}" (anchored head seq ${p.seq}) has no events in the log; they were deleted`,
  // a long list of one kind (ProblemList)
  'problems.more': (p: { more: number }) => `… and ${p.more} more like these`,
  // the rules, snapshots and states (replayInitiative, verifyStore)
  'rules.broken': (p: { at: EventAt; reason: string }) => `${at(p.at)}: ${p.reason}`,
  'snapshots.badSeal': (p: { initiative: string; seq: number }) =>
    `snapshot of "${p.initiative}" at seq ${p.seq} has a seal that does not verify under the snapshot key: no engine holding the key wrote it`,
  'snapshots.noSuchEvent': (p: { initiative: string; seq: number }) =>
    `snapshot of "${p.initiative}" at seq ${p.seq} does not match event seq ${p.seq} of the log`,
  'snapshots.otherPolicy': (p: { initiative: string; seq: number; hash: string; pinned: string }) =>
    `snapshot of "${p.initiative}" at seq ${p.seq} names policy ${p.hash}, not the pinned ${p.pinned}`,
  'snapshots.falseState': (p: { initiative: string; seq: number }) =>
    `the state the Merkle log records after event ${p.seq} of "${p.initiative}" differs from a replay of the log up to it: a false state was written into the log, and an engine trusting checkpoints would believe a snapshot of it`,
  'snapshots.edited': (p: { initiative: string; seq: number }) =>
    `snapshot of "${p.initiative}" at seq ${p.seq} differs from a replay of the log up to it; it was edited`,
  'snapshots.stateUnchecked': (p: { initiative: string; seq: number; brokenAt: number | null }) =>
    `the state the Merkle log records after event ${p.seq} of "${p.initiative}" could not be checked: ${p.brokenAt === null ? 'the initiative has no such event' : `the log breaks the rules before it (position ${p.brokenAt})`}`,
  'snapshots.unchecked': (p: { initiative: string; seq: number; brokenAt: number | null }) =>
    `snapshot of "${p.initiative}" at seq ${p.seq} could not be checked: the log breaks the rules before it (${p.brokenAt === null ? 'see above' : `position ${p.brokenAt}`})`,
  'snapshots.orphan': (p: { initiative: string; seq: number }) =>
    `snapshot of "${p.initiative}" at seq ${p.seq} belongs to no initiative in the log: its events were deleted, or it was inserted`,
  // pinned policies (pinnedPolicies)
  'policies.missing': (p: { hash: string }) =>
    `policy ${p.hash} is missing: initiatives started under it cannot be loaded`,
  'policies.edited': (p: { hash: string; actual: string }) =>
    `policy ${p.hash} was edited: it now hashes to ${p.actual}, so it would change the rules of initiatives pinned to it`,
  // the security log (verifySecurityLog)
  'security.blanked': (p: { at: RefusalAt }) =>
    `${refusalAt(p.at)}: it has no hash but follows chained entries; it was inserted, or its hash blanked`,
  'security.edited': (p: { at: RefusalAt }) =>
    `${refusalAt(p.at)}: its content no longer matches its hash; it was edited`,
  'security.unlinked': (p: { at: RefusalAt }) =>
    `${refusalAt(p.at)}: it does not link to the entry before it; an entry was deleted or inserted before it`,
  // the command index (commandIndexCheck)
  'index.twice': (p: { command: string }) => `the command index has "${p.command}" twice`,
  'index.reused': (p: { at: EventAt | RefusalAt; command: string }) =>
    `${where(p.at)}: its command id "${p.command}" is also used by an earlier event or refusal; one id has one outcome`,
  'index.eventMissing': (p: { at: EventAt; command: string }) =>
    `${at(p.at)}: its command id "${p.command}" is not in the command index: the index row was deleted, so the id could be used again`,
  'index.eventMismatch': (p: { at: EventAt; command: string; outcome: Outcome; initiative: string | null }) =>
    `${at(p.at)}: the command index has its command id "${p.command}" as ${p.outcome} (${initiative(p.initiative)}); the index was edited`,
  'index.refusalMissing': (p: { at: RefusalAt }) =>
    `${refusalAt(p.at)}: its command id is not in the command index: the refusal was inserted, or the index row deleted`,
  'index.refusalMismatch': (p: { at: RefusalAt; outcome: Outcome; initiative: string | null }) =>
    `${refusalAt(p.at)}: the command index has its command id as ${p.outcome} (${initiative(p.initiative)}); the index was edited`,
  'index.alone': (p: { command: string; outcome: Outcome; initiative: string | null }) =>
    `the command index has "${p.command}" as ${p.outcome} (${initiative(p.initiative)}), but ${p.outcome === 'accepted' ? 'the log has no such event' : 'the security log has no such refusal'}: it was deleted, or the index row inserted`,
  // a cosigned checkpoint (checkAgainstCheckpoint)
  'checkpoint.cutOff': (p: { events: number; origin: string; size: number }) =>
    `the log was cut off: it holds ${p.events} events, but the checkpoint both institutions' witnesses cosigned (${p.origin}, size ${p.size}) holds ${p.size}`,
  'checkpoint.rewritten': (p: { size: number; root: string; origin: string; cosignedRoot: string }) =>
    `the log was rewritten: its first ${p.size} events hash to root ${p.root}, but the cosigned checkpoint (${p.origin}, size ${p.size}) says ${p.cosignedRoot}; events were edited, inserted, removed or reordered, and their hashes recomputed`,
  // a log that cannot be placed against a checkpoint (fileLeaves; a store's deleted leaves)
  'unplaced.noLogIndex': (p: { line: number }) =>
    `line ${p.line} has no logIndex: export the log again with this version (twokeys audit export) to check it against a checkpoint`,
  'unplaced.badLogIndex': (p: { line: number; logIndex: string }) =>
    `line ${p.line}: logIndex ${p.logIndex} is not a whole number ≥ 0`,
  'unplaced.notAnEvent': (p: { line: number }) => `line ${p.line} is not an event record`,
  'unplaced.badLogState': (p: { line: number; logState: string }) =>
    `line ${p.line}: logState ${p.logState} is not a state digest (64 lower-case hex digits)`,
  'unplaced.secondEvent': (p: { line: number; logIndex: number }) =>
    `line ${p.line}: a second event at logIndex ${p.logIndex}`,
  'unplaced.gap': (p: { logIndex: number }) =>
    `no event has logIndex ${p.logIndex}: an event was removed from the file`,
  // the stored keyring, replayed again (keyringCheck)
  'keyring.change': (p: { version: number; refused: boolean; problems: KeyProblem[] }) =>
    `keyring change ${p.version}: ${p.refused ? 'keyring change refused: ' : ''}${p.problems.map((x) => renderKeyProblem(x)).join('; ')}`,
  // importing a log (importAudit)
  'import.differs': (p: { initiative: string; store: string; seq: number }) =>
    `initiative "${p.initiative}" in the ${p.store} store differs from the imported log at seq ${p.seq}; import into an empty database or one holding an earlier copy of this log`,
  'unplaced.leavesDeleted': (p: { from: number; listed: number; found: number }) =>
    `the Merkle log lists ${p.listed} entries from index ${p.from} but only ${p.found} of their events exist: events were deleted from the database; restore it from a backup`,
} as const

/** What the command index says became of a command. */
export type Outcome = 'accepted' | 'refused'

/** An audit message's key. */
export type AuditMessageKey = keyof typeof AUDIT_MESSAGES
/** The parameters of an audit message. */
export type AuditMessageParams<K extends AuditMessageKey> = Parameters<(typeof AUDIT_MESSAGES)[K]>[0]
/** A catalogue of audit messages in one language: every key, with the English parameters. */
export type AuditMessages = { readonly [K in AuditMessageKey]: (params: AuditMessageParams<K>) => string }
/** An audit message as data. */
export type AuditPhrase = { [K in AuditMessageKey]: Phrased<K, AuditMessageParams<K>> }[AuditMessageKey]

/**
 * Makes a phrase; its English is {@link renderAuditPhrase}.
 *
 * @example
 * auditPhrase('policies.missing', { hash: 'a1b2c3d4e5f6…' })
 */
export const auditPhrase = <K extends AuditMessageKey>(key: K, params: AuditMessageParams<K>): AuditPhrase =>
  ({ key, params }) as AuditPhrase

/**
 * A phrase in words, from `messages` (English by default; `AUDIT_MESSAGES_RU` for Russian).
 *
 * @example
 * renderAuditPhrase(auditPhrase('index.twice', { command: 'c-1' })) // 'the command index has "c-1" twice'
 */
export function renderAuditPhrase(phrase: AuditPhrase, messages: AuditMessages = AUDIT_MESSAGES): string {
  return (messages[phrase.key] as (params: unknown) => string)(phrase.params)
}
