import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { sqliteStore } from '../../src/stores/sqliteStore.js'
import {
  type Ack,
  bundledWriter,
  checkCrashStore,
  crashSoak,
  runWriter,
  type WriterLaunch,
} from './support/crashSoak.js'
import { pgUrl } from './support/postgres.js'
import { postgresTarget, reportSkipped, sqliteTarget, targets } from './support/storeTargets.js'

// The CI slice of `npm run soak` (scripts/soak.ts): ten SIGKILLs per store; the soak runs hundreds.
const SEED = 20260301
const KILLS = 10

let launch: WriterLaunch
beforeAll(async () => {
  launch = await bundledWriter('test-output/crash')
})

describe('an engine killed at random moments', () => {
  reportSkipped([postgresTarget])
  for (const kind of targets([sqliteTarget, postgresTarget])) {
    // The stores run side by side: the time goes to starting and killing processes, not to the CPU.
    it.concurrent(`${kind.name}: loses no acknowledged step and never splits a deadline from its command over ${KILLS} SIGKILLs (seed ${SEED})`, async ({
      expect,
    }) => {
      const report = await crashSoak({
        target: kind.name as 'sqlite' | 'postgres',
        kills: KILLS,
        seed: SEED,
        killsPerDatabase: KILLS,
        maxKillMs: 500,
        launch,
        ...(pgUrl === undefined ? {} : { pgUrl }),
        stopAtFirstProblem: true,
      })
      expect(report.problems).toEqual([])
      expect(report.kills).toBe(KILLS)
      // Steps were acknowledged, and deadlines were stored both with commands and by tick() calls.
      expect(report.acknowledged).toBeGreaterThan(KILLS)
      expect(report.ticksWithCommand).toBeGreaterThan(0)
      expect(report.ticksFromCalls).toBeGreaterThan(0)
    })
  }

  it('the check notices a deadline stored apart from its command (a store that appends one event at a time)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'twokeys-crash-mutant-'))
    const location = { sqlite: join(dir, 'crash.db') }
    try {
      // Step 2 is the first decision of a `crossing` initiative: a TICK and the decision in one append.
      const broken = await runWriter(
        launch,
        { location, run: 1, first: 0, crashAfter: 2, mutant: 'split-appends' },
        { kind: 'after-commit', step: 2 },
      )
      expect(broken.killed).toBe(true)
      const rest = await runWriter(launch, { location, run: 2, first: 2, stop: 4 }, { kind: 'none', stop: 4 })
      const acks = new Map<number, Ack>([...broken.acks, ...rest.acks].map((a) => [a.n, a]))
      const store = sqliteStore(location.sqlite)
      const { problems } = await checkCrashStore(store, {
        acks,
        next: 4,
        runs: new Map([
          [1, 0],
          [2, 2],
        ]),
      })
      await store.close()
      expect(problems).toEqual([
        expect.stringContaining('the deadline and its command were not stored together'),
      ])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
