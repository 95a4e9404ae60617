import { utf8ToBytes } from '@noble/hashes/utils.js'
import { toBase64 } from '../../src/tlog/base64.js'
import { checkpointText } from '../../src/tlog/checkpoint.js'
import { consistencyProof, type Hash, leafHash, rootHash } from '../../src/tlog/merkle.js'
import { type NoteSigner, signerFromSeed, verifierKeyOf } from '../../src/tlog/noteKey.js'
import {
  COSIGNATURE_ED25519,
  NOTE_ED25519,
  parseVerifierKey,
  signNote,
  type VerifierKey,
} from '../../src/tlog/signedNote.js'

export const ORIGIN = 'twokeys.example/log'
export const seed = (n: number) => new Uint8Array(32).fill(n)
export const vkeyOf = (signer: NoteSigner) => parseVerifierKey(verifierKeyOf(signer)) as VerifierKey

/** The Presidential Administration's witness key, fixed so tests are repeatable. */
export const paWitness = signerFromSeed('pa.example/witness', COSIGNATURE_ED25519, seed(9))

/** The add-checkpoint body of c2sp.org/tlog-witness. */
export const body = (old: number, proof: readonly Hash[], note: string) =>
  `old ${old}\n${proof.map((h) => `${toBase64(h)}\n`).join('')}\n${note}`

/**
 * A real log: leaves hashed as RFC 6962 says, checkpoints signed by the log's key. `fork()` gives a
 * second log with the same key and history so far, whose later leaves differ — a split view.
 */
export function makeLog(
  signer = signerFromSeed(ORIGIN, NOTE_ED25519, seed(7)),
  leaves: Hash[] = [],
  branch = 'main',
) {
  const log = {
    signer,
    vkey: vkeyOf(signer),
    leaves,
    append(n: number) {
      for (let i = 0; i < n; i++) leaves.push(leafHash(utf8ToBytes(`${branch} leaf ${leaves.length}`)))
      return log
    },
    root: (size = leaves.length) => rootHash(leaves.slice(0, size)),
    text: (size = leaves.length) => checkpointText({ origin: signer.name, size, root: log.root(size) }),
    /** The checkpoint of the first `size` leaves, signed by the log. */
    note: (size = leaves.length) => signNote(log.text(size), signer.name, signer.seed, signer.publicKey),
    proof: (old: number, size = leaves.length) => consistencyProof(leaves.slice(0, size), old),
    /** The body asking to cosign size `size` from `old`, with the right proof. */
    request: (old: number, size = leaves.length) => body(old, log.proof(old, size), log.note(size)),
    fork: (name: string) => makeLog(signer, leaves.slice(), name),
  }
  return log
}
