// `npm run mutation [-- folder… ] [-- stryker args]`: runs Stryker folder by folder (invariants,
// engine, machines), each incremental, then prints a score per folder from the JSON reports.
// Not in CI. See README "Tests that would notice: mutation testing".
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'

const all = ['invariants', 'engine', 'machines']
const args = process.argv.slice(2)
const folders = args.filter((a) => all.includes(a))
const passThrough = args.filter((a) => !all.includes(a))
const chosen = folders.length > 0 ? folders : all

const started = Date.now()
const minutes = {}
for (const folder of chosen) {
  const t = Date.now()
  const run = spawnSync('npx', ['stryker', 'run', ...passThrough], {
    stdio: 'inherit',
    env: { ...process.env, TWOKEYS_MUTATE: folder },
  })
  minutes[folder] = (Date.now() - t) / 60_000
  if (run.status !== 0) {
    console.error(`stryker failed on ${folder} (exit ${run.status}); see .stryker-tmp and the log above`)
    process.exitCode = 1
  }
}

/** Counts per status over the files of one JSON report (mutation-testing-report-schema). */
function tally(report) {
  const n = {
    Killed: 0,
    Survived: 0,
    Timeout: 0,
    NoCoverage: 0,
    CompileError: 0,
    RuntimeError: 0,
    Ignored: 0,
  }
  for (const file of Object.values(report.files)) {
    for (const m of file.mutants) n[m.status] = (n[m.status] ?? 0) + 1
  }
  return n
}

const rows = []
for (const folder of all) {
  const path = `reports/mutation/${folder}.json`
  if (!existsSync(path)) continue
  const n = tally(JSON.parse(readFileSync(path, 'utf8')))
  const detected = n.Killed + n.Timeout
  const valid = detected + n.Survived + n.NoCoverage
  const score = valid === 0 ? 'n/a' : `${((100 * detected) / valid).toFixed(1)}%`
  const took = minutes[folder] === undefined ? '(earlier run)' : `${minutes[folder].toFixed(1)} min`
  rows.push([folder, score, n.Killed, n.Survived, n.Timeout, n.NoCoverage, n.CompileError, took])
}
const head = ['folder', 'score', 'killed', 'survived', 'timeout', 'no coverage', 'compile error', 'took']
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)))
const line = (r) => r.map((c, i) => String(c).padEnd(widths[i])).join('  ')
console.log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`)
for (const r of rows) console.log(line(r))
console.log(`\ntotal ${((Date.now() - started) / 60_000).toFixed(1)} min; reports in reports/mutation/`)
