import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createActor } from 'xstate'
import { createInitiativeMachine } from '../../machines/initiative.js'
import { isTwoKeysError } from '../../src/domain/TwoKeysError.js'
import { hashPolicy } from '../../src/policy/hashPolicy.js'
import { keyRegionLabels } from '../../src/render/keyRegionLabels.js'
import { toMermaid } from '../../src/render/toMermaid.js'
import { checkMermaid, mermaidBlock } from './checkMermaid.js'
import { threeKeys, threeKeysMachine, twoKeys, twoKeysMachine } from './fixtures.js'

const keyRegion = (key: string) => `initiative_open_review_${key.replaceAll('-', '_')}`

describe('toMermaid', () => {
  const text = toMermaid(twoKeysMachine)

  it('draws two-keys.yaml as it was reviewed (no regression)', async () => {
    await expect(`\`\`\`mermaid\n${text}\`\`\`\n`).toMatchFileSnapshot('__snapshots__/two-keys.mermaid.md')
  })

  it('keeps docs/two-keys.mmd up to date, as twokeys diagram draws it (npm run diagrams)', () => {
    expect(readFileSync('docs/two-keys.mmd', 'utf8')).toBe(
      toMermaid(twoKeysMachine, { labels: keyRegionLabels(twoKeys) }),
    )
  })

  it('is well formed: declared ids, balanced blocks, no illegal characters', () => {
    expect(checkMermaid(text)).toEqual([])
    expect(checkMermaid(toMermaid(threeKeysMachine))).toEqual([])
  })

  it('is deterministic', () => {
    expect(toMermaid(createInitiativeMachine(twoKeys))).toBe(text)
  })

  it('shows each key as a concurrent region of review: pending → turned / refused', () => {
    const review = mermaidBlock(text, 'review')
    expect(review.split('\n').filter((l) => l.trim() === '--')).toHaveLength(twoKeys.keys.length)
    for (const key of twoKeys.keys.map((k) => k.id)) {
      const region = mermaidBlock(review, keyRegion(key))
      const id = key.replaceAll('-', '_')
      expect(region).toContain(`[*] --> pending_${id}`)
      expect(region).toContain(`pending_${id} --> turned_${id} : DECIDE [approve · quorum]`)
      expect(region).toContain(`pending_${id} --> refused_${id} : DECIDE [refuse · blocks key]`)
      expect(region).toContain(`turned_${id} --> pending_${id} : [approval expired]`)
    }
  })

  it('summarises eventless guards and leads final states to [*]', () => {
    expect(text).toContain('review --> initiative_approved : [all keys turned]')
    expect(text).toContain('review --> initiative_open_returned : [a key refused]')
    expect(text).toContain(
      'initiative_approved --> initiative_exportRollout : [rule 1 (scope export): export]',
    )
    for (const final of ['completed', 'withdrawn', 'lapsed'])
      expect(text).toContain(`initiative_${final} --> [*]`)
  })

  it('lists the transitions that stay in a state inside it', () => {
    expect(text).toContain('pending_presidential_administration : REVOKE [has approval]')
    expect(text).toContain('note right of initiative_open : DELEGATE [holder')
  })

  it('draws a 3-key policy with three key regions', () => {
    const three = toMermaid(threeKeysMachine)
    const review = mermaidBlock(three, 'review')
    expect(review.split('\n').filter((l) => l.trim() === '--')).toHaveLength(3)
    for (const key of threeKeys.keys.map((k) => k.id)) {
      expect(review).toContain(`state "${key}" as ${keyRegion(key)} {`)
    }
    expect(three).toContain('review --> initiative_approved : [all keys turned]')
  })

  it('highlights the active states of a snapshot', () => {
    const actor = createActor(twoKeysMachine, { input: { policyHash: hashPolicy(twoKeys) } }).start()
    const content = {
      title: 'GPU cluster',
      summary: '',
      objective: 'infrastructure',
      scope: { kind: 'federal' as const, ministries: ['minzifry'] },
    }
    actor.send({ type: 'PROPOSE', by: 'minzifry', at: 0, id: 'i1', content })
    actor.send({ type: 'SUBMIT', by: 'minzifry', at: 1 })
    const active = actor.getSnapshot()._nodes.map((n) => n.id)
    const lit = toMermaid(twoKeysMachine, { highlight: active })
    expect(checkMermaid(lit)).toEqual([])
    const classLines = lit.split('\n').filter((l) => l.trim().startsWith('class '))
    expect(classLines.map((l) => l.trim())).toEqual([
      'class initiative_open,review,initiative_open_review_window,' +
        'initiative_open_review_presidential_administration,initiative_open_review_government_apparatus activeGroup',
      'class initiative_open_review_window_open,pending_presidential_administration,pending_government_apparatus active',
    ])
    expect(toMermaid(twoKeysMachine, { highlight: [...active].reverse() })).toBe(lit)
  })

  it('refuses to highlight a state the machine does not have', () => {
    let error: unknown
    try {
      toMermaid(twoKeysMachine, { highlight: ['initiative.nowhere'] })
    } catch (e) {
      error = e
    }
    expect(isTwoKeysError(error) && error.code).toBe('NOT_FOUND')
    expect((error as Error).message).toContain('"initiative.nowhere"')
  })
})

describe('checkMermaid (the stand-in parser)', () => {
  it('reports an undeclared end, a bad id, an unclosed block and a stray line', () => {
    const bad = ['stateDiagram-v2', '  state "a" as a-b {', '  a --> nowhere : X', '  what is this', ''].join(
      '\n',
    )
    const problems = checkMermaid(bad)
    expect(problems.some((p) => p.includes('characters Mermaid rejects'))).toBe(true)
    expect(problems.some((p) => p.includes('"nowhere" is used before it is declared'))).toBe(true)
    expect(problems.some((p) => p.includes('unclosed block'))).toBe(true)
    expect(problems.some((p) => p.includes('not a statement'))).toBe(true)
  })
})
