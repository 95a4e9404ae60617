import { describe, expect, it } from 'vitest'
import { isTwoKeysError } from '../../src/domain/TwoKeysError.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { loadScriptFile } from '../../src/script/loadScriptFile.js'
import { runScript } from '../../src/script/runScript.js'
import { resolveScriptTime } from '../../src/script/ScriptSchema.js'

async function run(path: string) {
  const { script, policyPath } = loadScriptFile(path)
  return runScript(script, loadPolicyFile(policyPath))
}

describe('runScript', () => {
  it('walks the seed story with every refusal expected and every initiative where the story says', async () => {
    const result = await run('examples/seed-walkthrough.yaml')
    expect(result.surprises).toBe(0)
    expect(result.refusals).toBe(5)
    expect(result.identity).toBe('signed')
    expect(result.boards.map((b) => [b.initiativeId, b.phase, b.track])).toEqual([
      ['kazan-datacentre', 'completed', 'regional'],
      ['gov-services-export', 'completed', 'export'],
      ['federal-ai-registry', 'lapsed', null],
    ])
    const refused = result.steps.filter((s) => s.outcome === 'refused')
    // The forgery is refused before any rule is consulted: the signature is not Grigorenko's.
    expect(refused[2]).toMatchObject({
      code: 'UNAUTHENTICATED',
      reasons: ['key "pa-aide-run" belongs to "pa-aide", but the command acts as "grigorenko"'],
    })
    expect(refused.map((s) => s.reasons?.join(' ').match(/TK\d+/g))).toEqual([
      ['TK6', 'TK3'],
      ['TK6', 'TK2'],
      null,
      ['TK9'],
      ['TK9'],
    ])
  })

  it('reports a step that did not do what the script expected', async () => {
    const result = await run('tests/fixtures/scripts/surprise.yaml')
    expect(result.surprises).toBe(2)
    expect(result.steps[2]).toMatchObject({ outcome: 'refused', code: 'NOT_AUTHORIZED', surprise: true })
    expect(result.steps[3]).toMatchObject({ outcome: 'accepted', expected: 'refused', surprise: true })
  })

  it('rejects a malformed script with located messages', () => {
    try {
      loadScriptFile('tests/fixtures/scripts/bad-step.yaml')
      expect.unreachable()
    } catch (error) {
      expect(isTwoKeysError(error) && error.code).toBe('COMMAND_INVALID')
      const message = (error as Error).message
      expect(message).toMatch(/a step does one thing, but this one has propose and submit; split it/)
      expect(message).toMatch(/steps\[1\]\.decide\.decision/)
      expect(message).toMatch(/bad-step\.yaml:6:\d+/)
    }
  })

  it('resolves relative step times against the previous step', () => {
    const start = Date.parse('2026-03-02T09:00:00Z')
    expect(resolveScriptTime('+2d', start)).toBe(start + 2 * 86_400_000)
    expect(resolveScriptTime('+1.5h', start)).toBe(start + 5_400_000)
    expect(resolveScriptTime('2026-03-05', start)).toBe(Date.parse('2026-03-05T00:00:00Z'))
    expect(resolveScriptTime(undefined, start)).toBe(start)
  })
})
