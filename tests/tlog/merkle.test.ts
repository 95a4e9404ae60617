import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  consistencyProof,
  EMPTY_ROOT,
  type Hash,
  inclusionProof,
  leafHash,
  rootHash,
  verifyConsistency,
  verifyInclusion,
} from '../../src/tlog/merkle.js'

/** RFC 6962 §2.1 as written, recursively: an oracle independent of the iterative code under test. */
function mth(leaves: Uint8Array[]): Uint8Array {
  if (leaves.length === 0) return sha256(new Uint8Array(0))
  if (leaves.length === 1) return sha256(new Uint8Array([0, ...(leaves[0] as Uint8Array)]))
  let k = 1
  while (k * 2 < leaves.length) k *= 2
  return sha256(new Uint8Array([1, ...mth(leaves.slice(0, k)), ...mth(leaves.slice(k))]))
}

// The RFC 6962 test leaves used by Certificate Transparency implementations.
const RFC_LEAVES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map((h) => hexToBytes(h))

describe('RFC 6962 Merkle trees', () => {
  it('matches the known roots of the Certificate Transparency test vectors', () => {
    expect(bytesToHex(EMPTY_ROOT)).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
    const hashes = RFC_LEAVES.map(leafHash)
    expect(bytesToHex(rootHash(hashes.slice(0, 1)))).toBe(
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    )
    expect(bytesToHex(rootHash(hashes))).toBe(
      '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
    )
  })

  const leavesArb = fc.array(fc.uint8Array({ maxLength: 8 }), { minLength: 0, maxLength: 70 })

  it('computes the root of RFC 6962 for any number of leaves', () => {
    fc.assert(
      fc.property(leavesArb, (leaves) => {
        expect(bytesToHex(rootHash(leaves.map(leafHash)))).toBe(bytesToHex(mth(leaves)))
      }),
      { seed: 6962 },
    )
  })

  it('proves every leaf included, and no proof survives a change', () => {
    fc.assert(
      fc.property(
        leavesArb.filter((l) => l.length > 0),
        fc.nat(),
        (leaves, pick) => {
          // Distinct leaves: with two equal leaves, a proof for one rightly proves the other.
          const hashes = leaves.map((l, i) => leafHash(new Uint8Array([...l, i])))
          const root = rootHash(hashes)
          const index = pick % hashes.length
          const proof = inclusionProof(hashes, index)
          expect(verifyInclusion(hashes[index] as Hash, index, hashes.length, proof, root)).toBe(true)
          expect(
            verifyInclusion(leafHash(new Uint8Array([9, 9, 9])), index, hashes.length, proof, root),
          ).toBe(false)
          if (hashes.length > 1)
            expect(
              verifyInclusion(hashes[index] as Hash, (index + 1) % hashes.length, hashes.length, proof, root),
            ).toBe(false)
          if (proof.length > 0) {
            const bent = proof.map((p, i) => (i === 0 ? leafHash(p) : p))
            expect(verifyInclusion(hashes[index] as Hash, index, hashes.length, bent, root)).toBe(false)
          }
        },
      ),
      { seed: 9162 },
    )
  })

  it('proves every older tree consistent with a newer one, and refuses a rewritten past', () => {
    fc.assert(
      fc.property(leavesArb, fc.nat(), (leaves, pick) => {
        const hashes = leaves.map(leafHash)
        const m = pick % (hashes.length + 1)
        const proof = consistencyProof(hashes, m)
        const oldRoot = rootHash(hashes.slice(0, m))
        const newRoot = rootHash(hashes)
        expect(verifyConsistency(m, hashes.length, proof, oldRoot, newRoot)).toBe(true)
        if (m > 0 && m < hashes.length) {
          // The same old size with another history: a split view.
          const other = rootHash([leafHash(new Uint8Array([7])), ...hashes.slice(1, m)])
          expect(verifyConsistency(m, hashes.length, proof, other, newRoot)).toBe(false)
          expect(verifyConsistency(m, hashes.length, proof, oldRoot, leafHash(newRoot))).toBe(false)
        }
      }),
      { seed: 20 },
    )
  })
})
