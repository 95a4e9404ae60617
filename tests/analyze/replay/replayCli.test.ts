import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { postgresStore } from '../../../src/stores/postgresStore.js'
import { freshSchema, pgRequired, pgSkipReason, pgUrl } from '../../stores/support/postgres.js'
import { twokeys } from '../../support/runCli.js'
import { recordTwoKeys, SHORT_WINDOW, SINGLE_KEY, sqliteHistory, TWO_KEYS, tempDb } from './recordedStore.js'

const db = tempDb()
beforeAll(() => sqliteHistory(db.file, (store) => recordTwoKeys(store)))
afterAll(() => db.remove())

describe('twokeys replay', () => {
  it('exit 0 when nothing changes; 1 when an outcome changes; the database is not written', async () => {
    const before = readFileSync(db.file)
    const same = await twokeys('replay', '--db', db.file, '--policy', TWO_KEYS)
    expect(same.code).toBe(0)
    expect(same.stdout).toContain('0 of 3 would change outcome')

    const shorter = await twokeys('replay', '--db', db.file, '--policy', SHORT_WINDOW, '--migrate')
    expect(shorter.code).toBe(1)
    expect(shorter.stdout).toContain('✖ one-key · "Data centre": in review → lapsed')
    expect(shorter.stdout).toContain(
      'first difference: 2026-04-02T09:00:00Z the review window closed under the candidate (review.windowDays): lapsed; recorded: in review',
    )
    expect(shorter.stdout).toContain('cannot move: under the candidate it is already lapsed')
    expect(shorter.stdout).toContain('migrate: 1 running — 0 can move to the candidate, 1 cannot')
    expect(readFileSync(db.file).equals(before)).toBe(true)
  })

  it('--json gives the result for tools; --migrate alone makes exit 1 when a running one cannot move', async () => {
    const run = await twokeys('replay', '--db', db.file, '--policy', SINGLE_KEY, '--json', '--migrate')
    expect(run.code).toBe(1)
    const result = JSON.parse(run.stdout)
    expect(result.summary).toMatchObject({ initiatives: 3, changed: 1, migrate: { can: 1, cannot: 0 } })
    const approved = result.initiatives.find((r: { initiativeId: string }) => r.initiativeId === 'approved')
    expect(approved.refused[0]).toMatchObject({ seq: 4, rules: ['state.notAcceptedHere'] })
  })

  it('speaks Russian with --lang ru: phases and the rules’ reasons', async () => {
    const run = await twokeys('--lang', 'ru', 'replay', '--db', db.file, '--policy', SINGLE_KEY)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('исход изменится у 1 из 3')
    expect(run.stdout).toContain('на рассмотрении → ')
    expect(run.stdout).toContain('новая политика отказывает')
  })

  it('exit 2 on bad input: a missing database, a bad --at, an --at before the last event', async () => {
    const missing = await twokeys('replay', '--db', `${db.file}.absent`, '--policy', TWO_KEYS)
    expect(missing.code).toBe(2)
    const bad = await twokeys('replay', '--db', db.file, '--policy', TWO_KEYS, '--at', 'yesterday')
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('--at: "yesterday" is not')])
    const early = await twokeys('replay', '--db', db.file, '--policy', TWO_KEYS, '--at', '2026-03-10')
    expect([early.code, early.stderr]).toEqual([2, expect.stringContaining("before the store's last event")])
  })
})

const skip = pgUrl === undefined && !pgRequired
describe.skipIf(skip)(`twokeys replay on PostgreSQL${skip ? ` (skipped: ${pgSkipReason})` : ''}`, () => {
  it('reads a PostgreSQL store as it reads SQLite', async () => {
    const { schema, drop } = await freshSchema(pgUrl as string)
    const store = postgresStore(pgUrl as string, { schema })
    try {
      await recordTwoKeys(store)
      const url = new URL(pgUrl as string)
      url.searchParams.set('schema', schema)
      const run = await twokeys('replay', '--db', url.toString(), '--policy', SHORT_WINDOW, '--json')
      expect(run.code).toBe(1)
      expect(JSON.parse(run.stdout).summary).toMatchObject({
        changed: 1,
        byRule: [{ rule: 'review.windowDays' }],
      })
    } finally {
      await store.close()
      await drop()
    }
  })
})
