import { describe, expect, it } from 'vitest'
import { createInitiativeMachine } from '../../machines/initiative.js'
import { toDot } from '../../src/render/toDot.js'
import { checkDot } from './checkDot.js'
import { threeKeysMachine, twoKeys, twoKeysMachine } from './fixtures.js'

const dashedClusters = (dot: string) =>
  dot
    .split('\n')
    .map((line, i, all) => (line.includes('style="dashed') ? all[i - 2]?.trim() : undefined))
    .filter((l) => l !== undefined)

describe('toDot', () => {
  const text = toDot(twoKeysMachine)

  it('draws two-keys.yaml as it was reviewed (no regression)', async () => {
    await expect(text).toMatchFileSnapshot('__snapshots__/two-keys.dot')
  })

  it('is well formed: balanced braces, every edge end declared, lhead/ltail hold their end', () => {
    expect(checkDot(text)).toEqual([])
    expect(checkDot(toDot(threeKeysMachine))).toEqual([])
  })

  it('is deterministic', () => {
    expect(toDot(createInitiativeMachine(twoKeys))).toBe(text)
  })

  it('draws the regions of review as dashed clusters: the window and one per key', () => {
    expect(dashedClusters(text)).toEqual([
      'subgraph cluster_initiative_open_review_window {',
      'subgraph cluster_initiative_open_review_presidential_administration {',
      'subgraph cluster_initiative_open_review_government_apparatus {',
    ])
    expect(dashedClusters(toDot(threeKeysMachine))).toHaveLength(4)
  })

  it('carries the same labels as the Mermaid diagram', () => {
    expect(text).toContain(
      'pending_presidential_administration -> turned_presidential_administration [label="DECIDE [approve · quorum]"]',
    )
    expect(text).toContain(
      'review__anchor -> initiative_approved [label="[all keys turned]", ltail=cluster_review]',
    )
    expect(text).toContain('initiative_lapsed [label="lapsed", peripheries=2]')
  })

  it('highlights active states', () => {
    const lit = toDot(twoKeysMachine, { highlight: ['review', 'turned:government-apparatus'] })
    expect(checkDot(lit)).toEqual([])
    expect(lit).toContain('turned_government_apparatus [label="turned", style="rounded,filled,bold"')
    expect(lit).toMatch(/subgraph cluster_review \{\n\s+label="[^"]*"\n\s+style="rounded,bold"/)
  })
})

describe('checkDot', () => {
  it('reports an undeclared edge end and unbalanced braces', () => {
    const problems = checkDot('digraph "x" {\n  a [label="{a|b}"]\n  a -> b\n  subgraph cluster_c {\n}\n')
    expect(problems.some((p) => p.includes('edge end "b" is not declared'))).toBe(true)
    expect(problems.some((p) => p.includes('not closed'))).toBe(true)
  })
})
