const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
// char code → 6-bit value, -1 for any other character: one array read per character.
const INDEX = new Int8Array(128).fill(-1)
for (let i = 0; i < ALPHABET.length; i++) INDEX[ALPHABET.charCodeAt(i)] = i

/** Base64url without padding (RFC 4648 §5): how keys and signatures are written everywhere in twokeys. */
export function toBase64url(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]]
    const n = (a << 16) | (b << 8) | c
    const chars = [(n >> 18) & 63, (n >> 12) & 63, (n >> 6) & 63, n & 63].map((k) => ALPHABET[k])
    out += chars.slice(0, Math.min(4, bytes.length - i + 1)).join('')
  }
  return out
}

/** The bytes of a base64url text (no padding), or undefined when it is not one (canonical form only). */
export function fromBase64url(text: string): Uint8Array | undefined {
  if (typeof text !== 'string' || text.length % 4 === 1) return undefined
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4))
  let bits = 0
  let value = 0
  let at = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const index = code < 128 ? (INDEX[code] as number) : -1
    if (index < 0) return undefined
    value = (value << 6) | index
    bits += 6
    if (bits >= 8) {
      bits -= 8
      bytes[at++] = (value >> bits) & 255
    }
  }
  // Leftover bits must be zero, so that every byte string has exactly one text.
  if ((value & ((1 << bits) - 1)) !== 0) return undefined
  return bytes
}
