/**
 * `npm run fuzz`: fuzzing at scale (not in CI; tests/fuzz/fuzz.test.ts is its slice). Throws
 * generated inputs at the engine (memory, SQLite, PostgreSQL), the policy, scenario and script
 * loaders, the audit importer and every CLI entry point, and checks the laws of tests/fuzz/laws.ts
 * on each: no uncaught exception or stack trace, every failure a TwoKeysError with a code of the
 * closed set (or exit 1/2 with a message), no hang, stored data kept and verifying, memory bounded.
 *
 *   npm run fuzz -- [--count 100000] [--seed N] [--workers 2] [--targets cli,policy] [--spawn-every 200]
 *   npm run fuzz -- --replay <target>:<seed>:<path>     # one input again, as a reproducer names it
 *
 * Inputs run in worker processes; a worker stuck on one input (a synchronous hang) is killed by a
 * watchdog and that input is reported. Prints inputs per target and failures grouped by signature,
 * each with a shrunk reproducer under test-output/fuzz/; exits 1 if any law broke.
 */
import { type ChildProcess, fork } from 'node:child_process'
import { mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import fc from 'fast-check'
import type { FuzzTarget } from '../tests/fuzz/FuzzTarget.js'
import { fuzzTargets } from '../tests/fuzz/generators.js'
import { isKnownFailure } from '../tests/fuzz/knownFailures.js'
import { withinTime } from '../tests/fuzz/laws.js'
import { type Failure, runTarget, saveReproducer, shrinkFailure } from '../tests/fuzz/runTarget.js'

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '100000' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000_000) },
    workers: { type: 'string', default: '2' },
    targets: { type: 'string' },
    job: { type: 'string', default: '1000' },
    'spawn-every': { type: 'string', default: '200' },
    'memory-limit-mb': { type: 'string', default: '1536' },
    out: { type: 'string', default: 'test-output/fuzz' },
    replay: { type: 'string' },
    worker: { type: 'boolean', default: false },
  },
})
const seed = Number(values.seed)
const outDir = resolve(values.out)
const targets = fuzzTargets({ spawnEvery: Number(values['spawn-every']) })
const byName = new Map(targets.map((t) => [t.name, t]))

/** A slice of one target's input stream, run by one worker against one fresh state. */
interface Job {
  target: string
  first: number
  count: number
  /** Signatures already reported: not shrunk again. */
  known: string[]
  /** Workers that died before the job's first input (a broken build): it is retried twice. */
  attempts?: number
}

type FailureSummary = Omit<Failure, 'input'>

interface JobDone {
  type: 'done'
  job: Job
  inputs: number
  failures: FailureSummary[]
  reproducers: Record<string, string>
  maxRssMb: number
  notes: Record<string, number>
  slow: { index: number; ms: number }[]
  stoppedAt?: number
}

const strip = ({ input: _input, ...rest }: Failure): FailureSummary => rest

if (values.worker) await worker()
else if (values.replay !== undefined) await replay(values.replay)
else await parent()

/** A worker: runs the jobs it is sent, marking the input in progress in its progress file. */
async function worker() {
  const progress = openSync(process.env.FUZZ_PROGRESS as string, 'w')
  process.on('message', async (job: Job) => {
    const target = byName.get(job.target) as FuzzTarget
    const stats = await runTarget(target, {
      seed,
      first: job.first,
      count: job.count,
      stopOnHang: true,
      memoryLimitMb: Number(values['memory-limit-mb']),
      onInput: (i) => writeSync(progress, `${job.target} ${i}          \n`, 0),
    })
    writeSync(progress, `${job.target} shrinking         \n`, 0)
    const reproducers: Record<string, string> = {}
    const known = new Set(job.known)
    for (const failure of stats.failures) {
      if (known.has(failure.signature)) continue
      known.add(failure.signature)
      const shrunk =
        failure.law === 'no hang' || failure.law === 'memory stays bounded' || stats.stoppedAt !== undefined
          ? undefined
          : await shrinkFailure(target, seed, failure, 30_000).catch(() => undefined)
      reproducers[failure.signature] = saveReproducer(outDir, target, seed, failure, shrunk)
    }
    const done: JobDone = {
      type: 'done',
      job,
      inputs: stats.inputs,
      failures: stats.failures.map(strip),
      reproducers,
      maxRssMb: stats.maxRssMb,
      notes: stats.notes,
      slow: stats.slow.map(({ index, ms }) => ({ index, ms })),
      ...(stats.stoppedAt === undefined ? {} : { stoppedAt: stats.stoppedAt }),
    }
    // A run that stopped at a hang may have left work running in the background: start afresh.
    process.send?.(done, () => {
      if (stats.stoppedAt !== undefined) process.exit(0)
    })
  })
  process.send?.({ type: 'ready' })
}

/** One input again, by target, seed and fast-check path: prints it and what the laws say. */
async function replay(spec: string) {
  const [name, seedText, path] = spec.split(':')
  const target = byName.get(name ?? '')
  if (target === undefined || path === undefined) {
    process.stderr.write(
      `✖ --replay wants <target>:<seed>:<path>, with a target among ${[...byName.keys()].join(', ')}\n`,
    )
    process.exit(2)
  }
  const state = await target.setup()
  await fc.check(
    fc.asyncProperty(target.arbitrary, async (input) => {
      process.stdout.write(`input: ${fc.stringify(input).slice(0, 4000)}\n`)
      const verdict = await withinTime(target.run(input, state), target.timeLimitMs, `a ${target.name} input`)
      process.stdout.write(
        `${verdict.ok ? '✓ every law holds' : `✖ ${verdict.signature}\n${verdict.detail}`}\n`,
      )
      process.exitCode = verdict.ok ? 0 : 1
      return true
    }),
    { seed: Number(seedText), path, numRuns: 1 },
  )
  await target.teardown(state)
}

/** The parent: splits the count into jobs, feeds the workers, watches them, prints the summary. */
async function parent() {
  const wanted = values.targets?.split(',')
  const chosen = targets.filter(
    (t) => (wanted === undefined || wanted.includes(t.name)) && t.skip?.() === undefined,
  )
  for (const t of targets) {
    const reason = t.skip?.()
    if (reason !== undefined) process.stdout.write(`⚠ ${t.name} skipped: ${reason}\n`)
  }
  const total = Number(values.count)
  const weight = chosen.reduce((sum, t) => sum + t.weight, 0)
  const jobSize = Number(values.job)
  const queue: Job[] = []
  const planned = new Map<string, number>()
  for (const t of chosen) {
    const n = Math.max(1, Math.round((total * t.weight) / weight))
    planned.set(t.name, n)
    // The CLI and the lockstep stores are slower per input: smaller jobs keep the workers balanced.
    const size = t.name === 'cli' || t.name === 'engine-stores' ? Math.ceil(jobSize / 2) : jobSize
    for (let first = 0; first < n; first += size)
      queue.push({ target: t.name, first, count: Math.min(size, n - first), known: [] })
  }
  // Interleave targets, so an early summary already covers all of them.
  queue.sort((a, b) => a.first - b.first)

  rmSync(outDir, { recursive: true, force: true })
  mkdirSync(outDir, { recursive: true })
  const inputs = new Map<string, number>()
  const maxRss = new Map<string, number>()
  const notes = new Map<string, number>()
  const groups = new Map<
    string,
    { failure: FailureSummary; count: number; indices: number[]; reproducer?: string }
  >()
  const slow: { target: string; index: number; ms: number }[] = []
  const started = Date.now()
  let done = 0
  const jobs = queue.length

  const record = (failures: FailureSummary[], reproducers: Record<string, string>) => {
    for (const f of failures) {
      const group = groups.get(f.signature) ?? { failure: f, count: 0, indices: [] }
      group.count++
      if (group.indices.length < 100) group.indices.push(f.index)
      const reproducer = group.reproducer ?? reproducers[f.signature]
      if (reproducer !== undefined) group.reproducer = reproducer
      groups.set(f.signature, group)
    }
  }

  /** Saves a reproducer for an input a worker died on or hung in (regenerated from its index). */
  const reportStuck = (job: Job, index: number, law: string, what: string) => {
    const target = byName.get(job.target) as FuzzTarget
    const failure: Failure = {
      target: target.name,
      index,
      law,
      signature: `${target.name} · ${law}: ${what}`,
      detail: what,
    }
    failure.input = fc.sample(target.arbitrary, { seed, path: String(index), numRuns: 1 })[0]
    const dir = groups.has(failure.signature)
      ? undefined
      : saveReproducer(outDir, target, seed, failure, undefined)
    record([strip(failure)], dir === undefined ? {} : { [failure.signature]: dir })
    inputs.set(job.target, (inputs.get(job.target) ?? 0) + (index - job.first + 1))
    if (index + 1 < job.first + job.count)
      queue.unshift({ ...job, first: index + 1, count: job.first + job.count - index - 1 })
  }

  const workerCount = Math.max(1, Number(values.workers))
  await Promise.all(
    Array.from({ length: workerCount }, async (_, w) => {
      const progressFile = join(outDir, `.progress-${w}`)
      for (;;) {
        const job = queue.shift()
        if (job === undefined) return
        job.known = [...groups.keys()]
        await runOnWorker(progressFile, job)
      }
    }),
  )

  function runOnWorker(progressFile: string, job: Job): Promise<void> {
    return new Promise((resolveJob) => {
      writeFileSync(progressFile, '')
      const child: ChildProcess = fork(
        process.argv[1] as string,
        [
          '--worker',
          '--seed',
          String(seed),
          '--out',
          outDir,
          '--spawn-every',
          String(values['spawn-every']),
          '--memory-limit-mb',
          String(values['memory-limit-mb']),
        ],
        {
          execArgv: [...process.execArgv, '--max-old-space-size=3072'],
          env: { ...process.env, FUZZ_PROGRESS: progressFile, NO_COLOR: '1' },
          stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
        },
      )
      let stderr = ''
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr = (stderr + chunk.toString()).slice(-4_000)
      })
      const target = byName.get(job.target) as FuzzTarget
      const limitMs = target.timeLimitMs * 2 + 15_000
      let last = ''
      let since = Date.now()
      let finished = false
      const current = () => {
        const [, index] = readFileSync(progressFile, 'utf8').trim().split(/\s+/)
        return index === undefined || index === 'shrinking' ? undefined : Number(index)
      }
      const watchdog = setInterval(() => {
        const now = readFileSync(progressFile, 'utf8')
        if (now !== last) {
          last = now
          since = Date.now()
        } else if (Date.now() - since > limitMs && !now.includes('shrinking')) {
          const index = current()
          finished = true
          child.kill('SIGKILL')
          if (index !== undefined)
            reportStuck(
              job,
              index,
              'no hang',
              `an input blocked its worker for more than ${Math.round(limitMs / 1000)} s`,
            )
        }
      }, 1_000)
      child.on('message', (message: { type: 'ready' } | JobDone) => {
        if (message.type === 'ready') {
          child.send(job)
          return
        }
        const result = message
        finished = true
        inputs.set(job.target, (inputs.get(job.target) ?? 0) + result.inputs)
        maxRss.set(job.target, Math.max(maxRss.get(job.target) ?? 0, result.maxRssMb))
        record(result.failures, result.reproducers)
        for (const [k, v] of Object.entries(result.notes))
          notes.set(`${job.target}: ${k}`, (notes.get(`${job.target}: ${k}`) ?? 0) + v)
        slow.push(...result.slow.map((s) => ({ target: job.target, ...s })))
        if (result.stoppedAt !== undefined && result.stoppedAt + 1 < job.first + job.count) {
          queue.unshift({
            ...job,
            first: result.stoppedAt + 1,
            count: job.first + job.count - result.stoppedAt - 1,
          })
        }
        child.kill('SIGKILL')
      })
      child.on('exit', (code, signal) => {
        clearInterval(watchdog)
        if (!finished) {
          // Died under an input: out of memory, a native crash, or process.exit from inside.
          const index = current()
          const how = signal ?? `exit ${code}`
          if (index !== undefined) {
            reportStuck(job, index, 'no crash', `the worker died (${how}) while running an input\n${stderr}`)
          } else {
            // Died before its first input: the sources do not load, or setup failed. Retry, then report.
            const failure: FailureSummary = {
              target: job.target,
              index: -1,
              law: 'fuzzer',
              signature: `${job.target} · fuzzer: a worker died before its first input`,
              detail: `${how}\n${stderr}`,
            }
            if ((job.attempts ?? 0) < 2) queue.push({ ...job, attempts: (job.attempts ?? 0) + 1 })
            else record([failure], {})
          }
        }
        done++
        const all = [...inputs.values()].reduce((a, b) => a + b, 0)
        process.stdout.write(
          `[${String(done).padStart(3)}/${jobs}+${queue.length}] ${job.target} ${job.first}…${job.first + job.count - 1} · ${all} inputs · ${groups.size} failure signatures · ${Math.round((Date.now() - started) / 1000)} s\n`,
        )
        resolveJob()
      })
    })
  }

  const seconds = Math.round((Date.now() - started) / 1000)
  const lines = [
    '',
    `twokeys fuzz · seed ${seed} · ${seconds} s · ${workerCount} workers`,
    '',
    'target          inputs  planned  max RSS   failures',
  ]
  for (const t of chosen) {
    const failures = [...groups.values()]
      .filter((g) => g.failure.target === t.name)
      .reduce((a, g) => a + g.count, 0)
    lines.push(
      `${t.name.padEnd(14)} ${String(inputs.get(t.name) ?? 0).padStart(7)} ${String(planned.get(t.name) ?? 0).padStart(8)} ${`${maxRss.get(t.name) ?? 0} MB`.padStart(8)} ${String(failures).padStart(10)}`,
    )
  }
  const all = [...inputs.values()].reduce((a, b) => a + b, 0)
  lines.push(`${'total'.padEnd(14)} ${String(all).padStart(7)}`, '')
  for (const [k, v] of notes) lines.push(`${k}: ${v}`)
  if (notes.size > 0) lines.push('')
  if (groups.size === 0) lines.push('✓ every law held on every input')
  else {
    lines.push(`✖ ${groups.size} failure signatures:`)
    for (const [signature, g] of [...groups].sort((a, b) => b[1].count - a[1].count)) {
      lines.push(
        `  ${String(g.count).padStart(5)}× ${signature}${isKnownFailure({ signature }) ? '   (known: tests/fuzz/knownFailures.ts)' : ''}`,
      )
      lines.push(
        `         first at index ${g.failure.index}${g.reproducer === undefined ? '' : ` · reproducer ${g.reproducer}`}`,
      )
    }
  }
  const slowest = slow.sort((a, b) => b.ms - a.ms).slice(0, 5)
  if (slowest.length > 0) {
    lines.push('', 'slowest inputs (under the time limit):')
    for (const s of slowest)
      lines.push(
        `  ${s.ms} ms  ${s.target} index ${s.index} (npm run fuzz -- --replay ${s.target}:${seed}:${s.index})`,
      )
  }
  process.stdout.write(`${lines.join('\n')}\n`)
  writeFileSync(
    join(outDir, 'summary.json'),
    `${JSON.stringify(
      {
        seed,
        seconds,
        planned: Object.fromEntries(planned),
        inputs: Object.fromEntries(inputs),
        maxRssMb: Object.fromEntries(maxRss),
        notes: Object.fromEntries(notes),
        failures: [...groups].map(([signature, g]) => ({
          signature,
          count: g.count,
          index: g.failure.index,
          indices: g.indices,
          law: g.failure.law,
          reproducer: g.reproducer,
          detail: g.failure.detail.slice(0, 4000),
        })),
        slowest,
      },
      null,
      2,
    )}\n`,
  )
  for (let w = 0; w < workerCount; w++) rmSync(join(outDir, `.progress-${w}`), { force: true })
  process.exitCode = groups.size === 0 ? 0 : 1
}
