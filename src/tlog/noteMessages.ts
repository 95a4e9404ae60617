import { type PhraseOf, phrasesOf, sayWith } from '../domain/phrasedError.js'
/**
 * The English of why a signed note, a checkpoint or a cosignature does not check out (parsing a
 * note, `verifyNote`, `parseCheckpointText`, `verifyCosignatures`), by message key: the words that
 * were there before they were data, byte for byte. `NOTE_MESSAGES_RU` has the same keys with the
 * same parameters.
 */
export const NOTE_MESSAGES = {
  'note.controlCharacter': (_: Record<string, never>) => 'a note may hold no control characters but newlines',
  'note.noFinalNewline': (_: Record<string, never>) => 'a note ends with a newline',
  'note.noBlankLine': (_: Record<string, never>) =>
    'a note has a blank line between its text and its signatures',
  'note.badSignatureLine': (p: { line: string }) => `"${p.line}" is not a signature line "— <name> <base64>"`,
  'note.unsigned': (_: Record<string, never>) => 'a note has at least one signature',
  'note.signatureFails': (p: { name: string }) =>
    `the signature of "${p.name}" does not verify: the note was altered`,
  'note.noTrustedSignature': (_: Record<string, never>) => 'no signature from a trusted key',
  'checkpointText.lines': (_: Record<string, never>) =>
    'a checkpoint has an origin, a size and a root, one per line',
  'checkpointText.size': (p: { size: string }) => `"${p.size}" is not a tree size`,
  'checkpointText.root': (p: { root: string }) => `"${p.root}" is not a base64 SHA-256 root hash`,
  'cosignature.malformed': (p: { name: string }) =>
    `the cosignature of "${p.name}" is not a timestamp and an Ed25519 signature`,
  'cosignature.fails': (p: { name: string }) =>
    `the cosignature of "${p.name}" does not verify: the checkpoint was altered`,
}

/** Why a note, a checkpoint or a cosignature does not check out, as a phrase of {@link NOTE_MESSAGES}. */
export type NoteProblem = PhraseOf<typeof NOTE_MESSAGES>

/** A note's problem in English. */
export const noteProblemText = sayWith(NOTE_MESSAGES)

/** True when a check's result is its problem (a phrase), not what it read. */
export const isNoteProblem = <T extends object>(result: T | NoteProblem): result is NoteProblem =>
  'key' in result && 'params' in result

/** A problem of {@link NOTE_MESSAGES}. */
export const noteProblem = phrasesOf(NOTE_MESSAGES)
