import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { CommandSchema } from '../../src/domain/Command.js'
import { InstantInputSchema } from '../../src/domain/InstantInputSchema.js'
import { isTwoKeysError } from '../../src/domain/TwoKeysError.js'
import { createEngine } from '../../src/engine/createEngine.js'
import { manualClock } from '../../src/engine/systemClock.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { loadScriptFile } from '../../src/script/loadScriptFile.js'
import { runScript } from '../../src/script/runScript.js'
import { resolveScriptTime } from '../../src/script/ScriptSchema.js'
import { memoryStore } from '../../src/stores/memoryStore.js'

const POLICY = resolve('machines/policies/two-keys.yaml')
const policy = loadPolicyFile(POLICY)
const START = Date.parse('2026-03-02T09:00:00Z')
const DAY = 86_400_000
const dir = mkdtempSync(join(tmpdir(), 'twokeys-ms-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function script(name: string, steps: string[]) {
  const path = join(dir, name)
  writeFileSync(path, [`policy: ${POLICY}`, 'start: 2026-03-02T09:00:00Z', 'steps:', ...steps, ''].join('\n'))
  return loadScriptFile(path).script
}

const proposeAndSubmit = [
  '  - propose: { as: gpu, by: minzifry, title: GPU cluster, objective: infrastructure, scope: { kind: federal } }',
  '  - submit: { initiative: gpu, by: minzifry }',
]

describe('times are whole milliseconds', () => {
  it('rounds a relative script time to the nearest millisecond', () => {
    expect(resolveScriptTime('+0.00001m', START)).toBe(START + 1)
    expect(resolveScriptTime('+0.000001m', START)).toBe(START)
    expect(resolveScriptTime('+0.3h', START)).toBe(START + 1_080_000)
    expect(resolveScriptTime('+1.5h', START)).toBe(START + 5_400_000)
  })

  it('a tiny relative step does not break a later delegate', async () => {
    const run = await runScript(
      script('tiny.yaml', [
        ...proposeAndSubmit,
        '  - at: +0.00001m',
        '    delegate: { initiative: gpu, by: oreshkin, key: presidential-administration, deputy: pa-aide, days: 3 }',
        '  - at: +0.7h',
        '    delegate: { initiative: gpu, by: oreshkin, key: presidential-administration, deputy: pa-aide, days: 0.0000001 }',
      ]),
      policy,
    )
    expect(run.steps.map((s) => [s.outcome, s.code])).toEqual([
      ['accepted', undefined],
      ['accepted', undefined],
      ['accepted', undefined],
      ['accepted', undefined],
    ])
    for (const step of run.steps) expect(Number.isInteger(step.at), String(step.at)).toBe(true)
  })

  it('records whole milliseconds in every event a script makes', async () => {
    const store = memoryStore()
    await runScript(
      script('events.yaml', [
        ...proposeAndSubmit,
        '  - at: +0.0000123m',
        '    delegate: { initiative: gpu, by: oreshkin, key: presidential-administration, deputy: pa-aide, days: 1.00000001 }',
      ]),
      policy,
      { store },
    )
    const events = await store.readEvents('gpu')
    const times = events.flatMap(({ event }) =>
      Object.entries(event).filter(([field]) => ['at', 'from', 'until'].includes(field)),
    )
    expect(times.length).toBeGreaterThan(3)
    for (const [field, value] of times) expect(Number.isInteger(value), `${field} = ${value}`).toBe(true)
  })

  it('converts ISO times and Dates to exact milliseconds, and refuses what cannot be', () => {
    expect(InstantInputSchema.parse('2026-03-01T09:00:00.123Z')).toBe(Date.parse('2026-03-01T09:00:00.123Z'))
    expect(InstantInputSchema.parse('2026-03-01T09:00:00.123000Z')).toBe(
      Date.parse('2026-03-01T09:00:00.123Z'),
    )
    expect(InstantInputSchema.parse(new Date(START))).toBe(START)
    for (const bad of [
      '2026-03-01T09:00:00.1234Z',
      '0000-01-01',
      '1969-12-31T23:59:59Z',
      new Date(-1),
      1.5,
    ]) {
      const result = InstantInputSchema.safeParse(bad)
      expect(result.success, String(bad)).toBe(false)
    }
    const subMs = InstantInputSchema.safeParse('2026-03-01T09:00:00.1234Z')
    expect(subMs.error?.issues[0]?.message).toMatch(/"2026-03-01T09:00:00\.1234Z".*millisecond/)
    const early = InstantInputSchema.safeParse('0000-01-01')
    expect(early.error?.issues[0]?.message).toMatch(/"0000-01-01".*1970/)
  })

  it('a delegate command with an ISO until stores whole milliseconds', async () => {
    const clock = manualClock(START)
    const engine = createEngine({ policy, clock })
    const { initiativeId } = await engine.propose({
      by: 'minzifry',
      title: 'GPU cluster',
      objective: 'infrastructure',
      scope: { kind: 'federal' },
    })
    await engine.submit(initiativeId, { by: 'minzifry' })
    const receipt = await engine.delegate(initiativeId, {
      by: 'oreshkin',
      key: 'presidential-administration',
      deputy: 'pa-aide',
      until: '2026-03-05T09:00:00.000Z',
    })
    expect(receipt.event.event).toMatchObject({ from: START, until: START + 3 * DAY })
    const bad = CommandSchema.safeParse({
      type: 'delegate',
      initiativeId,
      by: 'oreshkin',
      key: 'presidential-administration',
      deputy: 'pa-aide',
      until: START + 0.5,
    })
    expect(bad.error?.issues.map((i) => i.path)).toEqual([['until']])
    const error = await engine
      .delegate(initiativeId, {
        by: 'oreshkin',
        key: 'presidential-administration',
        deputy: 'pa-aide',
        until: '2026-03-05T09:00:00.0001Z',
      })
      .catch((e: unknown) => e)
    expect(isTwoKeysError(error) && error.code).toBe('COMMAND_INVALID')
  })
})

describe('absolute script times', () => {
  it('refuses a step time finer than a millisecond, or before 1970, at its line', () => {
    const path = join(dir, 'fine.yaml')
    writeFileSync(
      path,
      [
        `policy: ${POLICY}`,
        'start: 1969-12-31',
        'steps:',
        '  - at: 2026-03-02T09:00:00.0001Z',
        '    tick: true',
        '',
      ].join('\n'),
    )
    const error = (() => {
      try {
        loadScriptFile(path)
        return undefined
      } catch (e) {
        return e
      }
    })()
    expect(isTwoKeysError(error) && error.code).toBe('COMMAND_INVALID')
    const issues = isTwoKeysError(error) ? error.issues : []
    expect(issues.map((i) => [i.path.join('.'), i.line])).toEqual([
      ['start', 2],
      ['steps.0.at', 4],
    ])
    expect(issues[0]?.message).toMatch(/before 1970/)
    expect(issues[1]?.message).toMatch(/past the millisecond/)
  })
})
