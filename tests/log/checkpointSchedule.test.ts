import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createEngine } from '../../src/engine/createEngine.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { sqliteStore } from '../../src/stores/sqliteStore.js'
import { twokeys } from '../support/runCli.js'
import { spawnCli } from '../support/spawnCli.js'

const dir = mkdtempSync(join(tmpdir(), 'twokeys-schedule-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('twokeys log checkpoint --every', () => {
  it('publishes a new checkpoint whenever the log grew, until SIGTERM', async () => {
    const db = join(dir, 'log.db')
    const store = sqliteStore(db)
    const engine = createEngine({ policy: loadPolicyFile('machines/policies/two-keys.yaml'), store })
    const propose = (n: number) =>
      engine.propose({
        by: 'minzifry',
        title: `n${n}`,
        objective: 'infrastructure',
        scope: { kind: 'federal' },
      })
    await propose(1)
    expect(
      (await twokeys('log', 'key', 'new', '--origin', 'sched.example/log', '--out', join(dir, 'log.key')))
        .code,
    ).toBe(0)
    const cli = spawnCli(['log', 'checkpoint', '--db', db, '--key', join(dir, 'log.key'), '--every', '1'])
    const stdout = () => cli.stdout()
    const sizes = () => [...stdout().matchAll(/^sched\.example\/log\n(\d+)\n/gm)].map((m) => Number(m[1]))
    const until = async (ok: () => boolean) => {
      for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 100))
    }
    await until(() => sizes().includes(1))
    await propose(2)
    await propose(3)
    await until(() => sizes().includes(3))
    cli.child.kill('SIGTERM')
    const code = await cli.exited
    expect(code).toBe(0)
    expect(sizes()).toContain(1)
    expect(sizes()).toContain(3)
    expect((await store.log?.checkpoints())?.map((c) => c.size)).toEqual(expect.arrayContaining([1, 3]))
    await store.close()
  }, 60_000)
})
