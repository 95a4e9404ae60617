const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const INDEX = new Int8Array(128).fill(-1)
for (let i = 0; i < ALPHABET.length; i++) INDEX[ALPHABET.charCodeAt(i)] = i

/** Standard base64 with padding (RFC 4648 §4), as signed notes and checkpoints write hashes and signatures. */
export function toBase64(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    const left = bytes.length - i
    out += ALPHABET[(n >> 18) & 63] as string
    out += ALPHABET[(n >> 12) & 63] as string
    out += left > 1 ? (ALPHABET[(n >> 6) & 63] as string) : '='
    out += left > 2 ? (ALPHABET[n & 63] as string) : '='
  }
  return out
}

/** The bytes of a canonical, padded base64 text, or undefined when it is not one. */
export function fromBase64(text: string): Uint8Array | undefined {
  if (text.length % 4 !== 0) return undefined
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0
  const bytes = new Uint8Array((text.length / 4) * 3 - padding)
  let at = 0
  for (let i = 0; i < text.length; i += 4) {
    let n = 0
    for (let j = 0; j < 4; j++) {
      const code = text.charCodeAt(i + j)
      const isPad = code === 61 && i + j >= text.length - padding
      const v = isPad ? 0 : code < 128 ? (INDEX[code] as number) : -1
      if (v < 0) return undefined
      n = (n << 6) | v
    }
    for (const shift of [16, 8, 0]) if (at < bytes.length) bytes[at++] = (n >> shift) & 255
  }
  // Canonical only: bits under the padding are zero, so each byte string has one text.
  return toBase64(bytes) === text ? bytes : undefined
}
