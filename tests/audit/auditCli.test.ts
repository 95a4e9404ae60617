import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportAudit } from '../../src/audit/exportAudit.js'
import { importAudit } from '../../src/audit/importAudit.js'
import { hashPolicy } from '../../src/policy/hashPolicy.js'
import { sqliteStore } from '../../src/stores/sqliteStore.js'
import { freshSchema, pgRequired, pgSkipReason, pgUrl } from '../stores/support/postgres.js'
import { twokeys } from '../support/runCli.js'
import { policy, sampleLog } from './support/sampleLog.js'

// The real CLI from source, as bin/twokeys.js runs it from dist/.
const ENTRY =
  "import { main } from './src/cli/main.ts'; await main(['node', 'twokeys', ...process.argv.slice(1)])"

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/** The CLI as its own process: exit codes and output exactly as a shell sees them (about 1 s each). */
function spawned(...args: string[]): Promise<Run> {
  const { FORCE_COLOR: _force, ...env } = process.env
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', ENTRY, ...args], {
    env: { ...env, NO_COLOR: '1' },
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString()
  })
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString()
  })
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s{4}at /m)

const dir = mkdtempSync(join(tmpdir(), 'twokeys-cli-'))
const db = join(dir, 'twokeys.db')
const tamperedDb = join(dir, 'tampered.db')
const exported = join(dir, 'audit.jsonl')
afterAll(() => rmSync(dir, { recursive: true, force: true }))

beforeAll(async () => {
  for (const path of [db, tamperedDb]) {
    const store = sqliteStore(path)
    await sampleLog(store)
    await store.close()
  }
  // Someone with write access edits a decision, after dropping the append-only trigger.
  const raw = new Database(tamperedDb)
  raw.exec('DROP TRIGGER events_no_update')
  raw.exec(
    `UPDATE events SET event = replace(event, '"oreshkin"', '"pa-aide"') WHERE initiative_id = 'sample-1' AND seq = 3`,
  )
  raw.close()
  const store = sqliteStore(db)
  let text = ''
  for await (const line of exportAudit(store)) text += line
  writeFileSync(exported, text)
  await store.close()
})

describe('the twokeys process', () => {
  it('exits 0 on a sound log, 1 on a tampered one, 2 on bad input, never with a stack trace', async () => {
    const [sound, tampered, bad] = await Promise.all([
      spawned('audit', 'verify', '--db', db),
      spawned('audit', 'verify', '--db', tamperedDb),
      spawned('audit', 'verify', '--db', join(dir, 'missing.db')),
    ])
    expect([sound.code, tampered.code, bad.code]).toEqual([0, 1, 2])
    expect(sound.stdout).toContain('✓ 12 events in 3 initiatives: every hash and link checks out')
    expect(tampered.stdout).toContain('✖ audit log tampered: edited at position 2')
    expect(bad.stderr).toBe(`✖ no database "${join(dir, 'missing.db')}"; check the path\n`)
    for (const r of [sound, tampered, bad]) noStackTrace(r.stdout + r.stderr)
  })
})

describe('twokeys audit verify', () => {
  it('proves an untouched database (exit 0), and says so for people and for tools', async () => {
    const human = await twokeys('audit', 'verify', '--db', db)
    const json = await twokeys('audit', 'verify', '--db', db, '--json')
    expect(human.stderr).toBe('')
    expect(human.code).toBe(0)
    expect(human.stdout).toMatch(/✓ 12 events in 3 initiatives: every hash and link checks out/)
    expect(human.stdout).toContain('pinned policies: 1 ✓ · snapshots: 0 ✓')
    expect(json.code).toBe(0)
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: true,
      count: 12,
      initiatives: 3,
      policies: { checked: 1, problems: [] },
      heads: { 'sample-1': { seq: 4 } },
    })
  })

  it('names the first touched event of a tampered database (exit 1)', async () => {
    const { code, stdout, stderr } = await twokeys('audit', 'verify', '--db', tamperedDb)
    expect(code).toBe(1)
    noStackTrace(stdout + stderr)
    expect(stdout).toContain('✖ audit log tampered: edited at position 2')
    expect(stdout).toContain(
      'position 2 (initiative "sample-1", seq 3): the event no longer matches its hash; it was edited',
    )
  })

  it('catches an edited pinned policy (exit 1)', async () => {
    const path = join(dir, 'policy-edited.db')
    const store = sqliteStore(path)
    await sampleLog(store)
    await store.close()
    const raw = new Database(path)
    raw.exec(`UPDATE policies SET policy = replace(policy, '"quorum":1', '"quorum":0')`)
    raw.close()
    const { code, stdout } = await twokeys('audit', 'verify', '--db', path)
    expect(code).toBe(1)
    expect(stdout).toContain(`✖ pinned policies: policy ${hashPolicy(policy).slice(0, 12)}… was edited`)
  })

  it('exports JSON Lines that both verifiers accept, and a tampered line is found with its line', async () => {
    const file = join(dir, 'exported-by-cli.jsonl')
    const out = await twokeys('audit', 'export', '--db', db, '--out', file)
    expect(out.code).toBe(0)
    expect(out.stderr).toContain(`✓ exported 12 events from ${db} to ${file}`)
    const text = readFileSync(file, 'utf8')
    expect(text).toBe(readFileSync(exported, 'utf8'))
    expect(text.trimEnd().split('\n')).toHaveLength(12)

    const broken = join(dir, 'broken.jsonl')
    writeFileSync(broken, `\n${text.replace('"Not now"', '"Yes, now"')}`)
    const good = await twokeys('audit', 'verify', file)
    const bad = await twokeys('audit', 'verify', broken)
    const stdoutExport = await twokeys('audit', 'export', '--db', db)
    expect(good.code).toBe(0)
    expect(bad.code).toBe(1)
    expect(bad.stdout).toContain('✖ audit log tampered: edited at position 6 (line 8)')
    expect(stdoutExport.stdout).toBe(text)
  })

  it('checks against saved heads: a cut-off tail is caught only with them', async () => {
    const heads = join(dir, 'heads.json')
    writeFileSync(heads, (await twokeys('audit', 'verify', '--db', db, '--json')).stdout)
    const lines = readFileSync(exported, 'utf8').trimEnd().split('\n')
    const cut = join(dir, 'cut.jsonl')
    writeFileSync(cut, `${lines.slice(0, -1).join('\n')}\n`)
    const plain = await twokeys('audit', 'verify', cut)
    const anchored = await twokeys('audit', 'verify', cut, '--heads', heads, '--exact')
    expect(plain.code).toBe(0)
    expect(anchored.code).toBe(1)
    expect(anchored.stdout).toContain('deleted at position 11')
  })

  it('refuses bad input with exit 2 and no stack trace', async () => {
    const results = [
      await twokeys('audit', 'verify'),
      await twokeys('audit', 'verify', '--db', join(dir, 'missing.db')),
      await twokeys('audit', 'verify', 'package.json'),
      await twokeys('audit', 'verify', join(dir, 'missing.jsonl')),
      await twokeys('history', 'nobody', '--db', db),
    ]
    for (const r of results) {
      expect(r.code).toBe(2)
      noStackTrace(r.stdout + r.stderr)
    }
    expect(results.map((r) => r.stderr.split('\n')[0])).toEqual([
      '✖ name one log to verify: an exported file (twokeys audit verify audit.jsonl) or a database (--db twokeys.db)',
      `✖ no database "${join(dir, 'missing.db')}"; check the path`,
      '✖ "package.json" is not an audit log: no line is an event record; export one with `twokeys audit export --db <db> --out audit.jsonl`',
      `✖ cannot read audit log "${join(dir, 'missing.jsonl')}" (no such file); check the path`,
      `✖ no initiative "nobody" in ${db}; check the id (\`twokeys audit export --db …\` lists every event)`,
    ])
  })
})

describe('twokeys audit import', () => {
  it('imports a verified log once, with its policy, and refuses a tampered one whole', async () => {
    const broken = join(dir, 'broken-for-import.jsonl')
    writeFileSync(broken, readFileSync(exported, 'utf8').replace('"Not now"', '"Yes, now"'))
    const copy = join(dir, 'copy.db')
    const first = await twokeys(
      'audit',
      'import',
      exported,
      '--db',
      copy,
      '--policy',
      'machines/policies/two-keys.yaml',
    )
    expect(first.code).toBe(0)
    expect(first.stdout).toBe(`✓ 12 verified events of 3 initiatives; 12 added to ${copy}, 0 already there\n`)
    const again = await twokeys('audit', 'import', exported, '--db', copy)
    expect(again.stdout).toBe(`✓ 12 verified events of 3 initiatives; 0 added to ${copy}, 12 already there\n`)
    expect((await twokeys('audit', 'verify', '--db', copy)).code).toBe(0)

    const fresh = join(dir, 'fresh.db')
    const refused = await twokeys('audit', 'import', broken, '--db', fresh)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain(
      `✖ refused to import "${broken}": the audit log was tampered with (edited)`,
    )
    const store = sqliteStore(fresh)
    expect(await store.listInitiatives()).toEqual([])
    await store.close()
  })

  it('warns when the events are pinned to a policy it was not given', async () => {
    const bare = join(dir, 'bare.db')
    const { code, stdout } = await twokeys('audit', 'import', exported, '--db', bare)
    expect(code).toBe(0)
    expect(stdout).toContain(`! policy ${hashPolicy(policy).slice(0, 12)} is not in the database`)
  })
})

describe('twokeys history', () => {
  it('shows who did what and when, with the chain checked', async () => {
    const human = await twokeys('history', 'sample-1', '--db', db)
    const json = await twokeys('history', 'sample-1', '--db', db, '--json')
    const tampered = await twokeys('history', 'sample-1', '--db', tamperedDb)
    expect(human.code).toBe(0)
    expect(human.stdout).toBe(
      [
        'initiative "sample-1" · 4 events · hash chain ✓ · rules ✓',
        ' seq  time               event       by               detail',
        '   1  2026-03-01 09:00Z  PROPOSE     minzifry         "GPU cluster for federal ministries" · infrastructure · federal',
        '   2  2026-03-01 15:00Z  SUBMIT      minzifry         submitted for review',
        '   3  2026-03-01 18:00Z  DECIDE      oreshkin         approve presidential-administration: "Fits the plan"',
        '   4  2026-03-02 00:00Z  DECIDE      grigorenko       approve government-apparatus',
        '',
      ].join('\n'),
    )
    expect(JSON.parse(json.stdout)).toHaveLength(4)
    const store = sqliteStore(db)
    expect(json.stdout).toBe(`${JSON.stringify(await store.readEvents('sample-1'), null, 2)}\n`)
    await store.close()
    expect(tampered.stdout).toContain('hash chain ✖ at seq 3 (edited)')
    expect(tampered.stdout).toContain('   3  2026-03-01 18:00Z  DECIDE      pa-aide ')
  })
})

const pgMissing = pgUrl === undefined && !pgRequired
describe.skipIf(pgMissing)(`the CLI on PostgreSQL${pgMissing ? ` (skipped: ${pgSkipReason})` : ''}`, () => {
  it('verifies, exports and shows history from a postgres:// URL with ?schema=', async () => {
    if (pgUrl === undefined) throw new Error(`PostgreSQL is required in CI: ${pgSkipReason}`)
    const { schema, drop } = await freshSchema(pgUrl)
    try {
      const url = `${pgUrl}?schema=${schema}`
      const { postgresStore } = await import('../../src/stores/postgresStore.js')
      const store = postgresStore(pgUrl, { schema })
      await importAudit(store, readFileSync(exported, 'utf8'), { policies: [policy] })
      await store.close()
      const verify = await twokeys('audit', 'verify', '--db', url)
      const history = await twokeys('history', 'sample-6', '--db', url)
      expect(verify.code).toBe(0)
      expect(verify.stdout).toContain('(postgres)')
      expect(verify.stdout).toContain('✓ 12 events in 3 initiatives')
      expect(history.stdout).toContain('initiative "sample-6" · 5 events · hash chain ✓')
    } finally {
      await drop()
    }
  })
})
