import { type PhraseOf, sayWith } from '../domain/phrasedError.js'
import { type NoteProblem, noteProblemText } from '../tlog/noteMessages.js'

/**
 * The English of why an add-checkpoint body is malformed (`parseAddCheckpoint`), by message key:
 * the words that were there before they were data, byte for byte. `ADD_CHECKPOINT_BODY_MESSAGES_RU`
 * has the same keys with the same parameters.
 */
export const ADD_CHECKPOINT_BODY_MESSAGES = {
  'addCheckpointBody.notUtf8': (_: Record<string, never>) => 'the body is not UTF-8 text',
  'addCheckpointBody.noOldLine': (_: Record<string, never>) =>
    'the body starts with a line "old <size>" ending in a newline',
  'addCheckpointBody.badOldLine': (p: { line: string }) =>
    `the first line is "old <size>" (a decimal with no leading zeros), not "${p.line}"`,
  'addCheckpointBody.noEmptyLine': (_: Record<string, never>) =>
    'the proof lines end with an empty line before the checkpoint',
  'addCheckpointBody.tooManyProofLines': (p: { max: number }) => `more than ${p.max} consistency proof lines`,
  'addCheckpointBody.badProofLine': (p: { n: number; line: string }) =>
    `proof line ${p.n} "${p.line}" is not a base64 SHA-256 hash`,
  'addCheckpointBody.notANote': (_: Record<string, never>) =>
    'the checkpoint is a signed note: its text, an empty line, then signature lines',
  'addCheckpointBody.badCheckpoint': (p: { problem: NoteProblem }) =>
    `the checkpoint is malformed: ${noteProblemText(p.problem)}`,
}

/** Why an add-checkpoint body is malformed, as a phrase of {@link ADD_CHECKPOINT_BODY_MESSAGES}. */
export type AddCheckpointBodyProblem = PhraseOf<typeof ADD_CHECKPOINT_BODY_MESSAGES>

/** A body's problem in English. */
export const bodyProblemText = sayWith(ADD_CHECKPOINT_BODY_MESSAGES)

/**
 * The English of a witness's answer to an add-checkpoint request (`AddCheckpointOutcome.reason`),
 * by message key: the words that were there before they were data, byte for byte; the witness
 * speaks in the first person. `ADD_CHECKPOINT_MESSAGES_RU` has the same keys with the same parameters.
 */
export const ADD_CHECKPOINT_MESSAGES = {
  'addCheckpoint.malformed': (p: { problem: AddCheckpointBodyProblem }) =>
    `malformed add-checkpoint body: ${bodyProblemText(p.problem)}`,
  'addCheckpoint.unknownLog': (p: { origin: string }) =>
    `unknown log "${p.origin}": this witness has no verifier key for that origin (its operator adds one with --log-key)`,
  'addCheckpoint.notSignedByLog': (p: { origin: string; problem: NoteProblem }) =>
    `the checkpoint of "${p.origin}" is not validly signed by its log: ${noteProblemText(p.problem)}`,
  'addCheckpoint.oldTooLarge': (p: { oldSize: number; size: number }) =>
    `old size ${p.oldSize} is larger than the checkpoint's size ${p.size}`,
  'addCheckpoint.otherOldSize': (p: { lastSize: number; origin: string; oldSize: number }) =>
    `I last cosigned size ${p.lastSize} of "${p.origin}", not ${p.oldSize}; send "old ${p.lastSize}" and a proof from there`,
  'addCheckpoint.emptyTreeRoot': (_: Record<string, never>) =>
    'a checkpoint of size 0 must have the empty tree’s root, SHA-256("")',
  'addCheckpoint.proofFromZero': (_: Record<string, never>) =>
    'from old size 0 the consistency proof must be empty',
  'addCheckpoint.splitView': (p: { size: number; origin: string; root: string }) =>
    `split view: I cosigned size ${p.size} of "${p.origin}" with root ${p.root}, and this checkpoint gives the same size another root`,
  'addCheckpoint.inconsistent': (p: { oldSize: number; size: number; origin: string }) =>
    `the consistency proof from size ${p.oldSize} to ${p.size} of "${p.origin}" does not verify: the checkpoint does not extend the one I cosigned`,
  'addCheckpoint.proofAtSameSize': (_: Record<string, never>) =>
    'for a checkpoint of the size I cosigned the consistency proof must be empty',
  'addCheckpoint.cosigned': (p: { size: number; origin: string }) =>
    `cosigned size ${p.size} of "${p.origin}"`,
  'addCheckpoint.bodyTooLarge': (_: Record<string, never>) => 'body too large',
}

/** A witness's answer as a phrase of {@link ADD_CHECKPOINT_MESSAGES}. */
export type AddCheckpointReason = PhraseOf<typeof ADD_CHECKPOINT_MESSAGES>

/** A witness's answer in English. */
export const addCheckpointReasonText = sayWith(ADD_CHECKPOINT_MESSAGES)
