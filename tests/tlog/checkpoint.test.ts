import { describe, expect, it } from 'vitest'
import { ed25519PublicKey } from '../../src/identity/ed25519.js'
import { checkpointText, cosign, parseCheckpointText, verifyCosignatures } from '../../src/tlog/checkpoint.js'
import { leafHash, rootHash } from '../../src/tlog/merkle.js'
import {
  formatVerifierKey,
  parseVerifierKey,
  signNote,
  type VerifierKey,
  verifyNote,
} from '../../src/tlog/signedNote.js'

const seed = (n: number) => new Uint8Array(32).fill(n)
const key = (name: string, type: number, n: number) =>
  parseVerifierKey(formatVerifierKey(name, type, ed25519PublicKey(seed(n)))) as VerifierKey

describe('checkpoints and cosignatures (c2sp.org/tlog-checkpoint, tlog-cosignature)', () => {
  const root = rootHash([1, 2, 3].map((i) => leafHash(new Uint8Array([i]))))
  const text = checkpointText({ origin: 'twokeys.example/log', size: 3, root })

  it('writes the three lines and reads them back', () => {
    expect(text.split('\n')).toHaveLength(4)
    expect(parseCheckpointText(text)).toEqual({ origin: 'twokeys.example/log', size: 3, root })
    expect(parseCheckpointText('o\n03\nAAAA\n')).toMatch(/not a tree size/)
  })

  it('a log signs it; each institution’s witness cosigns it; the verifier requires each', () => {
    const log = key('twokeys.example/log', 1, 1)
    const signed = signNote(text, log.name, seed(1), log.publicKey)
    expect(verifyNote(signed, [log])).toMatchObject({ signedBy: ['twokeys.example/log'] })
    const pa = key('pa.example/witness', 4, 2)
    const ga = key('ga.example/witness', 4, 3)
    const both =
      signed +
      cosign(text, pa.name, seed(2), pa.publicKey, 1_772_400_000) +
      cosign(text, ga.name, seed(3), ga.publicKey, 1_772_400_001)
    expect(verifyCosignatures(both, [pa, ga])).toEqual({
      text,
      cosignedBy: [
        { name: 'pa.example/witness', timestamp: 1_772_400_000 },
        { name: 'ga.example/witness', timestamp: 1_772_400_001 },
      ],
    })
    // The log's own signature is not a cosignature, and a forged root fails every cosignature.
    expect(verifyCosignatures(signed, [pa, ga])).toMatchObject({ cosignedBy: [] })
    const forged = both.replace(
      text,
      checkpointText({ origin: 'twokeys.example/log', size: 3, root: leafHash(root) }),
    )
    expect(verifyCosignatures(forged, [pa, ga])).toMatch(/does not verify/)
  })
})
