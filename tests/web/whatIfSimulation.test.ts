import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { runWhatIf } from '../../web/src/whatIf/whatIfSimulation.js'
import type { WhatIfProgress, WhatIfRequest } from '../../web/src/whatIf/whatIfTypes.js'

const side = (file: string) => ({ file, text: readFileSync(`machines/policies/${file}`, 'utf8') })
const request = (a: string, b: string): WhatIfRequest => ({
  a: side(a),
  b: side(b),
  scenarioText: readFileSync('examples/scenarios/baseline.yaml', 'utf8'),
  knobs: { ratePerDay: 0.25, reviewDays: 2.8, replications: 2, horizonDays: 180 },
  seed: 7,
})

describe('the What if? simulation (the worker’s work, run in Node)', () => {
  it('compiles both policies first, telling how many states so far, then runs the replications', () => {
    const seen: WhatIfProgress[] = []
    runWhatIf({ ...request('two-keys.yaml', 'single-key.yaml'), progressEvery: 50 }, (p) => seen.push(p))
    const phases = seen.map((p) => (p.phase === 'compiling' ? `compiling ${p.file}` : 'running'))
    const firstRun = phases.indexOf('running')
    expect(firstRun).toBeGreaterThan(0)
    // Every compile message comes before the first replication, for both policies.
    expect(phases.slice(firstRun).every((p) => p === 'running')).toBe(true)
    expect(new Set(phases.slice(0, firstRun))).toEqual(
      new Set(['compiling two-keys.yaml', 'compiling single-key.yaml']),
    )
    const twoKeys = seen.filter(
      (p): p is Extract<WhatIfProgress, { phase: 'compiling' }> =>
        p.phase === 'compiling' && p.file === 'two-keys.yaml',
    )
    expect(twoKeys.length).toBeGreaterThan(1)
    expect(twoKeys.at(-1)?.states).toBeGreaterThan(twoKeys[0]?.states ?? 0)
    expect(seen.at(-1)).toEqual({ phase: 'running', done: 4, total: 4 })
  })

  it('fails with a message naming the policy when its table would be cut short', () => {
    expect(() =>
      runWhatIf({ ...request('two-keys.yaml', 'council.yaml'), maxStates: 1000 }, () => {}),
    ).toThrow(
      /^council\.yaml: policy "council" has more than 1,000 reachable states, more than the page compiles; compare it with `twokeys compare … --max-states <n>` instead$/,
    )
  })
})
