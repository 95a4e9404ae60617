import { describe, expect, it } from 'vitest'
import { JOIN_CODE_ALPHABET, newJoinCode, normalizeJoinCode } from '../../src/classroom/joinCode.js'

describe('join codes', () => {
  it('are six characters of the unambiguous alphabet, none of 0 O 1 I L 5 S 2 Z 8 B', () => {
    expect(JOIN_CODE_ALPHABET).not.toMatch(/[0O1IL5S2Z8B]/)
    for (let i = 0; i < 200; i++) expect(newJoinCode()).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`))
  })

  it('skip bytes that would favour some characters (rejection sampling)', () => {
    // 250 = 10 × 25 is the first byte past the last whole run of the 25 characters: skipped.
    const bytes = [250, 255, 0, 1, 24, 25, 26, 249]
    const code = newJoinCode((b) => {
      b.set(bytes.slice(0, b.length))
      return b
    })
    // 0, 1, 24 → the 1st, 2nd and 25th characters; 25, 26, 249 → the same, one run later.
    expect(code).toBe('AC9AC9')
  })

  it('read as typed: case, spaces and dashes do not matter', () => {
    expect(normalizeJoinCode(' k7q-mdf ')).toBe('K7QMDF')
  })
})
