/**
 * Seeded, splittable random numbers: xoshiro128** generators whose 128-bit states live in a
 * `Uint32Array`, each seeded by hashing (seed, replication, entity, purpose) with a SplitMix32
 * finaliser. A stream depends only on those ids, never on how many streams came before it, so
 * results do not depend on worker count, on event order between entities, or on the policy
 * (common random numbers).
 */

/** SplitMix32-style finaliser (murmur3 fmix32 after a golden-ratio increment). */
export function mix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
  return (z ^ (z >>> 16)) >>> 0
}

/** A 32-bit hash of a string (FNV-1a, then mixed): stable ids for entities and purposes. */
export function hashString(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return mix32(h)
}

/** Where `hashInts` starts: the hash of no integers. */
const HASH_START = 0x2545f491

/** The hash of a list extended by one integer: `hashOn(hashInts(...a), p) === hashInts(...a, p)`. */
export function hashOn(h: number, p: number): number {
  return mix32(h ^ mix32(p >>> 0) ^ Math.floor(p / 0x100000000))
}

/** Hashes a list of integers into one 32-bit word (order matters). */
export function hashInts(...parts: number[]): number {
  let h = HASH_START
  for (const p of parts) h = hashOn(h, p)
  return h
}

/** `hashInts(a, b)` without building an argument array: an initiative seeds four streams each. */
export function hashPair(a: number, b: number): number {
  return hashOn(hashOn(HASH_START, a), b)
}

/** Fills the xoshiro128** state at `states[offset … offset+3]` from a hash of its ids. Never all zero. */
function seedFromHash(states: Uint32Array, offset: number, hash: number): void {
  let h = hash
  for (let i = 0; i < 4; i++) {
    h = mix32(h + i)
    states[offset + i] = h
  }
  if (states[offset] === 0) states[offset] = 1
}

/**
 * Seeds the xoshiro128** state at `states[offset … offset+3]` from ids: the stream for
 * (seed, replication, …ids). Never all zero.
 */
export function seedStream(states: Uint32Array, offset: number, ...ids: number[]): void {
  seedFromHash(states, offset, hashInts(...ids))
}

const rotl = (x: number, k: number) => (x << k) | (x >>> (32 - k))

/** The next 32-bit output of the xoshiro128** state at `offset`. */
export function nextUint32(s: Uint32Array, o: number): number {
  const s0 = s[o] as number
  const s1 = s[o + 1] as number
  const s2 = s[o + 2] as number
  const s3 = s[o + 3] as number
  const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0
  const t = s1 << 9
  const n2 = s2 ^ s0
  const n3 = s3 ^ s1
  s[o + 1] = s1 ^ n2
  s[o] = s0 ^ n3
  s[o + 2] = n2 ^ t
  s[o + 3] = rotl(n3, 11)
  return result
}

/** A uniform double in [0, 1) with 53 random bits. */
export function nextFloat(s: Uint32Array, o: number): number {
  const hi = nextUint32(s, o) >>> 5
  const lo = nextUint32(s, o) >>> 6
  return (hi * 67108864 + lo) / 9007199254740992
}

/** Something that yields uniforms in [0, 1): a stream, or a test's fake. */
export interface Uniform {
  next(): number
}

/**
 * One stream as an object, for code that is not in the hot loop (arrivals, tests).
 *
 * @example
 * const r = new Random(7, 0, hashString('arrivals'))
 * r.next() // the same number for the same ids, always
 */
export class Random implements Uniform {
  private readonly state = new Uint32Array(4)
  constructor(...ids: number[]) {
    seedStream(this.state, 0, ...ids)
  }
  next(): number {
    return nextFloat(this.state, 0)
  }
}

/** Streams stored side by side (one 128-bit state per slot), drawn from without allocating. */
export class StreamSet {
  states: Uint32Array
  constructor(slots: number) {
    this.states = new Uint32Array(slots * 4)
  }
  grow(slots: number): void {
    if (slots * 4 <= this.states.length) return
    const next = new Uint32Array(slots * 4)
    next.set(this.states)
    this.states = next
  }
  seed(slot: number, ...ids: number[]): void {
    seedStream(this.states, slot * 4, ...ids)
  }
  /** The same stream as `seed(slot, a, b)`, without the argument array. */
  seedPair(slot: number, a: number, b: number): void {
    seedFromHash(this.states, slot * 4, hashPair(a, b))
  }
  next(slot: number): number {
    return nextFloat(this.states, slot * 4)
  }
}
