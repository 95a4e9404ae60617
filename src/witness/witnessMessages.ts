import { errorsOf } from '../domain/phrasedError.js'
import { type NoteKeyProblem, noteKeyProblemText } from '../tlog/noteKeyMessages.js'

/** Why a lost state cannot simply be recreated; every refusal to start says it. */
const REPLACE_NOT_RESTART =
  'a witness whose state is lost must be REPLACED with a new key (`twokeys witness key new`, then hand the new vkey to the log and its verifiers), not restarted: a fresh state would cosign a log rolled back behind what this key already cosigned'

/** Where a `--log-key` value came from: a file, or the vkey text itself. */
export interface LogKeyAt {
  value: string
  fromFile: boolean
}
const where = (at: LogKeyAt) => (at.fromFile ? `the file "${at.value}"` : `"${at.value}"`)

/**
 * The English of the witness's errors (its key, its state file, the log keys it trusts), by message
 * key: the words that were there before they were data, byte for byte. `WITNESS_MESSAGES_RU` has
 * the same keys with the same parameters. A key parser's problem (`problem`) is its phrase.
 */
export const WITNESS_MESSAGES = {
  'key.unreadable': (p: { path: string; code: string }) =>
    `cannot read the witness key "${p.path}" (${p.code}); make one with \`twokeys witness key new --name <name> --out <file>\``,
  'key.malformed': (p: { path: string; problem: NoteKeyProblem }) =>
    `witness key "${p.path}": ${noteKeyProblemText(p.problem)}`,
  'key.logsKey': (p: { path: string; type: number }) =>
    `"${p.path}" is a log's signing key (type ${p.type}), not a witness's cosigning key (type 4); make one with \`twokeys witness key new\``,
  'logKey.none': (p: { at: LogKeyAt }) =>
    `--log-key ${where(p.at)} holds no verifier key; pass the log's vkey or a file with it`,
  'logKey.malformed': (p: { at: LogKeyAt; problem: NoteKeyProblem }) =>
    `--log-key ${where(p.at)}: ${noteKeyProblemText(p.problem)}; pass the log's vkey (its name is the log's origin) or a file with it`,
  'logKey.notALogKey': (p: { at: LogKeyAt; name: string; type: number }) =>
    `--log-key ${where(p.at)}: "${p.name}" is a key of type ${p.type}, not a log's checkpoint key (type 1)`,
  'state.unreadable': (p: { path: string; code: string | undefined }) =>
    `cannot read the witness state "${p.path}" (${p.code}); check the path and its permissions`,
  'state.missing': (p: { path: string }) =>
    `no witness state at "${p.path}". For a NEW witness key that has never cosigned, start once with --init to create it. Otherwise ${REPLACE_NOT_RESTART}.`,
  'state.exists': (p: { path: string }) =>
    `--init creates a new witness state, but "${p.path}" already exists; it is never replaced: drop --init to use it`,
  'state.notJson': (p: { path: string }) =>
    `the witness state "${p.path}" is not JSON. Restore it from a backup only if it is the latest; otherwise ${REPLACE_NOT_RESTART}.`,
  'state.notAState': (p: { path: string; problems: string[] }) =>
    `the witness state "${p.path}" is not a twokeys witness state (${p.problems.join('; ')}); ${REPLACE_NOT_RESTART}`,
  'state.otherWitness': (p: { path: string; witness: string; key: string }) =>
    `the witness state "${p.path}" belongs to witness "${p.witness}", not to the key "${p.key}"; pass the state file of this key`,
  'state.unsaved': (p: { path: string; code: string }) =>
    `cannot save the witness state "${p.path}" (${p.code}); nothing was cosigned. Check that its folder exists and can be written`,
}

/** A witness error, worded from {@link WITNESS_MESSAGES}. */
export const witnessError = errorsOf(WITNESS_MESSAGES)
