import { sha256 } from '@noble/hashes/sha2.js'

/**
 * RFC 6962 / RFC 9162 Merkle trees over SHA-256: the leaf hash is SHA-256(0x00 || leaf), an inner
 * node SHA-256(0x01 || left || right), and the tree over n leaves splits at the largest power of
 * two below n. Every function here works on leaf *hashes* and runs in O(n) or O(log n) space.
 */
export type Hash = Uint8Array

const concat = (prefix: number, ...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(1 + parts.reduce((n, p) => n + p.length, 0))
  out[0] = prefix
  let at = 1
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

/** The hash of the empty tree: SHA-256 of the empty string. */
export const EMPTY_ROOT: Hash = sha256(new Uint8Array(0))

export const leafHash = (leaf: Uint8Array): Hash => sha256(concat(0x00, leaf))
export const nodeHash = (left: Hash, right: Hash): Hash => sha256(concat(0x01, left, right))

/** The largest power of two smaller than n (n ≥ 2). */
function split(n: number): number {
  let k = 1
  while (k * 2 < n) k *= 2
  return k
}

/**
 * The right edge of an append-only Merkle tree: its perfect subtrees, largest first (one per set
 * bit of the size). Appending a leaf merges equal sizes; the root folds them from the right. Holds
 * O(log n) hashes, so a reader can follow a growing log and compute each new root from the leaves
 * it has not seen yet only.
 */
export class MerkleFrontier {
  private readonly stack: { hash: Hash; size: number }[] = []
  private count = 0

  /** How many leaves were appended. */
  get size(): number {
    return this.count
  }

  append(leaf: Hash): void {
    let node = { hash: leaf, size: 1 }
    let top = this.stack.at(-1)
    while (top !== undefined && top.size === node.size) {
      this.stack.pop()
      node = { hash: nodeHash(top.hash, node.hash), size: top.size * 2 }
      top = this.stack.at(-1)
    }
    this.stack.push(node)
    this.count++
  }

  /** A frontier that grows on from this one, leaving this one as it is. */
  clone(): MerkleFrontier {
    const copy = new MerkleFrontier()
    copy.stack.push(...this.stack)
    copy.count = this.count
    return copy
  }

  /** The root over every leaf appended so far (the empty tree's root when none). */
  root(): Hash {
    let at = this.stack.length - 1
    if (at < 0) return EMPTY_ROOT
    // Smaller subtrees are right children.
    let hash = (this.stack[at] as { hash: Hash }).hash
    while (--at >= 0) hash = nodeHash((this.stack[at] as { hash: Hash }).hash, hash)
    return hash
  }
}

/** The root over `leaves` (leaf hashes), bottom-up without recursion; the empty tree's root when none. */
export function rootHash(leaves: readonly Hash[]): Hash {
  const frontier = new MerkleFrontier()
  for (const leaf of leaves) frontier.append(leaf)
  return frontier.root()
}

/** Root of leaves[from, to) — a subtree, computed directly (used by the proofs). */
function subtreeRoot(leaves: readonly Hash[], from: number, to: number): Hash {
  return rootHash(leaves.slice(from, to))
}

/** The RFC 9162 §2.1.3 inclusion proof of leaf `index` in the tree over `leaves`. */
export function inclusionProof(leaves: readonly Hash[], index: number): Hash[] {
  if (!(index >= 0 && index < leaves.length))
    throw new RangeError(`leaf ${index} is not in a tree of ${leaves.length}`)
  const proof: Hash[] = []
  let from = 0
  let to = leaves.length
  // Walk down from the root, collecting the sibling subtree of each step; leaf-first order.
  while (to - from > 1) {
    const k = split(to - from)
    if (index < from + k) {
      proof.push(subtreeRoot(leaves, from + k, to))
      to = from + k
    } else {
      proof.push(subtreeRoot(leaves, from, from + k))
      from += k
    }
  }
  return proof.reverse()
}

export const equalHashes = (a: Uint8Array, b: Uint8Array) =>
  a.length === b.length && a.every((x, i) => x === b[i])

/** RFC 9162 §2.1.3.2: does `proof` show `leaf` at `index` in the tree of `size` with `root`? */
export function verifyInclusion(
  leaf: Hash,
  index: number,
  size: number,
  proof: readonly Hash[],
  root: Hash,
): boolean {
  if (!(index >= 0 && index < size)) return false
  let fn = index
  let sn = size - 1
  let r = leaf
  for (const p of proof) {
    if (sn === 0) return false
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r)
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2)
          sn = Math.floor(sn / 2)
        }
      }
    } else {
      r = nodeHash(r, p)
    }
    fn = Math.floor(fn / 2)
    sn = Math.floor(sn / 2)
  }
  return sn === 0 && equalHashes(r, root)
}

/** The RFC 9162 §2.1.4 consistency proof from the tree of `oldSize` leaves to the tree over `leaves`. */
export function consistencyProof(leaves: readonly Hash[], oldSize: number): Hash[] {
  const n = leaves.length
  if (!(oldSize >= 0 && oldSize <= n)) throw new RangeError(`size ${oldSize} is not within a tree of ${n}`)
  if (oldSize === 0 || oldSize === n) return []
  const proof: Hash[] = []
  let from = 0
  let to = n
  let m = oldSize
  let complete = true // SUBPROOF's b: the old tree is a complete subtree so far
  while (m !== to - from) {
    const k = split(to - from)
    if (m <= k) {
      proof.push(subtreeRoot(leaves, from + k, to))
      to = from + k
    } else {
      proof.push(subtreeRoot(leaves, from, from + k))
      from += k
      m -= k
      complete = false
    }
  }
  if (!complete) proof.push(subtreeRoot(leaves, from, to))
  return proof.reverse()
}

/** RFC 9162 §2.1.4.2: does `proof` show the tree (`newSize`, `newRoot`) extends (`oldSize`, `oldRoot`)? */
export function verifyConsistency(
  oldSize: number,
  newSize: number,
  proof: readonly Hash[],
  oldRoot: Hash,
  newRoot: Hash,
): boolean {
  if (oldSize > newSize || oldSize < 0) return false
  if (oldSize === newSize) return proof.length === 0 && equalHashes(oldRoot, newRoot)
  if (oldSize === 0) return proof.length === 0
  if (proof.length === 0) return false
  const path = [...proof]
  // If old size is a power of two, the old root itself starts the path.
  if ((oldSize & (oldSize - 1)) === 0) path.unshift(oldRoot)
  let fn = oldSize - 1
  let sn = newSize - 1
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2)
    sn = Math.floor(sn / 2)
  }
  let fr = path[0] as Hash
  let sr = path[0] as Hash
  for (const c of path.slice(1)) {
    if (sn === 0) return false
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr)
      sr = nodeHash(c, sr)
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2)
          sn = Math.floor(sn / 2)
        }
      }
    } else {
      sr = nodeHash(sr, c)
    }
    fn = Math.floor(fn / 2)
    sn = Math.floor(sn / 2)
  }
  return sn === 0 && equalHashes(fr, oldRoot) && equalHashes(sr, newRoot)
}
