/**
 * `npm run soak`: the crash test at scale (not in CI; tests/stores/crash.test.ts is its slice).
 * A writer process is SIGKILLed at seeded random moments while it sends commands — some of them
 * after a passed deadline, so a TICK and the command are appended together — and after every kill
 * the store must hold every acknowledged step, verify (`verifyStore`) and hold no TICK apart from
 * the command it was stored with, unless a tick() call recorded it.
 *
 *   npm run soak -- [--kills 500] [--seed 1] [--stores sqlite,postgres] [--kills-per-db 10] [--max-kill-ms 500]
 *
 * Prints the figures per store, writes test-output/soak/report.json, exits 1 if any law broke.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { bundledWriter, crashSoak, type SoakReport } from '../tests/stores/support/crashSoak.js'
import { pgSkipReason, pgUrl } from '../tests/stores/support/postgres.js'

const { values } = parseArgs({
  options: {
    kills: { type: 'string', default: '500' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    stores: { type: 'string', default: 'sqlite,postgres' },
    'kills-per-db': { type: 'string', default: '10' },
    'max-kill-ms': { type: 'string', default: '500' },
  },
})
const kills = Number(values.kills)
const seed = Number(values.seed)
const stores = values.stores
  .split(',')
  .filter((s): s is 'sqlite' | 'postgres' => s === 'sqlite' || s === 'postgres')
if (stores.includes('postgres') && pgUrl === undefined) {
  process.stderr.write(`✖ no PostgreSQL for the soak: ${pgSkipReason}; pass --stores sqlite to skip it\n`)
  process.exit(2)
}

const launch = await bundledWriter()
const reports: SoakReport[] = []
const started = Date.now()
for (const target of stores) {
  process.stdout.write(`${target}: ${kills} SIGKILLs, seed ${seed}\n`)
  const report = await crashSoak({
    target,
    kills,
    seed,
    killsPerDatabase: Number(values['kills-per-db']),
    maxKillMs: Number(values['max-kill-ms']),
    launch,
    ...(pgUrl === undefined ? {} : { pgUrl }),
    onKill: (r) => {
      if (r.kills % 25 === 0) {
        process.stdout.write(
          `  ${r.kills} kills · ${r.acknowledged} steps acknowledged · ${r.problems.length} problems · ${Math.round((Date.now() - started) / 1000)} s\n`,
        )
      }
    },
  })
  reports.push(report)
}

process.stdout.write(
  '\nstore      kills  databases  acknowledged  stored-unacknowledged  ticks-with-command  ticks-from-tick()  problems\n',
)
for (const r of reports) {
  process.stdout.write(
    `${r.target.padEnd(9)} ${String(r.kills).padStart(6)} ${String(r.databases).padStart(10)} ${String(r.acknowledged).padStart(13)} ${String(r.inFlightStored).padStart(22)} ${String(r.ticksWithCommand).padStart(19)} ${String(r.ticksFromCalls).padStart(18)} ${String(r.problems.length).padStart(9)}\n`,
  )
  for (const p of r.problems.slice(0, 20)) process.stdout.write(`  ✖ ${p}\n`)
}
mkdirSync('test-output/soak', { recursive: true })
writeFileSync('test-output/soak/report.json', `${JSON.stringify({ seed, reports }, null, 2)}\n`)
process.stdout.write(
  `\nseed ${seed} · ${Math.round((Date.now() - started) / 1000)} s · report in test-output/soak/report.json\n`,
)
process.exitCode = reports.some((r) => r.problems.length > 0) ? 1 : 0
