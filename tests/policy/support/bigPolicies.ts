import { readFileSync } from 'node:fs'
import { safeLoadPolicy } from '../../../src/policy/loadPolicy.js'

export const seedText = readFileSync(
  new URL('../../../machines/policies/two-keys.yaml', import.meta.url),
  'utf8',
)

/** `n` lines of unknown fields, `zz0: 1` on. */
export const unknownLines = (n: number, indent = '') =>
  Array.from({ length: n }, (_, i) => `${indent}zz${i}: 1`).join('\n')

/** The seed policy as a plain value to build big variants from. */
function seedValue() {
  const result = safeLoadPolicy(seedText)
  if (!result.success) throw new Error('the seed policy is invalid')
  // biome-ignore lint/suspicious/noExplicitAny: a test builds odd variants of the document
  return JSON.parse(JSON.stringify(result.policy)) as any
}

/** `n` unknown fields in a YAML and in a JSON policy, and `n` bad holders among 2k principals. */
export function bigPolicies(n: number): { yaml: string; json: string; holders: string } {
  const json = seedValue()
  for (let i = 0; i < n; i++) json.keys[1][`zz${i}`] = i
  const holders = seedValue()
  holders.principals.push(
    ...Array.from({ length: 2_000 }, (_, i) => ({ id: `p-${i}`, name: `P ${i}`, institution: 'tatarstan' })),
  )
  holders.keys[1].holders = Array.from({ length: n }, (_, i) => `q-${i}`)
  return {
    yaml: `${seedText}\n${unknownLines(n)}\n`,
    json: JSON.stringify(json),
    holders: JSON.stringify(holders),
  }
}
