import type { RecordedEvent } from '../../../src/stores/Store.js'
import {
  type Checkpoint,
  checkpointText,
  cosign,
  parseCheckpointText,
  verifyCosignatures,
} from '../../../src/tlog/checkpoint.js'
import { logLeafHash } from '../../../src/tlog/logLeaf.js'
import {
  consistencyProof,
  EMPTY_ROOT,
  type Hash,
  rootHash,
  verifyConsistency,
} from '../../../src/tlog/merkle.js'
import { generateNoteSigner, type NoteSigner, signerFromSeed } from '../../../src/tlog/noteKey.js'
import {
  COSIGNATURE_ED25519,
  NOTE_ED25519,
  signNote,
  type VerifierKey,
  verifyNote,
} from '../../../src/tlog/signedNote.js'
import { t } from '../i18n/language.js'

/** The log's name: the origin line of its checkpoints and the name of its key. */
export const LOG_ORIGIN = 'playground.twokeys.example/log'

/** The two witnesses: one run by each institution that holds a key. */
export const WITNESSES = [
  { id: 'pa', name: 'presidential-administration.witness', label: 'Presidential Administration' },
  { id: 'ga', name: 'government-apparatus.witness', label: 'Government Apparatus' },
] as const

export type WitnessId = (typeof WITNESSES)[number]['id']

/** Whose witness it is, in the page's language. */
export const witnessLabel = (id: WitnessId): string => t(`witnesses.${id}`)

/** A witness: its own key, and the last checkpoint it cosigned (size and root), which it only lets grow. */
export interface Witness {
  id: WitnessId
  name: string
  label: string
  signer: NoteSigner
  size: number
  root: Hash
}

/** A witness's answer to a checkpoint: a cosignature line, or why it refuses. */
export type WitnessAnswer =
  | { witness: WitnessId; ok: true; line: string }
  | { witness: WitnessId; ok: false; reason: string }

/** A published checkpoint with the witnesses' answers; `note` carries the log's signature and every cosignature given. */
export interface PublishedCheckpoint extends Checkpoint {
  note: string
  answers: WitnessAnswer[]
}

export const verifierOf = (s: NoteSigner): VerifierKey => ({
  name: s.name,
  type: s.type,
  publicKey: s.publicKey,
  keyId: s.keyId,
})

export const shortRoot = (root: Hash) =>
  Array.from(root.slice(0, 6), (b) => b.toString(16).padStart(2, '0')).join('')

/** The Merkle leaves of a log of events, in order: logLeafHash of { initiativeId, seq, hash }. */
export const leavesOf = (events: readonly RecordedEvent[]): Hash[] =>
  events.map((e) => logLeafHash({ initiativeId: e.initiativeId, seq: e.seq, hash: e.hash }))

const hex = (root: Hash) => shortRoot(root)

/**
 * What a witness does with a checkpoint note: check the log's signature, that the tree does not
 * shrink, and that the consistency proof shows the tree extends the last one it cosigned; then
 * cosign, and (with `remember`) keep the new size and root. It never looks at the events.
 */
export function askWitness(
  witness: Witness,
  logKey: VerifierKey,
  note: string,
  proof: readonly Hash[],
  timestamp: number,
  remember: boolean,
): WitnessAnswer {
  const refuse = (reason: string): WitnessAnswer => ({ witness: witness.id, ok: false, reason })
  const signed = verifyNote(note, [logKey])
  if (typeof signed === 'string') return refuse(t('witnesses.badSignature', { reason: signed }))
  const checkpoint = parseCheckpointText(signed.text)
  if (typeof checkpoint === 'string') return refuse(checkpoint)
  if (checkpoint.origin !== logKey.name) return refuse(t('witnesses.otherLog', { origin: checkpoint.origin }))
  if (checkpoint.size < witness.size) {
    return refuse(t('witnesses.smaller', { size: checkpoint.size, cosigned: witness.size }))
  }
  if (!verifyConsistency(witness.size, checkpoint.size, proof, witness.root, checkpoint.root)) {
    return refuse(
      t('witnesses.inconsistent', {
        fromSize: witness.size,
        fromRoot: hex(witness.root),
        toSize: checkpoint.size,
        toRoot: hex(checkpoint.root),
      }),
    )
  }
  const line = cosign(signed.text, witness.name, witness.signer.seed, witness.signer.publicKey, timestamp)
  if (remember) {
    witness.size = checkpoint.size
    witness.root = checkpoint.root
  }
  return { witness: witness.id, ok: true, line }
}

export interface WitnessedLog {
  readonly origin: string
  readonly logKey: NoteSigner
  readonly witnesses: readonly Witness[]
  /** The last checkpoint both witnesses cosigned, or null before the first event. */
  latest(): PublishedCheckpoint | null
  /**
   * Publishes a checkpoint over `events` (the whole log, oldest first) and asks every witness to
   * cosign it, with the consistency proof from the size each last cosigned. With `remember: false`
   * (the demos) the witnesses answer but keep their state, and `latest` does not change.
   */
  publish(
    events: readonly RecordedEvent[],
    timestamp: number,
    options?: { remember?: boolean; lenient?: WitnessId },
  ): PublishedCheckpoint
  /** Which witnesses' cosignatures on a note verify, by id; an empty list when the log's own signature fails. */
  cosignedBy(note: string): WitnessId[]
}

/**
 * A Merkle log over the trail's events with a log key, and two witnesses with their own keys,
 * all made in the browser. The log's operator signs checkpoints; a witness cosigns a checkpoint
 * only when it extends the last one it cosigned. `lenient` names a witness that cosigns without
 * checking (the lesson's colluding institution). `seed` fixes the keys in tests.
 */
export function createWitnessedLog(seed?: (name: string) => Uint8Array): WitnessedLog {
  const make = (name: string, type: number) =>
    seed === undefined ? generateNoteSigner(name, type) : signerFromSeed(name, type, seed(name))
  const logKey = make(LOG_ORIGIN, NOTE_ED25519)
  const witnesses: Witness[] = WITNESSES.map((w) => ({
    ...w,
    signer: make(w.name, COSIGNATURE_ED25519),
    size: 0,
    root: EMPTY_ROOT,
  }))
  const logVerifier = verifierOf(logKey)
  let latest: PublishedCheckpoint | null = null

  function publish(
    events: readonly RecordedEvent[],
    timestamp: number,
    options: { remember?: boolean; lenient?: WitnessId } = {},
  ): PublishedCheckpoint {
    const remember = options.remember ?? true
    const leaves = leavesOf(events)
    const checkpoint: Checkpoint = { origin: LOG_ORIGIN, size: leaves.length, root: rootHash(leaves) }
    const text = checkpointText(checkpoint)
    let note = signNote(text, LOG_ORIGIN, logKey.seed, logKey.publicKey)
    const answers = witnesses.map((w) => {
      if (options.lenient === w.id) {
        return {
          witness: w.id,
          ok: true,
          line: cosign(text, w.name, w.signer.seed, w.signer.publicKey, timestamp),
        } as const
      }
      const proof = w.size <= leaves.length ? consistencyProof(leaves, w.size) : []
      return askWitness(w, logVerifier, note, proof, timestamp, remember)
    })
    for (const a of answers) if (a.ok) note += a.line
    const published = { ...checkpoint, note, answers }
    if (remember && answers.every((a) => a.ok)) latest = published
    return published
  }

  function cosignedBy(note: string): WitnessId[] {
    if (typeof verifyNote(note, [logVerifier]) === 'string') return []
    const result = verifyCosignatures(
      note,
      witnesses.map((w) => verifierOf(w.signer)),
    )
    if (typeof result === 'string') return []
    return witnesses.filter((w) => result.cosignedBy.some((c) => c.name === w.name)).map((w) => w.id)
  }

  return { origin: LOG_ORIGIN, logKey, witnesses, latest: () => latest, publish, cosignedBy }
}
