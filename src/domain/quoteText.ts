/** Characters that would hide, break or reorder a quoted value on a terminal or in a log line. */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"\\]/u

/** One character as it can be printed: itself, or a JSON-style escape when it is unsafe. */
export function escapeChar(char: string): string {
  if (!UNSAFE.test(char)) return char
  const short: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' }
  const known = short[char]
  if (known !== undefined) return known
  // Astral format characters (tags) are two code units: escape each, as JSON would.
  return [...Array(char.length).keys()]
    .map((i) => `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`)
    .join('')
}

/**
 * A value quoted so it can go into a message as it is: control characters, lone surrogates and
 * invisible spaces escaped, long text cut after `max` characters. Never throws, never echoes
 * more than a line.
 *
 * @example
 * quoteText('kazan\ud800') // '"kazan\\ud800"'
 */
export function quoteText(value: string, max = 40): string {
  let text = ''
  let count = 0
  // for…of walks code points; a lone surrogate comes out on its own.
  for (const char of value) {
    if (count === max) return `"${text}…"`
    text += escapeChar(char)
    count++
  }
  return `"${text}"`
}
