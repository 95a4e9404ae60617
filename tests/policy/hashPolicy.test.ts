import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parse, stringify } from 'yaml'
import { hashPolicy } from '../../src/policy/hashPolicy.js'
import { safeLoadPolicy } from '../../src/policy/loadPolicy.js'
import type { PolicyInput } from '../../src/policy/PolicySchema.js'

const FILE = 'machines/policies/two-keys.yaml'
const text = readFileSync(FILE, 'utf8')
const raw = parse(text) as PolicyInput

/** The hash of policy text, failing loudly if the text is not a valid policy. */
function hashOf(source: string, file = 'variant.yaml'): string {
  const result = safeLoadPolicy(source, file)
  if (!result.success) throw new Error(JSON.stringify(result.issues, null, 2))
  return hashPolicy(result.policy)
}

/** A deep copy of the raw two-keys document, changed by `edit`, written back as YAML. */
function variant(edit: (draft: PolicyInput) => void): string {
  const draft = structuredClone(raw)
  edit(draft)
  return stringify(draft)
}

const permutation = <T>(items: readonly T[]) =>
  fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length })

const base = hashOf(text, FILE)

describe('hashPolicy of two-keys.yaml', () => {
  it('is a SHA-256 hex digest', () => {
    expect(base).toMatch(/^[0-9a-f]{64}$/)
  })

  it('does not change when keys are reordered', () => {
    expect(hashOf(variant((p) => p.keys.reverse()))).toBe(base)
  })

  it('does not change under any reordering of principals, keys, regions and destinations', () => {
    fc.assert(
      fc.property(
        permutation(raw.principals),
        permutation(raw.keys),
        permutation(raw.regions ?? []),
        permutation(raw.friendlyDestinations ?? []),
        (principals, keys, regions, friendlyDestinations) => {
          const reordered = variant((p) =>
            Object.assign(p, { principals, keys, regions, friendlyDestinations }),
          )
          expect(hashOf(reordered)).toBe(base)
        },
      ),
      { numRuns: 50 },
    )
  })

  it('does not change when the file is rewritten as JSON', () => {
    expect(hashOf(JSON.stringify(raw, null, 2), 'two-keys.json')).toBe(base)
    expect(hashOf(JSON.stringify(raw), 'two-keys.min.json')).toBe(base)
  })

  it('does not change when comments change', () => {
    const uncommented = text
      .split('\n')
      .filter((line) => !line.startsWith('#'))
      .map((line) => line.replace(/\s+#\s.*$/, ''))
      .join('\n')
    expect(uncommented).not.toContain('first match wins')
    expect(hashOf(uncommented)).toBe(base)
    expect(hashOf(`# A new comment at the top.\n${text.replace('# first match wins', '# in order')}`)).toBe(
      base,
    )
  })

  it('does not change when defaults are written out or the editor hint is added', () => {
    const explicit = variant((p) => {
      p.$schema = '../../schema/policy.schema.json'
      for (const principal of p.principals) principal.affiliations ??= []
    })
    expect(hashOf(explicit)).toBe(base)
  })

  it('changes when a quorum changes', () => {
    const twoHolders = (quorum: number) =>
      variant((p) => {
        const key = p.keys[1]!
        key.holders = ['grigorenko', 'ga-aide']
        key.quorum = quorum
      })
    const one = hashOf(twoHolders(1))
    const two = hashOf(twoHolders(2))
    expect(one).not.toBe(two)
    expect(one).not.toBe(base)
  })

  it('changes when routing rules change order, for every other order', () => {
    fc.assert(
      fc.property(permutation(raw.routing), (routing) => {
        const same = routing.every((rule, i) => rule === raw.routing[i])
        const hash = hashOf(variant((p) => Object.assign(p, { routing })))
        if (same) expect(hash).toBe(base)
        else expect(hash).not.toBe(base)
      }),
      { numRuns: 30 },
    )
  })
})
