import { errorsOf } from '../domain/phrasedError.js'
import { type NoteProblem, noteProblemText } from '../tlog/noteMessages.js'

/**
 * The English of the transparency log's errors (checkpoints, cosignatures, proofs), by message
 * key: the words that were there before they were data, byte for byte. `LOG_MESSAGES_RU` has the
 * same keys with the same parameters.
 */
export const LOG_MESSAGES = {
  'log.none': (p: { store: string }) =>
    `the ${p.store} store keeps no Merkle log; use the memory, SQLite or PostgreSQL store (or implement Store.log)`,
  'checkpoint.none': (_: Record<string, never>) =>
    'no checkpoint is published yet; publish one first (twokeys log checkpoint)',
  'cosign.oldTooLarge': (p: { old: number; size: number }) =>
    `--old ${p.old} is larger than the latest checkpoint (${p.size}): if the witness really cosigned a larger tree, this log was cut off or forked — investigate`,
  'cosign.emptyAnswer': (_: Record<string, never>) => 'the answer holds no cosignature line',
  'cosign.noCheckpoint': (_: Record<string, never>) =>
    'no stored checkpoint is cosigned by these lines under the listed witness keys: check the witnesses file, and that the answer is for a checkpoint of this log',
  'prove.noEvent': (p: { initiative: string; seq: number }) =>
    `initiative "${p.initiative}" has no event ${p.seq} in this store; check the id and seq (twokeys history)`,
  'prove.notCovered': (p: { initiative: string; seq: number; index: number; size: number | null }) =>
    `event ${p.seq} of "${p.initiative}" is entry ${p.index} of the log, which no checkpoint covers yet (latest size ${p.size ?? 'none'}); publish one with twokeys log checkpoint, then prove again`,
  'leaves.deleted': (p: { from: number; listed: number; found: number }) =>
    `the Merkle log lists ${p.listed} entries from index ${p.from} but only ${p.found} of their events exist: events were deleted from the database; restore it from a backup`,
  // A witness's answer to `log checkpoint --witnesses` (`WitnessAnswer.said`); a fetch's problem
  // and a witness's refusal are their own text, a bad cosignature's a phrase of NOTE_MESSAGES.
  'answer.unreachable': (p: { url: string; problem: string }) => `could not reach ${p.url}: ${p.problem}`,
  'answer.noValidCosignature': (p: { witness: string; problem: NoteProblem | undefined }) =>
    `answered 200 but with no valid cosignature by ${p.witness}${p.problem === undefined ? '' : `: ${noteProblemText(p.problem)}`}`,
  'answer.cosigned': (p: { size: number }) => `cosigned size ${p.size}`,
  'answer.ahead': (p: { seen: string; size: number }) =>
    `has cosigned size ${p.seen} of this log, more than the ${p.size} it holds now: the log was cut off or forked; do not publish, investigate`,
  'answer.refused': (p: { status: number; reason: string }) => `refused (${p.status}): ${p.reason}`,
  'answer.kept409': (_: Record<string, never>) => 'kept answering 409',
}

/** A log error, worded from {@link LOG_MESSAGES}. */
export const logError = errorsOf(LOG_MESSAGES)
