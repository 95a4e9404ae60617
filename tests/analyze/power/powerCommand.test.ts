import { describe, expect, it } from 'vitest'
import { twokeys } from '../../support/runCli.js'

const DEPUTIES = 'tests/fixtures/policies/analyze-power-deputies.yaml'

describe('twokeys power', () => {
  it('prints a table: the coalitions, the veto players and the indices as fractions', async () => {
    const run = await twokeys('power', DEPUTIES)
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('minimal winning coalitions: 2; fewest accounts an attacker must control: 2')
    expect(run.stdout).toContain(
      'chair-b (holder of office-b) + aide-a (deputy for office-a, inside the delegation window chair-a gave, days 0–7)',
    )
    expect(run.stdout).toContain('veto players (in every minimal winning coalition): chair-b')
    expect(run.stdout).toMatch(/chair-a\s+yes\s+1\s+1\/2\s+1\/2/)
  })

  it('--json gives the result object; --format mermaid a flowchart of coalitions to kinds', async () => {
    const json = await twokeys('power', DEPUTIES, '--json')
    expect(json.code).toBe(0)
    const result = JSON.parse(json.stdout)
    expect(result.policy.id).toBe('analyze-power-deputies')
    expect(result.kinds[0].indices.banzhaf.map((s: { fraction: string }) => s.fraction)).toEqual([
      '1/2',
      '1/2',
    ])
    const mermaid = await twokeys('power', DEPUTIES, '--format', 'mermaid')
    expect(mermaid.code).toBe(0)
    expect(mermaid.stdout.split('\n')[0]).toBe('flowchart LR')
    expect(mermaid.stdout).toContain('c_chair_a_chair_b("chair-a + chair-b")')
    expect(mermaid.stdout).toContain('c_chair_a_chair_b --> k_federal')
  })

  it('speaks Russian with --lang ru', async () => {
    const run = await twokeys('--lang', 'ru', 'power', DEPUTIES)
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('игроки с правом вето (в каждой минимальной выигрывающей коалиции): chair-b')
    expect(run.stdout).toContain('Банцаф')
  })

  it('exits 2 with LIMIT_REACHED when a play passes --max-states, and on a kind the policy does not have', async () => {
    const limited = await twokeys('power', DEPUTIES, '--max-states', '4')
    expect(limited.code).toBe(2)
    expect(limited.stdout).toBe('')
    expect(limited.stderr).toMatch(/stopped: .* more than 4 states; raise --max-states/)
    const unknown = await twokeys('power', DEPUTIES, '--kind', 'export')
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('has no kind of initiative named "export"; its kinds are "federal"')
  })
})
