import { type PhraseOf, sayWith } from '../domain/phrasedError.js'
import { type NoteProblem, noteProblemText } from './noteMessages.js'

/**
 * The English of why a checkpoint is not accepted under a witness list (`checkCosigned`), by
 * message key: the words that were there before they were data, byte for byte. The signatures'
 * own problems are phrases of `NOTE_MESSAGES`. `COSIGNED_MESSAGES_RU` has the same keys with the
 * same parameters.
 */
export const COSIGNED_MESSAGES = {
  'cosigned.logSignature': (p: { problem: NoteProblem }) =>
    `the log's signature: ${noteProblemText(p.problem)}`,
  'cosigned.cosignatures': (p: { problem: NoteProblem }) => noteProblemText(p.problem),
  'cosigned.notACheckpoint': (p: { problem: NoteProblem }) =>
    `not a checkpoint: ${noteProblemText(p.problem)}`,
  'cosigned.missing': (p: { institutions: string[] }) =>
    `no valid cosignature from a witness of ${p.institutions.map((m) => `"${m}"`).join(', ')}: history is settled only when a witness of each institution has cosigned it`,
}

/** Why a checkpoint is not accepted under a witness list, as a phrase of {@link COSIGNED_MESSAGES}. */
export type CosignedProblem = PhraseOf<typeof COSIGNED_MESSAGES>

/** Why a checkpoint is not accepted, in English. */
export const cosignedProblemText = sayWith(COSIGNED_MESSAGES)
