import { showNode, simulateError } from './simulateMessages.js'

/** One step of a dotted path: an object key, a list index, or a list item chosen by a field. */
export type PathSegment =
  | { kind: 'key'; key: string }
  | { kind: 'index'; index: number }
  | { kind: 'match'; field: string; value: string }

/**
 * Parses a dotted path into a scenario document. Segments are separated by dots; a list item is
 * named by its index (`mix.0` or `mix[0]`), by its `id` (`items.oreshkin` or `items[oreshkin]`), or
 * by any field (`mix[objective=export]`).
 *
 * @example
 * parsePath('reviewers.principals.oreshkin.reviewDays.mean') // five key segments
 * parsePath('mix[objective=export].weight') // key, match, key
 */
export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = []
  const re = /([^.[\]]+)|\[([^\]]*)\]|(\.)/gy
  let expectSegment = true
  let m: RegExpExecArray | null
  re.lastIndex = 0
  while (re.lastIndex < path.length) {
    const at = re.lastIndex
    m = re.exec(path)
    if (m === null)
      throw simulateError('SCENARIO_INVALID', 'path.unexpected', { path, rest: path.slice(at), at: at + 1 })
    if (m[3] !== undefined) {
      if (expectSegment) throw simulateError('SCENARIO_INVALID', 'path.emptySegment', { path, at: at + 1 })
      expectSegment = true
      continue
    }
    if (m[1] !== undefined) {
      if (!expectSegment) throw simulateError('SCENARIO_INVALID', 'path.missingDot', { path, segment: m[1] })
      segments.push(/^\d+$/.test(m[1]) ? { kind: 'index', index: Number(m[1]) } : { kind: 'key', key: m[1] })
    } else {
      const inner = (m[2] ?? '').trim()
      if (inner === '') throw simulateError('SCENARIO_INVALID', 'path.emptyBrackets', { path, at: at + 1 })
      const eq = inner.indexOf('=')
      if (/^\d+$/.test(inner)) segments.push({ kind: 'index', index: Number(inner) })
      else if (eq > 0)
        segments.push({ kind: 'match', field: inner.slice(0, eq).trim(), value: inner.slice(eq + 1).trim() })
      else segments.push({ kind: 'match', field: 'id', value: inner })
    }
    expectSegment = false
  }
  if (segments.length === 0 || expectSegment) throw simulateError('SCENARIO_INVALID', 'path.empty', { path })
  return segments
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** Formats segments back into a path, for messages. */
export function formatPath(segments: PathSegment[]): string {
  return segments
    .map((s, i) =>
      s.kind === 'key'
        ? `${i === 0 ? '' : '.'}${s.key}`
        : s.kind === 'index'
          ? `[${s.index}]`
          : s.field === 'id'
            ? `[${s.value}]`
            : `[${s.field}=${s.value}]`,
    )
    .join('')
}

/** Where a path leads in a document: the parent container and the key or index inside it. */
export interface ResolvedPath {
  segments: PathSegment[]
  parent: Record<string, unknown> | unknown[]
  key: string | number
  current: unknown
}

/**
 * Finds the value a path names; throws `SCENARIO_INVALID` naming the first segment that does not
 * exist and what exists there. `principals.…`, `roles.…` and `default.…` are shorthands for the
 * same paths under `reviewers` (where the scenario keeps them) when the root has no such key.
 *
 * @example
 * resolvePath(scenario, 'principals.oreshkin.reviewDays.mean').current // 2.8
 */
export function resolvePath(document: unknown, path: string): ResolvedPath {
  let segments = parsePath(path)
  const first = segments[0]!
  if (
    isRecord(document) &&
    first.kind === 'key' &&
    !(first.key in document) &&
    isRecord(document.reviewers) &&
    ['principals', 'roles', 'default'].includes(first.key)
  ) {
    segments = [{ kind: 'key', key: 'reviewers' }, ...segments]
  }
  let node: unknown = document
  let parent: Record<string, unknown> | unknown[] | undefined
  let key: string | number = ''
  segments.forEach((segment, i) => {
    const missing = () =>
      simulateError('SCENARIO_INVALID', 'path.noSuch', {
        path,
        where: i === 0 ? null : formatPath(segments.slice(0, i)),
        segment: formatPath([segment]).replace(/^\./, ''),
        node: showNode(node),
      })
    if (Array.isArray(node)) {
      let index = -1
      if (segment.kind === 'index') index = segment.index < node.length ? segment.index : -1
      else {
        const field = segment.kind === 'key' ? 'id' : segment.field
        const value = segment.kind === 'key' ? segment.key : segment.value
        index = node.findIndex((item) => isRecord(item) && String(item[field]) === value)
      }
      if (index < 0) throw missing()
      parent = node
      key = index
      node = node[index]
      return
    }
    if (isRecord(node)) {
      const k = segment.kind === 'key' ? segment.key : segment.kind === 'index' ? String(segment.index) : null
      if (k === null || !Object.hasOwn(node, k)) throw missing()
      parent = node
      key = k
      node = node[k]
      return
    }
    throw missing()
  })
  return { segments, parent: parent as Record<string, unknown> | unknown[], key, current: node }
}

/**
 * A copy of the document with the value at `path` replaced (the original is untouched). The path
 * must lead to an existing scalar, and the new value must have the same type (a number for a
 * number); throws `SCENARIO_INVALID` otherwise.
 *
 * @example
 * setPath(scenario, 'reviewers.principals.oreshkin.reviewDays.mean', 10)
 */
export function setPath<T>(document: T, path: string, value: number | string | boolean): T {
  const copy = structuredClone(document)
  const at = resolvePath(copy, path)
  if (isRecord(at.current) || Array.isArray(at.current)) {
    throw simulateError('SCENARIO_INVALID', 'path.notAValue', { path, node: showNode(at.current) })
  }
  if (at.current !== undefined && typeof at.current !== typeof value) {
    throw simulateError('SCENARIO_INVALID', 'path.otherType', {
      path,
      type: typeof at.current,
      current: JSON.stringify(at.current),
      value: JSON.stringify(value),
      valueType: typeof value,
    })
  }
  if (Array.isArray(at.parent)) at.parent[at.key as number] = value
  else at.parent[at.key as string] = value
  return copy
}
