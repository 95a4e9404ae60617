import { createHash } from 'node:crypto'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import type { FuzzTarget } from './FuzzTarget.js'
import { broken, normalize, type Verdict, withinTime } from './laws.js'

/** One broken law: where (the input's index in the target's seeded stream) and what. */
export interface Failure {
  target: string
  /** The input's run index (fast-check's path); -1 for a law about the whole run (a store that no longer verifies). */
  index: number
  law: string
  signature: string
  detail: string
  input?: unknown
}

export interface TargetStats {
  target: string
  inputs: number
  failures: Failure[]
  maxRssMb: number
  slowestMs: number
  slowestIndex: number
  ms: number
  /** The slowest inputs over `slowMs`, slowest first (at most five). */
  slow: { index: number; ms: number; input: unknown }[]
  /** The target's own counts (see FuzzTarget.notes). */
  notes: Record<string, number>
  /** The index of a hang after which the run stopped (the state may be poisoned), if any. */
  stoppedAt?: number
}

export interface RunOptions {
  seed: number
  /** The first input's index in the target's stream, and how many to run. */
  first: number
  count: number
  /** Called before each input (the watchdog's progress mark). */
  onInput?: (index: number) => void
  /** Stop at the first hang (a worker then starts afresh after it). */
  stopOnHang?: boolean
  /** Resident memory above this many MB breaks the memory law. */
  memoryLimitMb?: number
  /** Inputs slower than this are listed (default 2 s). */
  slowMs?: number
  /** Overrides the target's own time limit per input. */
  timeLimitMs?: number
}

const failureOf = (target: string, index: number, verdict: Verdict, input?: unknown): Failure | undefined =>
  verdict.ok
    ? undefined
    : {
        target,
        index,
        law: verdict.law,
        signature: `${target} · ${verdict.signature}`,
        detail: verdict.detail,
        input,
      }

/**
 * Runs inputs `first … first+count-1` of a target's seeded stream (fast-check's own, so that
 * `path` replays one) against one state, judging each by the target's laws within its time limit;
 * then the laws about what the stores kept. Uncaught exceptions while an input runs are its failures.
 */
export async function runTarget<I, S>(target: FuzzTarget<I, S>, options: RunOptions): Promise<TargetStats> {
  const started = performance.now()
  const stats: TargetStats = {
    target: target.name,
    inputs: 0,
    failures: [],
    maxRssMb: 0,
    slowestMs: 0,
    slowestIndex: -1,
    ms: 0,
    slow: [],
    notes: {},
  }
  const state = await target.setup()
  let current: { index: number; input: unknown } | undefined
  const uncaught = (error: unknown) => {
    const message = error instanceof Error ? `${error.constructor.name}: ${error.message}` : String(error)
    const f = failureOf(
      target.name,
      current?.index ?? -1,
      broken(
        'no uncaught exception',
        normalize(message),
        error instanceof Error ? (error.stack ?? message) : message,
      ),
      current?.input,
    )
    if (f !== undefined) stats.failures.push(f)
  }
  process.on('uncaughtException', uncaught)
  process.on('unhandledRejection', uncaught)
  let index = options.first
  let stop = false
  try {
    const details = await fc.check(
      fc.asyncProperty(target.arbitrary, async (input) => {
        const i = index++
        if (stop) return true
        current = { index: i, input }
        options.onInput?.(i)
        const t0 = performance.now()
        let verdict: Verdict
        try {
          const limit = options.timeLimitMs ?? target.timeLimitMs
          verdict = await withinTime(target.run(input, state), limit, `a ${target.name} input`)
        } catch (error) {
          // A target's run judges every throw itself; one that escapes is the harness's own bug.
          verdict = broken(
            'fuzzer',
            `the ${target.name} target threw ${normalize(String(error))}`,
            String(error),
          )
        }
        const ms = performance.now() - t0
        stats.inputs++
        if (ms > (options.slowMs ?? 2_000)) {
          stats.slow = [...stats.slow, { index: i, ms: Math.round(ms), input }]
            .sort((a, b) => b.ms - a.ms)
            .slice(0, 5)
        }
        if (ms > stats.slowestMs) {
          stats.slowestMs = ms
          stats.slowestIndex = i
        }
        const f = failureOf(target.name, i, verdict, input)
        if (f !== undefined) stats.failures.push(f)
        if (!verdict.ok && verdict.law === 'no hang' && options.stopOnHang === true) {
          stats.stoppedAt = i
          stop = true
        }
        if (stats.inputs % 25 === 1) {
          const rss = process.memoryUsage().rss / 2 ** 20
          stats.maxRssMb = Math.max(stats.maxRssMb, Math.round(rss))
          if (options.memoryLimitMb !== undefined && rss > options.memoryLimitMb) {
            stats.failures.push({
              target: target.name,
              index: i,
              law: 'memory stays bounded',
              signature: `${target.name} · memory stays bounded: resident memory above ${options.memoryLimitMb} MB`,
              detail: `${Math.round(rss)} MB after input ${i}`,
              input,
            })
            stats.stoppedAt = i
            stop = true
          }
        }
        return true
      }),
      { seed: options.seed, path: String(options.first), numRuns: options.count },
    )
    if (details.failed) {
      stats.failures.push({
        target: target.name,
        index: index - 1,
        law: 'fuzzer',
        signature: `${target.name} · fuzzer: generating inputs failed`,
        detail: String(details.errorInstance),
      })
    }
    if (!stop) {
      for (const verdict of await target.finish(state)) {
        const f = failureOf(target.name, -1, verdict)
        if (f !== undefined) stats.failures.push(f)
      }
    }
  } finally {
    current = undefined
    stats.notes = target.notes?.(state) ?? {}
    // Late errors of an input that timed out still count against the run, until the state is gone.
    await target.teardown(state).catch(() => undefined)
    process.off('uncaughtException', uncaught)
    process.off('unhandledRejection', uncaught)
    stats.ms = Math.round(performance.now() - started)
  }
  return stats
}

/**
 * Replays the failing input (by seed and index) and lets fast-check shrink it while it still
 * breaks the same law with the same signature. Returns the smallest input found and its path.
 */
export async function shrinkFailure<I, S>(
  target: FuzzTarget<I, S>,
  seed: number,
  failure: Failure,
  budgetMs: number,
): Promise<{ input: unknown; path: string; detail: string } | undefined> {
  if (failure.index < 0) return undefined
  const state = await target.setup()
  let detail = failure.detail
  try {
    const details = await fc.check(
      fc.asyncProperty(target.arbitrary, async (input) => {
        let verdict: Verdict
        try {
          verdict = await withinTime(target.run(input, state), target.timeLimitMs, `a ${target.name} input`)
        } catch {
          return true
        }
        if (verdict.ok || `${target.name} · ${verdict.signature}` !== failure.signature) return true
        detail = verdict.detail
        return false
      }),
      { seed, path: String(failure.index), numRuns: 1, interruptAfterTimeLimit: budgetMs },
    )
    if (!details.failed || details.counterexample === null) return undefined
    return {
      input: details.counterexample[0],
      path: details.counterexamplePath ?? String(failure.index),
      detail,
    }
  } finally {
    await target.teardown(state).catch(() => undefined)
  }
}

/** A short stable name for a signature. */
export const signatureId = (signature: string) =>
  createHash('sha256').update(signature).digest('hex').slice(0, 10)

/**
 * Writes a reproducer: failure.json (law, signature, seed, path, how to replay), case.txt (the input
 * as fast-check prints it) and the target's files and command line. Returns its folder.
 */
export function saveReproducer<I>(
  outDir: string,
  target: FuzzTarget<I, unknown>,
  seed: number,
  failure: Failure,
  shrunk: { input: unknown; path: string; detail: string } | undefined,
): string {
  const dir = join(outDir, target.name, signatureId(failure.signature))
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const input = shrunk?.input ?? failure.input
  const path = shrunk?.path ?? String(failure.index)
  writeFileSync(
    join(dir, 'failure.json'),
    `${JSON.stringify(
      {
        target: target.name,
        law: failure.law,
        signature: failure.signature,
        seed,
        path,
        shrunk: shrunk !== undefined,
        replay: failure.index < 0 ? null : `npm run fuzz -- --replay ${target.name}:${seed}:${path}`,
        detail: (shrunk?.detail ?? failure.detail).slice(0, 20_000),
      },
      null,
      2,
    )}\n`,
  )
  if (input !== undefined) {
    let printed: string
    try {
      printed = fc.stringify(input)
    } catch {
      printed = String(input)
    }
    writeFileSync(join(dir, 'case.txt'), `${printed.slice(0, 1 << 20)}\n`)
    const reproducer = target.reproducer?.(input as I)
    if (reproducer !== undefined) {
      mkdirSync(join(dir, 'files'), { recursive: true })
      for (const [name, text] of Object.entries(reproducer.files))
        writeFileSync(join(dir, 'files', name), text)
      if (reproducer.command !== undefined)
        writeFileSync(join(dir, 'command.txt'), `cd files && ${reproducer.command}\n`)
    }
  }
  return dir
}
