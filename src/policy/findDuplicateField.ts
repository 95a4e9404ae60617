import { type Document, isScalar, type Scalar, visit } from 'yaml'

/**
 * The first field written twice in one mapping, in one pass with a set per mapping. yaml's own
 * check compares each new field with every earlier one, which is quadratic in a mapping's size,
 * so documents are parsed with it off and checked here instead. Equal means what yaml means by
 * it: two scalar keys with the same value.
 *
 * @example
 * findDuplicateField(parseDocument('a: 1\na: 2\n', { uniqueKeys: false }))?.value // 'a'
 */
export function findDuplicateField(doc: Document): Scalar | undefined {
  let found: Scalar | undefined
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>()
      for (const { key } of map.items) {
        if (!isScalar(key)) continue
        if (seen.has(key.value)) {
          found = key
          return visit.BREAK
        }
        seen.add(key.value)
      }
      return undefined
    },
  })
  return found
}
