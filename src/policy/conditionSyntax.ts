/**
 * Conditions on an initiative's content, as data: `budget > 10e9`, `scope = export and
 * destinations >= 2`, `objective in [infrastructure, export]`, `not (scope = federal)`. One small
 * grammar for every place a policy says "when" (a key that applies only above a threshold; the
 * analyses' queries later):
 *
 *   condition  := or
 *   or         := and ("or" and)*
 *   and        := unary ("and" unary)*
 *   unary      := "not" unary | "(" condition ")" | comparison
 *   comparison := field op value | field "in" "[" value ("," value)* "]"
 *   op         := "=" | "!=" | "<" | "<=" | ">" | ">="
 *
 * Fields: `budget` (roubles; an initiative without one has budget 0), `objective`, `scope`
 * (federal, regional or export), `regions` and `destinations` (how many the scope names). Numbers
 * may use `_` and an exponent (`10_000_000_000`, `10e9`); words are ids.
 */

/** A field a condition may read, with the content field an amendment must change to move it. */
export const CONDITION_FIELDS = {
  budget: { kind: 'number', content: 'budget' },
  objective: { kind: 'word', content: 'objective' },
  scope: { kind: 'word', content: 'scope' },
  regions: { kind: 'number', content: 'scope' },
  destinations: { kind: 'number', content: 'scope' },
} as const

export type ConditionField = keyof typeof CONDITION_FIELDS
export type ComparisonOp = '=' | '!=' | '<' | '<=' | '>' | '>='

/** A condition over some set of fields (`Condition` reads content; the analyses' queries read more). */
export type ConditionOver<F extends string> =
  | { kind: 'and' | 'or'; left: ConditionOver<F>; right: ConditionOver<F> }
  | { kind: 'not'; operand: ConditionOver<F> }
  | { kind: 'compare'; field: F; op: ComparisonOp; value: number | string }
  | { kind: 'in'; field: F; values: (number | string)[] }

export type Condition = ConditionOver<ConditionField>

/** Why a condition does not parse: what, at which character (0-based), and what would fit. */
export class ConditionError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message)
  }
}

interface Token {
  text: string
  at: number
  type: 'word' | 'number' | 'op' | 'punct' | 'end'
}

const TOKEN = /\s*(?:(\d[\d_]*(?:\.\d+)?(?:e\d+)?)|([A-Za-z][\w.:~-]*)|(!=|<=|>=|=|<|>)|([()[\],]))/y

function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  TOKEN.lastIndex = 0
  let at = 0
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break
    TOKEN.lastIndex = at
    const m = TOKEN.exec(text)
    if (m === null) {
      const where = at + (text.slice(at).length - text.slice(at).trimStart().length)
      throw new ConditionError(`unexpected "${text[where]}"`, where)
    }
    const start = m.index + m[0].length - (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').length
    if (m[1] !== undefined) tokens.push({ text: m[1], at: start, type: 'number' })
    else if (m[2] !== undefined) tokens.push({ text: m[2], at: start, type: 'word' })
    else if (m[3] !== undefined) tokens.push({ text: m[3], at: start, type: 'op' })
    else tokens.push({ text: m[4] ?? '', at: start, type: 'punct' })
    at = TOKEN.lastIndex
  }
  tokens.push({ text: '', at: text.length, type: 'end' })
  return tokens
}

const describeToken = (t: Token) => (t.type === 'end' ? 'the end' : `"${t.text}"`)
const FIELD_LIST = Object.keys(CONDITION_FIELDS).join(', ')

/**
 * The words a condition may use: which fields there are and of what kind, and checks of the values
 * and comparisons a field takes. Each check throws a `ConditionError` at the offset it is given.
 */
export interface ConditionVocabulary<F extends string> {
  /** The fields in words, for "expected a field (…)". */
  fieldList: string
  /** The field a word names and its kind; throws when the word names none. */
  field(word: string, at: number): { field: F; kind: 'number' | 'word' }
  /** Checks an id compared with a word field (an unknown phase, principal, …). */
  value?(field: F, value: string, at: number): void
  /** Checks a comparison a field takes (after the built-in rule: word fields take =, != and in). */
  op?(field: F, op: ComparisonOp | 'in', at: number): void
}

const CONTENT_VOCABULARY: ConditionVocabulary<ConditionField> = {
  fieldList: FIELD_LIST,
  field(word, at) {
    if (!(word in CONDITION_FIELDS)) {
      throw new ConditionError(`unknown field "${word}"; a condition reads ${FIELD_LIST}`, at)
    }
    const field = word as ConditionField
    return { field, kind: CONDITION_FIELDS[field].kind }
  },
}

/**
 * Parses a condition, or throws `ConditionError` naming what was expected where.
 *
 * @example
 * parseCondition('budget > 10e9 and scope = federal')
 */
export function parseCondition(text: string): Condition {
  return parseConditionOver(text, CONTENT_VOCABULARY)
}

/**
 * Parses a condition in the same grammar over another set of fields (`vocabulary`), or throws
 * `ConditionError` naming what was expected where.
 *
 * @example
 * parseConditionOver('phase = approved', { fieldList: 'phase', field: () => ({ field: 'phase', kind: 'word' }) })
 */
export function parseConditionOver<F extends string>(
  text: string,
  vocabulary: ConditionVocabulary<F>,
): ConditionOver<F> {
  type Parsed = ConditionOver<F>
  const tokens = tokenize(text)
  let i = 0
  const peek = () => tokens[i] as Token
  const next = () => tokens[i++] as Token
  const expect = (what: string, ok: (t: Token) => boolean): Token => {
    const t = next()
    if (!ok(t)) throw new ConditionError(`expected ${what} but found ${describeToken(t)}`, t.at)
    return t
  }
  const value = (field: F, kind: 'number' | 'word'): number | string => {
    const t = next()
    if (kind === 'number') {
      if (t.type !== 'number')
        throw new ConditionError(`"${field}" is a number; found ${describeToken(t)}`, t.at)
      return Number(t.text.replaceAll('_', ''))
    }
    if (t.type !== 'word' || t.text === 'and' || t.text === 'or' || t.text === 'not') {
      throw new ConditionError(`"${field}" is compared with an id; found ${describeToken(t)}`, t.at)
    }
    vocabulary.value?.(field, t.text, t.at)
    return t.text
  }
  const comparison = (): Parsed => {
    const t = expect(`a field (${vocabulary.fieldList}), "not" or "("`, (t) => t.type === 'word')
    const { field, kind } = vocabulary.field(t.text, t.at)
    if (peek().type === 'word' && peek().text === 'in') {
      vocabulary.op?.(field, 'in', peek().at)
      next()
      expect('"["', (t) => t.text === '[')
      const values = [value(field, kind)]
      while (peek().text === ',') {
        next()
        values.push(value(field, kind))
      }
      expect('"," or "]"', (t) => t.text === ']')
      return { kind: 'in', field, values }
    }
    const op = expect('a comparison (=, !=, <, <=, >, >=) or "in"', (t) => t.type === 'op')
    if (kind === 'word' && op.text !== '=' && op.text !== '!=') {
      throw new ConditionError(`"${field}" is compared only with = or != (or "in")`, op.at)
    }
    vocabulary.op?.(field, op.text as ComparisonOp, op.at)
    return { kind: 'compare', field, op: op.text as ComparisonOp, value: value(field, kind) }
  }
  const unary = (): Parsed => {
    if (peek().type === 'word' && peek().text === 'not') {
      next()
      return { kind: 'not', operand: unary() }
    }
    if (peek().text === '(') {
      next()
      const inner = or()
      expect('")"', (t) => t.text === ')')
      return inner
    }
    return comparison()
  }
  const chain = (word: 'and' | 'or', operand: () => Parsed) => (): Parsed => {
    let left = operand()
    while (peek().type === 'word' && peek().text === word) {
      next()
      left = { kind: word, left, right: operand() }
    }
    return left
  }
  const and = chain('and', unary)
  const or = chain('or', and)
  const condition = or()
  const rest = peek()
  if (rest.type !== 'end')
    throw new ConditionError(`expected "and", "or" or the end but found ${describeToken(rest)}`, rest.at)
  return condition
}
