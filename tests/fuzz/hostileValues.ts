import fc from 'fast-check'

/** A 1 MB string. */
export const HUGE = 'x'.repeat(1 << 20)

/** An object `depth` levels deep. */
export function deep(depth: number, leaf: unknown = 'leaf'): unknown {
  let value: unknown = leaf
  for (let i = 0; i < depth; i++) value = { a: value, kind: 'federal' }
  return value
}
export const DEEP = deep(5_000)

// JSON.parse makes "__proto__" an own key, as a request body would.
export const PROTO = JSON.parse(
  '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}',
) as Record<string, unknown>

/** Strings that have broken parsers, stores and terminals before. */
export const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  'x\ud83d',
  '\ude00x',
  '\ud83d\ude00',
  '\u202e',
  '\ufeff',
  '\ufffe',
  '\r\n',
  '\n',
  '\t',
  '\u001b[31mred',
  '\u2028',
  '\u0085',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'NaN',
  'null',
  'undefined',
  '1e308',
  '-0',
  "'; DROP TABLE events; --",
  '"; DROP SCHEMA public CASCADE; --',
  '../../etc/passwd',
  '%s%n%x',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template injection attempt, as text
  '${process.exit()}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  'a'.repeat(128),
  'a'.repeat(129),
  'a'.repeat(301),
  'a'.repeat(2_001),
  'a'.repeat(10_001),
  HUGE,
]

/** Ids a store or a cache keyed by plain objects would trip on, all inside the id alphabet. */
export const EDGY_IDS = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'prototype',
  'valueOf',
  '.',
  '..',
  '...',
  '~',
  '-',
  ':',
  '_',
  '0',
  '-1',
  'NaN',
  'null',
  'a'.repeat(128),
  '~'.repeat(128),
]

/** One character from the awkward corners of UTF-16: controls, lone surrogates, invisible ones. */
export const hostileChar: fc.Arbitrary<string> = fc
  .oneof(
    fc.integer({ min: 0, max: 0x1f }),
    fc.integer({ min: 0xd800, max: 0xdfff }),
    fc.constantFrom(0x7f, 0x85, 0xa0, 0x200b, 0x202e, 0x2028, 0x2029, 0xfeff, 0xfffe, 0xffff),
  )
  .map((c) => String.fromCharCode(c))

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  {
    weight: 3,
    arbitrary: fc.string({
      unit: fc.oneof(hostileChar, fc.constantFrom('a', 'Z', '0', '.', '-', '~', ':', '_', ' ')),
      maxLength: 30,
    }),
  },
)

/** Ids inside the id alphabet: usually valid, sometimes a name a plain object would misread. */
export const edgyId: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...EDGY_IDS),
  fc.stringMatching(/^[A-Za-z0-9._:~-]{1,12}$/),
)

export const HOSTILE_NUMBERS = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  0,
  1e308,
  -1e308,
  5e-324,
  0.1,
  0.5,
  -1,
  2 ** 31,
  2 ** 32,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  2 ** 64,
  1e15,
  1e15 + 2,
  8.64e15,
  8.64e15 + 1,
]

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer() },
)

/** Any value at all, including the nasty ones a client can send through the JavaScript API. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({
    maxDepth: 3,
    withBigInt: true,
    withDate: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
    withMap: true,
    withSet: true,
    withBoxedValues: true,
  }),
  fc.constantFrom(null, undefined, HUGE, DEEP, PROTO, 2n ** 70n, [], [1, 2], {}),
  fc.constantFrom(new Date(Number.NaN), new Date(0), new Date(8.64e15)),
  hostileString,
  hostileNumber,
)

/** Mostly a plausible value, sometimes junk. */
export const mostly = <T>(valid: fc.Arbitrary<T>, junkWeight = 1): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 30, arbitrary: valid as fc.Arbitrary<unknown> }, { weight: junkWeight, arbitrary: junk })

/** A value for a document (policy, script, scenario): JSON's kinds plus what YAML can also say. */
export const documentJunk: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.constantFrom<unknown>(null, true, false, [], {}, [null], { __proto__: null }, PROTO),
  fc.jsonValue({ maxDepth: 2 }),
  fc.nat({ max: 3 }).map((k) => deep(10 ** k)),
  fc.constantFrom(10, 1_000, 10_000).map((n) => Array.from({ length: n }, (_, i) => i)),
)
