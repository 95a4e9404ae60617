/** Letters and digits a class reads off a projector without mixing them up: no 0/O, 1/I/L, 5/S, 2/Z, 8/B. */
export const JOIN_CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679'

export const JOIN_CODE_LENGTH = 6

/**
 * A join code of six characters from {@link JOIN_CODE_ALPHABET}, drawn from `random` (the
 * platform's secure source by default). Rejection sampling keeps every character equally likely.
 *
 * @example
 * newJoinCode() // 'K7QMDF'
 */
export function newJoinCode(
  random: (bytes: Uint8Array) => Uint8Array = (b) => globalThis.crypto.getRandomValues(b),
): string {
  const n = JOIN_CODE_ALPHABET.length
  const limit = 256 - (256 % n)
  let code = ''
  while (code.length < JOIN_CODE_LENGTH) {
    for (const byte of random(new Uint8Array(16))) {
      if (byte < limit && code.length < JOIN_CODE_LENGTH) code += JOIN_CODE_ALPHABET[byte % n]
    }
  }
  return code
}

/** The code as typed by a student: case, spaces and dashes do not matter. */
export function normalizeJoinCode(text: string): string {
  return text.toUpperCase().replace(/[\s-]/g, '')
}
