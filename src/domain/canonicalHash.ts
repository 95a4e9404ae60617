import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'
import canonicalizeModule from 'canonicalize'

// canonicalize ships CommonJS whose types declare an ES default export; take whichever is callable.
type Serialize = (input: unknown) => string | undefined
const canonicalize: Serialize =
  (canonicalizeModule as unknown as { default?: Serialize }).default ??
  (canonicalizeModule as unknown as Serialize)

/**
 * The JSON Canonicalization Scheme (RFC 8785) text of a value: keys sorted, no white space,
 * numbers in their shortest form. Two values that mean the same give the same text.
 */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value)
  if (text === undefined)
    throw new TypeError('canonicalJson: the value has no JSON form (undefined or a function)')
  return text
}

/**
 * The canonical JSON of each member of a plain object, `"key":value`, in canonical (sorted) order,
 * members whose value has no JSON form left out — exactly the pieces {@link canonicalJson} joins.
 * A signed command needs three texts of itself (its signing bytes, its command hash, inside its
 * event's hash); rendering its members once and joining them three ways costs one
 * canonicalisation instead of three.
 *
 * @example
 * joinMembers(canonicalMembers({ b: 1, a: 2 })) === canonicalJson({ a: 2, b: 1 }) // true
 */
export function canonicalMembers(value: object): [key: string, member: string][] {
  const record = value as Record<string, unknown>
  const members: [string, string][] = []
  for (const key of Object.keys(record).sort()) {
    const inner = record[key]
    if (inner === undefined || typeof inner === 'symbol') continue
    members.push([key, `${canonicalize(key)}:${canonicalize(inner)}`])
  }
  return members
}

/** The canonical JSON of the object whose {@link canonicalMembers} these are, without the member `omit`. */
export function joinMembers(members: readonly [string, string][], omit?: string): string {
  let text = ''
  for (const [key, member] of members) {
    if (key === omit) continue
    text += text === '' ? member : `,${member}`
  }
  return `{${text}}`
}

/**
 * The canonical JSON of a plain object (no `toJSON`) whose member `key` is given already rendered
 * as canonical JSON, `rendered`: equal to `canonicalJson(value)` when `rendered` is the canonical JSON
 * of `value[key]`. An event's hash takes its signed command's text this way instead of rendering it again.
 */
export function canonicalJsonWith(value: object, key: string, rendered: string): string {
  const record = value as Record<string, unknown>
  let text = ''
  for (const k of Object.keys(record).sort()) {
    const inner = record[k]
    if (inner === undefined || typeof inner === 'symbol') continue
    const member = `${canonicalize(k)}:${k === key ? rendered : canonicalize(inner)}`
    text += text === '' ? member : `,${member}`
  }
  return `{${text}}`
}

/**
 * SHA-256 (hex) of the canonical JSON of a value. Pure JavaScript, so the same hash comes out
 * in Node and in the browser.
 *
 * @example
 * canonicalHash({ b: 1, a: 2 }) === canonicalHash({ a: 2, b: 1 }) // true
 */
export function canonicalHash(value: unknown): string {
  return sha256Hex(canonicalJson(value))
}

type NodeCrypto = {
  createHash(algorithm: 'sha256'): { update(text: string): { digest(encoding: 'hex'): string } }
}
// In Node the built-in SHA-256 is about twice as fast; the browser uses the pure-JS one. Same digest.
const nodeCrypto = (
  globalThis as { process?: { getBuiltinModule?: (id: string) => NodeCrypto | undefined } }
).process?.getBuiltinModule?.('node:crypto')

/** SHA-256 (hex) of a UTF-8 text. */
export function sha256Hex(text: string): string {
  return nodeCrypto === undefined
    ? bytesToHex(sha256(utf8ToBytes(text)))
    : nodeCrypto.createHash('sha256').update(text).digest('hex')
}
