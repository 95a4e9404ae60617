import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { policyJsonSchema } from '../../src/policy/policyJsonSchema.js'

describe('policyJsonSchema', () => {
  it('equals schema/policy.schema.json on disk (run `npm run schema` after changing the schema)', () => {
    const onDisk = readFileSync('schema/policy.schema.json', 'utf8')
    expect(onDisk).toBe(`${JSON.stringify(policyJsonSchema(), null, 2)}\n`)
  })

  it('describes the input form: fields with defaults are optional, unknown fields are refused', () => {
    const schema = policyJsonSchema() as {
      required: string[]
      additionalProperties: boolean
      properties: Record<string, unknown>
    }
    expect(schema.required.sort()).toEqual([
      'id',
      'keys',
      'principals',
      'review',
      'routing',
      'title',
      'version',
    ])
    expect(schema.additionalProperties).toBe(false)
    expect(Object.keys(schema.properties)).toContain('friendlyDestinations')
  })

  it('is referenced by the first line of every shipped policy', () => {
    const files = readdirSync('machines/policies').filter((f) => f.endsWith('.yaml'))
    expect(files.length).toBeGreaterThanOrEqual(3)
    for (const file of files) {
      const first = readFileSync(`machines/policies/${file}`, 'utf8').split('\n')[0]
      expect(first, file).toBe('# yaml-language-server: $schema=../../schema/policy.schema.json')
    }
  })
})
