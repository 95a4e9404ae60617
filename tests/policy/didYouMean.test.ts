import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { didYouMean } from '../../src/policy/didYouMean.js'

describe('didYouMean', () => {
  it('suggests the closest candidate for a likely typo', () => {
    expect(didYouMean('quorom', ['id', 'quorum', 'veto'])).toBe('quorum')
    expect(didYouMean('oreshkn', ['oreshkin', 'grigorenko'])).toBe('oreshkin')
    expect(didYouMean('exprot', ['federal', 'regional', 'export'])).toBe('export')
    expect(didYouMean('Quorum', ['quorum'])).toBe('quorum')
  })

  it('stays silent when nothing is close', () => {
    expect(didYouMean('sometimes', ['plenary', 'lapse'])).toBeUndefined()
    expect(didYouMean('colour', [])).toBeUndefined()
  })

  it('never suggests the word itself, and any suggestion is a candidate', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.string()), (word, candidates) => {
        const suggestion = didYouMean(word, candidates)
        if (suggestion !== undefined) {
          expect(suggestion).not.toBe(word)
          expect(candidates).toContain(suggestion)
        }
      }),
    )
  })
})
