import { describe, expect, it } from 'vitest'
import { INVARIANTS } from '../../src/invariants/invariants.js'
import { invariantsIn } from '../../src/invariants/invariantsIn.js'

const ids = (reasons: string[]) => invariantsIn(reasons).map((i) => i.id)

describe('invariantsIn: the invariants a refusal cites', () => {
  it('lists each cited invariant once, in the order first cited, two-digit ids included', () => {
    expect(
      ids([
        'only a holder of the key may decide (TK6)',
        'the sponsor may not approve (TK3, TK6)',
        'no body outside the approving keys’ reach (TK13); TK3 again',
      ]),
    ).toEqual(['TK6', 'TK3', 'TK13'])
  })

  it('gives the whole invariant, as the catalogue has it', () => {
    expect(invariantsIn(['(TK12)'])).toEqual(INVARIANTS.filter((i) => i.id === 'TK12'))
  })

  it('cites nothing for reasons without an id, a word that only starts like one, or an unknown id', () => {
    expect(ids([])).toEqual([])
    expect(ids(['the key has already turned on this revision'])).toEqual([])
    expect(ids(['TKX and TK and xTK1 and TK1x', 'TK99'])).toEqual([])
  })
})
