import {
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  type LineCounter,
  type Node,
  type Pair,
  type YAMLMap,
} from 'yaml'

/** A 1-based position in a source text. */
export interface Location {
  line: number
  column: number
}

function resolve(node: unknown, doc: Document): unknown {
  return isAlias(node) ? node.resolve(doc) : node
}

/** Each mapping's pairs by field name, built once per mapping: finding a field is then O(1), not a scan. */
const fieldIndex = new WeakMap<YAMLMap, Map<string, Pair>>()

function pairOf(map: YAMLMap, field: string): Pair | undefined {
  let index = fieldIndex.get(map)
  if (index === undefined) {
    index = new Map()
    for (const pair of map.items) {
      // The first of two equal fields wins, as a scan would find it.
      if (isScalar(pair.key) && !index.has(String(pair.key.value))) index.set(String(pair.key.value), pair)
    }
    fieldIndex.set(map, index)
  }
  return index.get(field)
}

function hasRange(node: unknown): node is Node & { range: [number, number, number] } {
  const range = (node as Node | null | undefined)?.range
  return range !== undefined && range !== null && range[1] > range[0]
}

/**
 * Where the value at `path` is in a parsed YAML (or JSON) document: the value itself, or with
 * `at: 'key'` the field name that holds it (for an unknown field). When part of the path is
 * missing, the position of the deepest thing that exists: a missing field points at the mapping
 * that should hold it.
 *
 * @example
 * const lineCounter = new LineCounter()
 * const doc = parseDocument('keys:\n  - quorum: 3\n', { lineCounter })
 * locateIssue(doc, lineCounter, ['keys', 0, 'quorum']) // { line: 2, column: 13 }
 */
export function locateIssue(
  doc: Document,
  lineCounter: LineCounter,
  path: readonly (string | number)[],
  at: 'value' | 'key' = 'value',
): Location {
  let found: unknown = resolve(doc.contents, doc)
  let foundKey: unknown
  for (const segment of path) {
    const node = found
    let next: unknown
    let key: unknown
    if (isMap(node)) {
      const pair = pairOf(node, String(segment))
      key = pair?.key
      next = resolve(pair?.value, doc)
      // An empty value (`quorum:`) has no text of its own: point at its field name.
      if (pair !== undefined && !hasRange(next)) next = key
    } else if (isSeq(node) && typeof segment === 'number') {
      next = resolve(node.items[segment], doc)
    }
    if (next === undefined || next === null) break
    found = next
    foundKey = key
  }
  const target = at === 'key' && foundKey !== undefined ? foundKey : found
  const offset = hasRange(target) ? target.range[0] : 0
  const { line, col } = lineCounter.linePos(offset)
  return { line, column: col }
}
