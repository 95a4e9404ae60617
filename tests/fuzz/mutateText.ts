import fc from 'fast-check'
import { hostileChar, hostileString } from './hostileValues.js'

/** One edit of a text file; positions are fractions of the text, so an edit fits any text. */
export type TextEdit =
  | { op: 'truncate'; at: number }
  | { op: 'delete'; at: number; length: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'bom' }
  | { op: 'crlf' }
  | { op: 'duplicate-line'; line: number }
  | { op: 'delete-line'; line: number }
  | { op: 'swap-lines'; line: number; other: number }
  | { op: 'replace-line'; line: number; text: string }
  | { op: 'indent'; line: number; by: string }
  | { op: 'number'; which: number; text: string }
  | { op: 'word'; which: number; other: number }
  | { op: 'repeat'; at: number; length: number; times: number }

/** Lines that mean something to YAML or JSON parsers. */
const HOSTILE_LINES = [
  '__proto__: { polluted: true }',
  'constructor: { prototype: { polluted: true } }',
  '<<: { polluted: true }',
  '? [a, b]',
  '- - - -',
  '---',
  '...',
  '%YAML 1.1',
  '%TAG ! tag:example.com,2000:',
  'key: !!js/function "function () { process.exit(1) }"',
  'key: !!binary aGVsbG8=',
  'key: !!set { a, b }',
  'key: !!omap [ a: 1 ]',
  'key: !custom value',
  'anchor: &a [1, 2, 3]',
  'alias: *a',
  'alias: *missing',
  '"\\u0000": x',
  '"\\ud800": x',
  '{"a": 1, "a": 2}',
  '[[[[[[[[[[[[[[[[[[[[',
  '}}}}',
  '\t- tab',
  "'unterminated",
  '"unterminated',
  '# comment only',
  '',
]

/** Number spellings, YAML's and JSON's, including ones that overflow or mean NaN. */
const NUMBER_TEXTS = [
  '1e308',
  '1e309',
  '-1e309',
  '-0',
  '0.0000001',
  '.nan',
  '.inf',
  '-.inf',
  'NaN',
  'Infinity',
  '0x1F',
  '0o17',
  '1_000',
  '99999999999999999999999',
  '9007199254740993',
  '-1',
  '0',
  '1.5',
  '"3"',
  'null',
  '~',
  'true',
  '[]',
  '{}',
]

const at = fc.double({ min: 0, max: 1, noNaN: true })

export const textEdit: fc.Arbitrary<TextEdit> = fc.oneof(
  at.map((a) => ({ op: 'truncate' as const, at: a })),
  fc.record({ op: fc.constant('delete' as const), at, length: fc.nat({ max: 40 }) }),
  fc.record({
    op: fc.constant('insert' as const),
    at,
    text: fc.oneof(
      hostileChar,
      hostileString,
      fc.constantFrom(':', '- ', '{', '[', '"', "'", '&a', '*a', '!!', '\n  '),
    ),
  }),
  fc.constant({ op: 'bom' as const }),
  fc.constant({ op: 'crlf' as const }),
  fc.record({ op: fc.constant('duplicate-line' as const), line: at }),
  fc.record({ op: fc.constant('delete-line' as const), line: at }),
  fc.record({ op: fc.constant('swap-lines' as const), line: at, other: at }),
  fc.record({ op: fc.constant('replace-line' as const), line: at, text: fc.constantFrom(...HOSTILE_LINES) }),
  fc.record({ op: fc.constant('indent' as const), line: at, by: fc.constantFrom(' ', '  ', '\t', '-', '') }),
  fc.record({ op: fc.constant('number' as const), which: at, text: fc.constantFrom(...NUMBER_TEXTS) }),
  fc.record({ op: fc.constant('word' as const), which: at, other: at }),
  fc.record({
    op: fc.constant('repeat' as const),
    at,
    length: fc.integer({ min: 1, max: 200 }),
    times: fc.constantFrom(2, 10, 1_000),
  }),
)

const index = (fraction: number, length: number) => Math.min(length, Math.floor(fraction * length))

/** Applies one edit. */
export function applyEdit(text: string, edit: TextEdit): string {
  const lines = () => text.split('\n')
  switch (edit.op) {
    case 'truncate':
      return text.slice(0, index(edit.at, text.length))
    case 'delete': {
      const from = index(edit.at, text.length)
      return text.slice(0, from) + text.slice(from + edit.length)
    }
    case 'insert': {
      const p = index(edit.at, text.length)
      return text.slice(0, p) + edit.text + text.slice(p)
    }
    case 'bom':
      return `\ufeff${text}`
    case 'crlf':
      return text.replace(/\n/g, '\r\n')
    case 'duplicate-line': {
      const ls = lines()
      const i = index(edit.line, ls.length - 1)
      ls.splice(i, 0, ls[i] ?? '')
      return ls.join('\n')
    }
    case 'delete-line': {
      const ls = lines()
      ls.splice(index(edit.line, ls.length - 1), 1)
      return ls.join('\n')
    }
    case 'swap-lines': {
      const ls = lines()
      const i = index(edit.line, ls.length - 1)
      const j = index(edit.other, ls.length - 1)
      ;[ls[i], ls[j]] = [ls[j] ?? '', ls[i] ?? '']
      return ls.join('\n')
    }
    case 'replace-line': {
      const ls = lines()
      const i = index(edit.line, ls.length - 1)
      // Keep the line's indentation, so the hostile line lands inside the document's structure.
      ls[i] = `${/^\s*/.exec(ls[i] ?? '')?.[0] ?? ''}${edit.text}`
      return ls.join('\n')
    }
    case 'indent': {
      const ls = lines()
      const i = index(edit.line, ls.length - 1)
      ls[i] = edit.by === '' ? (ls[i] ?? '').trimStart() : `${edit.by}${ls[i] ?? ''}`
      return ls.join('\n')
    }
    case 'number': {
      const numbers = [...text.matchAll(/-?\d+(\.\d+)?([eE][-+]?\d+)?/g)]
      const m = numbers[index(edit.which, numbers.length - 1)]
      if (m === undefined || m.index === undefined) return text
      return text.slice(0, m.index) + edit.text + text.slice(m.index + m[0].length)
    }
    case 'word': {
      const words = [...text.matchAll(/[A-Za-z][\w-]*/g)]
      const m = words[index(edit.which, words.length - 1)]
      const other = words[index(edit.other, words.length - 1)]
      if (m === undefined || m.index === undefined || other === undefined) return text
      return text.slice(0, m.index) + other[0] + text.slice(m.index + m[0].length)
    }
    case 'repeat': {
      const p = index(edit.at, text.length)
      const chunk = text.slice(p, p + edit.length)
      return text.slice(0, p) + chunk.repeat(edit.times) + text.slice(p + edit.length)
    }
  }
}

/** `seed` with one to four edits. */
export function mutatedText(seed: string): fc.Arbitrary<string> {
  return fc.array(textEdit, { minLength: 1, maxLength: 4 }).map((edits) => edits.reduce(applyEdit, seed))
}
