import { describe, expect, it } from 'vitest'
import { twokeys } from '../support/runCli.js'

// The seed modelled fully, as a script: every expected refusal is refused, everything else is
// accepted, and each initiative ends where its story says — read from the CLI's own output.
describe('examples/seed-reach-walkthrough.yaml', () => {
  it('runs with no surprise: the President above ₽10 bn, ministries, the agency, the plenary', async () => {
    const run = await twokeys('run', 'examples/seed-reach-walkthrough.yaml', '--json')
    expect(run.code, run.stderr).toBe(0)
    const result = JSON.parse(run.stdout) as {
      surprises: number
      steps: { kind: string; outcome: string; code?: string; reasons?: string[] }[]
      boards: { initiativeId: string; phase: string }[]
    }
    expect(result.surprises).toBe(0)
    const phases = Object.fromEntries(result.boards.map((b) => [b.initiativeId, b.phase]))
    expect(phases).toEqual({
      'kazan-datacentre': 'completed',
      'gpu-cloud': 'completed',
      'export-suite': 'completed',
      'federal-ai-registry': 'returned',
    })
    const refusedKinds = result.steps.filter((s) => s.outcome === 'refused').map((s) => s.kind)
    expect(refusedKinds).toEqual(['complete', 'ministry', 'destination', 'plenary'])
  })
})
