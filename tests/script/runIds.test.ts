import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { loadScriptFile } from '../../src/script/loadScriptFile.js'
import { runScript } from '../../src/script/runScript.js'
import { sqliteStore } from '../../src/stores/sqliteStore.js'
import { twokeys } from '../support/runCli.js'

const POLICY = resolve('machines/policies/two-keys.yaml')
const policy = loadPolicyFile(POLICY)
const dir = mkdtempSync(join(tmpdir(), 'twokeys-runs-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A script that proposes `name`, submits it and turns the first key. */
function scriptFor(name: string): string {
  const path = join(dir, `${name}.yaml`)
  writeFileSync(
    path,
    [
      `policy: ${POLICY}`,
      'start: 2026-03-02T09:00:00Z',
      'steps:',
      `  - propose: { as: ${name}, by: minzifry, title: ${name}, objective: infrastructure, scope: { kind: federal } }`,
      `  - submit: { initiative: ${name}, by: minzifry }`,
      '  - at: +1d',
      `    decide: { initiative: ${name}, by: oreshkin, key: presidential-administration, decision: approve }`,
      '',
    ].join('\n'),
  )
  return path
}

describe('script runs against a database', () => {
  it('a second run on the same database takes its own commands, not replays of the first run', async () => {
    const db = join(dir, 'library.db')
    for (const name of ['first-initiative', 'second-initiative']) {
      const store = sqliteStore(db)
      const run = await runScript(loadScriptFile(scriptFor(name)).script, policy, { store })
      await store.close()
      expect(run.steps.map((s) => s.outcome)).toEqual(['accepted', 'accepted', 'accepted'])
      expect(run.boards.map((b) => [b.initiativeId, b.phase])).toEqual([[name, 'review']])
    }
    const store = sqliteStore(db)
    const first = await store.readEvents('first-initiative')
    const second = await store.readEvents('second-initiative')
    await store.close()
    expect(second.map((e) => e.event.type)).toEqual(['PROPOSE', 'SUBMIT', 'DECIDE'])
    const ids = [...first, ...second].map((e) => e.commandId)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('twokeys run --db twice: every step of the second script does what it says', async () => {
    const db = join(dir, 'cli.db')
    const one = await twokeys('run', scriptFor('cli-one'), '--db', db)
    const two = await twokeys('run', scriptFor('cli-two'), '--db', db)
    expect([one.code, two.code]).toEqual([0, 0])
    const history = await twokeys('history', 'cli-two', '--db', db)
    expect(history.stdout).toMatch(/approve presidential-administration/)
  })

  it('a run in memory stays deterministic', async () => {
    const script = loadScriptFile('examples/seed-walkthrough.yaml').script
    const [a, b] = [await runScript(script, policy), await runScript(script, policy)]
    expect(JSON.stringify(a)).toBe(JSON.stringify(b))
  })
})
