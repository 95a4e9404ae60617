import type { ErrorPhrase } from '../domain/TwoKeysError.js'
import type { Store, StoredCheckpoint, StoreLog } from '../stores/Store.js'
import { checkCosignatures, verifyCosignatures } from '../tlog/checkpoint.js'
import { consistencyProof, type Hash } from '../tlog/merkle.js'
import { isNoteProblem } from '../tlog/noteMessages.js'
import type { WitnessEntry, WitnessList } from '../tlog/witnessList.js'
import { addCheckpointBody } from './addCheckpointBody.js'
import { LOG_MESSAGES, logError } from './logMessages.js'
import { logOf } from './logOf.js'
import { logSignedPart } from './logSignedPart.js'
import { readLeafHashes } from './readLeafHashes.js'

/** What one witness answered. */
export interface WitnessAnswer {
  institution: string
  witness: string
  ok: boolean
  /** HTTP status (0 when the witness could not be reached). */
  status: number
  /** What it answered, in English (`said` in English). */
  message: string
  /** {@link message} as a phrase of `LOG_MESSAGES`, which the CLI words in its language. */
  said: ErrorPhrase
}

type Messages = typeof LOG_MESSAGES
/** An answer's message and its phrase, from one key and its parameters. */
function answered<K extends keyof Messages & `answer.${string}`>(
  key: K,
  params: Parameters<Messages[K]>[0],
): { message: string; said: ErrorPhrase } {
  const message = (LOG_MESSAGES[key] as (params: unknown) => string)(params)
  return { message, said: { key, params } }
}

export type Fetch = (
  url: string,
  init: { method: 'POST'; body: string; headers: Record<string, string>; signal?: AbortSignal },
) => Promise<{ status: number; text(): Promise<string> }>

/** The size of the largest stored checkpoint this witness cosigned: what it last saw of us. */
async function lastCosignedBy(log: StoreLog, witness: WitnessEntry): Promise<number> {
  const all = await log.checkpoints()
  for (let i = all.length - 1; i >= 0; i--) {
    const c = all[i] as StoredCheckpoint
    const checked = verifyCosignatures(c.note, [witness.key])
    if (typeof checked !== 'string' && checked.cosignedBy.length > 0) return c.size
  }
  return 0
}

/**
 * Asks every listed witness that has a URL to cosign the latest checkpoint (c2sp.org/tlog-witness
 * add-checkpoint), proving it extends what that witness cosigned before; stores each valid
 * cosignature. A 409 (the witness saw another size) is retried once from the size it names.
 */
export async function requestCosignatures(
  store: Store,
  list: WitnessList,
  options: { fetch?: Fetch; timeoutMs?: number } = {},
): Promise<{ checkpoint: StoredCheckpoint; answers: WitnessAnswer[] }> {
  const log = logOf(store)
  const checkpoint = await log.latestCheckpoint()
  if (checkpoint === undefined) throw logError('NOT_FOUND', 'checkpoint.none', {})
  const sent = logSignedPart(checkpoint.note)
  const doFetch = options.fetch ?? (globalThis.fetch as unknown as Fetch)
  let leaves: Hash[] | undefined
  const proofFrom = async (old: number) => {
    leaves ??= await readLeafHashes(log, checkpoint.size)
    return old === 0 ? [] : consistencyProof(leaves, old)
  }
  const answers: WitnessAnswer[] = []
  for (const witness of list.witnesses) {
    if (witness.url === undefined) continue
    const answer = { institution: witness.institution, witness: witness.key.name }
    let old = await lastCosignedBy(log, witness)
    let result: WitnessAnswer | undefined
    for (let attempt = 0; attempt < 2 && result === undefined; attempt++) {
      let status = 0
      let body = ''
      try {
        const response = await doFetch(`${witness.url}/add-checkpoint`, {
          method: 'POST',
          body: addCheckpointBody(old, await proofFrom(old), sent),
          headers: { 'content-type': 'text/plain; charset=utf-8' },
          signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        })
        status = response.status
        body = await response.text()
      } catch (error) {
        result = {
          ...answer,
          ok: false,
          status: 0,
          ...answered('answer.unreachable', {
            url: witness.url,
            problem: error instanceof Error ? error.message : String(error),
          }),
        }
        break
      }
      if (status === 200) {
        const cosigned = checkCosignatures(checkpoint.note + body, [witness.key])
        if (isNoteProblem(cosigned) || cosigned.cosignedBy.length === 0) {
          result = {
            ...answer,
            ok: false,
            status,
            ...answered('answer.noValidCosignature', {
              witness: witness.key.name,
              problem: isNoteProblem(cosigned) ? cosigned : undefined,
            }),
          }
        } else {
          const own = body.split('\n').filter((l) => l.startsWith(`\u2014 ${witness.key.name} `))
          await log.addCosignatures(checkpoint.size, own)
          result = { ...answer, ok: true, status, ...answered('answer.cosigned', { size: checkpoint.size }) }
        }
      } else if (status === 409 && attempt === 0) {
        const seen = Number(body.trim())
        if (!Number.isSafeInteger(seen) || seen < 0 || seen > checkpoint.size) {
          result = {
            ...answer,
            ok: false,
            status,
            ...answered('answer.ahead', { seen: body.trim(), size: checkpoint.size }),
          }
        } else old = seen
      } else {
        result = {
          ...answer,
          ok: false,
          status,
          ...answered('answer.refused', { status, reason: body.trim().slice(0, 300) }),
        }
      }
    }
    answers.push(result ?? { ...answer, ok: false, status: 409, ...answered('answer.kept409', {}) })
  }
  const latest = (await log.checkpoints()).find((c) => c.size === checkpoint.size) ?? checkpoint
  return { checkpoint: latest, answers }
}
