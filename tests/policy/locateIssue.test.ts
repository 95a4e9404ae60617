import { describe, expect, it } from 'vitest'
import { LineCounter, parseDocument } from 'yaml'
import { locateIssue } from '../../src/policy/locateIssue.js'

function locate(text: string, path: (string | number)[], at?: 'key' | 'value') {
  const lineCounter = new LineCounter()
  return locateIssue(parseDocument(text, { lineCounter }), lineCounter, path, at)
}

const yaml = ['keys:', '  - id: a', '    quorum: 3', '  - { id: b, holders: [x, y] }', 'empty:', ''].join(
  '\n',
)

describe('locateIssue', () => {
  it('finds a value in block and flow YAML, 1-based', () => {
    expect(locate(yaml, ['keys', 0, 'quorum'])).toEqual({ line: 3, column: 13 })
    expect(locate(yaml, ['keys', 1, 'holders', 1])).toEqual({ line: 4, column: 27 })
  })

  it('points at the field name for an unknown field', () => {
    expect(locate(yaml, ['keys', 0, 'quorum'], 'key')).toEqual({ line: 3, column: 5 })
  })

  it('points at the mapping that should hold a missing field', () => {
    expect(locate(yaml, ['keys', 1, 'label'])).toEqual({ line: 4, column: 5 })
    expect(locate(yaml, ['keys', 7, 'id'])).toEqual({ line: 2, column: 3 })
  })

  it('points at the field name of an empty value', () => {
    expect(locate(yaml, ['empty'])).toEqual({ line: 5, column: 1 })
  })

  it('finds values in JSON', () => {
    const json = '{\n  "keys": [\n    { "id": "a", "quorum": 3 }\n  ]\n}\n'
    expect(locate(json, ['keys', 0, 'quorum'])).toEqual({ line: 3, column: 28 })
  })

  it('falls back to the start of an empty document', () => {
    expect(locate('', ['keys'])).toEqual({ line: 1, column: 1 })
  })
})
