import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createEngine } from '../../src/engine/createEngine.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { sqliteStore } from '../../src/stores/sqliteStore.js'
import { twokeys } from '../support/runCli.js'

const dir = mkdtempSync(join(tmpdir(), 'twokeys-schedule-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const ENTRY =
  "import { main } from './src/cli/main.ts'; await main(['node', 'twokeys', ...process.argv.slice(1)])"

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
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        ENTRY,
        'log',
        'checkpoint',
        '--db',
        db,
        '--key',
        join(dir, 'log.key'),
        '--every',
        '1',
      ],
      { env: { ...process.env, NO_COLOR: '1' } },
    )
    let stdout = ''
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString()
    })
    const sizes = () => [...stdout.matchAll(/^sched\.example\/log\n(\d+)\n/gm)].map((m) => Number(m[1]))
    const until = async (ok: () => boolean) => {
      for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 100))
    }
    await until(() => sizes().includes(1))
    await propose(2)
    await propose(3)
    await until(() => sizes().includes(3))
    const code = await new Promise<number | null>((resolve) => {
      child.on('exit', (c) => resolve(c))
      child.kill('SIGTERM')
    })
    expect(code).toBe(0)
    expect(sizes()).toContain(1)
    expect(sizes()).toContain(3)
    expect((await store.log?.checkpoints())?.map((c) => c.size)).toEqual(expect.arrayContaining([1, 3]))
    await store.close()
  }, 60_000)
})
