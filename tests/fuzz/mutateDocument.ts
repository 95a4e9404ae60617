import fc from 'fast-check'
import YAML from 'yaml'
import { documentJunk, hostileString } from './hostileValues.js'
import { applyEdit, mutatedText, textEdit } from './mutateText.js'

type Path = (string | number)[]

/** One structural edit of a parsed document; `at` picks a node (a fraction of all the nodes). */
export type DocumentEdit =
  | { op: 'set'; at: number; value: unknown }
  | { op: 'delete'; at: number }
  | { op: 'add-key'; at: number; key: string; value: unknown }
  | { op: 'retype'; at: number }
  | { op: 'duplicate'; at: number }
  | { op: 'copy'; at: number; from: number }

const at = fc.double({ min: 0, max: 1, noNaN: true })

export const documentEdit: fc.Arbitrary<DocumentEdit> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('set' as const), at, value: documentJunk }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), at }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('add-key' as const),
      at,
      key: fc.oneof(
        fc.constantFrom('__proto__', 'constructor', 'prototype', '$schema', 'extra'),
        hostileString,
      ),
      value: documentJunk,
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('retype' as const), at }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('duplicate' as const), at }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('copy' as const), at, from: at }) },
)

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** Every node's path, the root first. */
function paths(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path)
  if (out.length > 5_000) return out
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) paths(v, [...path, i], out)
  } else if (isObject(value)) for (const k of Object.keys(value)) paths(value[k], [...path, k], out)
  return out
}

function get(value: unknown, path: Path): unknown {
  let node = value
  for (const step of path) node = (node as Record<string | number, unknown>)?.[step]
  return node
}

/** Sets an own property, even one named `__proto__`. */
function own(target: Record<string | number, unknown>, key: string | number, value: unknown) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

function put(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value
  const parent = get(root, path.slice(0, -1))
  if (typeof parent === 'object' && parent !== null)
    own(parent as Record<string, unknown>, path.at(-1) as string, value)
  return root
}

function retyped(value: unknown): unknown {
  if (typeof value === 'string') return Number.isNaN(Number(value)) ? [value] : Number(value)
  if (typeof value === 'number') return String(value)
  if (typeof value === 'boolean') return value ? 'yes' : 0
  if (Array.isArray(value)) return Object.fromEntries(value.map((v, i) => [String(i), v]))
  if (isObject(value)) return Object.values(value)
  return 'null'
}

/** Applies one edit to a copy of `doc`. */
export function applyDocumentEdit(doc: unknown, edit: DocumentEdit): unknown {
  const root = structuredClone(doc)
  const all = paths(root)
  const pick = (f: number) => all[Math.min(all.length - 1, Math.floor(f * all.length))] as Path
  const path = pick(edit.at)
  const node = get(root, path)
  switch (edit.op) {
    case 'set':
      return put(root, path, structuredClone(edit.value))
    case 'delete': {
      if (path.length === 0) return undefined
      const parent = get(root, path.slice(0, -1))
      if (Array.isArray(parent)) parent.splice(path.at(-1) as number, 1)
      else if (isObject(parent)) delete parent[path.at(-1) as string]
      return root
    }
    case 'add-key': {
      const target = isObject(node) ? node : get(root, path.slice(0, -1))
      if (isObject(target)) own(target, edit.key, structuredClone(edit.value))
      return root
    }
    case 'retype':
      return put(root, path, retyped(node))
    case 'duplicate': {
      const target = Array.isArray(node) ? node : get(root, path.slice(0, -1))
      if (Array.isArray(target) && target.length > 0) target.push(structuredClone(target[0]))
      return root
    }
    case 'copy':
      return put(root, path, structuredClone(get(root, pick(edit.from))))
  }
}

export type DocumentFormat = 'yaml' | 'json' | 'json-pretty'

/** A value written as YAML or JSON; a value neither can write becomes `null`. */
export function writeDocument(value: unknown, format: DocumentFormat): string {
  try {
    if (format === 'yaml') return YAML.stringify(value, { aliasDuplicateObjects: false }) ?? 'null'
    const text = JSON.stringify(
      value,
      (_k, v) => (typeof v === 'bigint' ? v.toString() : v),
      format === 'json' ? undefined : 2,
    )
    return text ?? 'null'
  } catch {
    return 'null'
  }
}

/** YAML that attacks the parser itself: alias bombs, deep nesting, many documents, huge keys. */
export const yamlAttack: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 2, max: 12 }).map((levels) => {
    // A billion laughs: each level refers to the previous one ten times.
    const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]']
    for (let i = 1; i < levels; i++)
      lines.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      )
    return lines.join('\n')
  }),
  fc.constantFrom(100, 10_000, 30_000).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
  fc.constantFrom(100, 10_000, 30_000).map((n) => `${'{a: '.repeat(n)}1${'}'.repeat(n)}`),
  fc
    .constantFrom(100, 2_000)
    .map((n) => Array.from({ length: n }, (_, i) => `${' '.repeat(i)}- `).join('\n')),
  fc.constantFrom(10, 10_000).map((n) => Array(n).fill('---\nversion: 1').join('\n')),
  fc.constantFrom(1_000, 100_000).map((n) => `${'k'.repeat(n)}: v`),
  fc.constantFrom(
    '',
    '\ufeff',
    '\u0000',
    '\ud800',
    'null',
    '[]',
    '{}',
    '42',
    '"text"',
    '- a\n- b',
    '!!binary aGVsbG8=',
  ),
)

/**
 * Text of a document derived from `seed` (a parsed valid one): structural edits, written as
 * YAML or JSON, sometimes with text edits on top; or a parser attack.
 */
export function mutatedDocument(seed: unknown, seedText: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: mutatedText(seedText) },
    {
      weight: 5,
      arbitrary: fc
        .tuple(
          fc.array(documentEdit, { minLength: 1, maxLength: 3 }),
          fc.constantFrom<DocumentFormat>('yaml', 'json', 'json-pretty'),
          fc.array(textEdit, { maxLength: 1 }),
        )
        .map(([edits, format, textEdits]) =>
          textEdits.reduce(applyEdit, writeDocument(edits.reduce(applyDocumentEdit, seed), format)),
        ),
    },
    { weight: 1, arbitrary: yamlAttack },
  )
}
