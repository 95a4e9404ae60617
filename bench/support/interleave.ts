import { cpuSeconds } from './cpuSeconds.js'

/** One of the things a benchmark compares: it runs slice `slice` of round `round` of its work. */
export interface Contender {
  name: string
  run(slice: number, round: number): void | Promise<void>
}

export interface InterleaveOptions {
  contenders: Contender[]
  /** Measured rounds; each one's totals give one ratio. */
  rounds: number
  /** Slices per round: every contender runs each slice once, in turn. */
  slices: number
  /** Rounds run first and thrown away (JIT, page cache). Default 1. */
  warmupRounds?: number
  /** Untimed set-up before a round (fresh files, schemas, engines). */
  beforeRound?(round: number): void | Promise<void>
  /** Untimed work before a slice, seen by every contender (inputs they all consume). */
  beforeSlice?(slice: number, round: number): void | Promise<void>
  /** Untimed checks after a round (did every contender do the same work?). */
  afterRound?(round: number): void | Promise<void>
  /** Called after each measured round, for progress lines. */
  onRound?(round: number, times: RoundTimes): void
}

/** Seconds each contender spent in one round, in `contenders` order. */
export interface RoundTimes {
  cpu: number[]
  wall: number[]
}

export interface Timings {
  names: string[]
  rounds: RoundTimes[]
}

/**
 * Runs the contenders against each other in one process, interleaved in small slices, and totals
 * each one's CPU and wall time per round. Within a round every contender runs every slice, one
 * after another, the first of them rotating from slice to slice, so a drift in the machine (other
 * processes, frequency, page cache) lands on all of them alike instead of on whichever ran last.
 *
 * @example
 * const t = await interleave({ contenders: [a, b], rounds: 7, slices: 50 })
 * roundRatios(t, 'cpu', 'a', 'b') // one a/b time ratio per round
 */
export async function interleave(options: InterleaveOptions): Promise<Timings> {
  const { contenders, rounds, slices } = options
  const warmup = options.warmupRounds ?? 1
  const n = contenders.length
  const measured: RoundTimes[] = []
  for (let round = 0; round < warmup + rounds; round++) {
    await options.beforeRound?.(round)
    const cpu = new Array<number>(n).fill(0)
    const wall = new Array<number>(n).fill(0)
    for (let slice = 0; slice < slices; slice++) {
      await options.beforeSlice?.(slice, round)
      for (let k = 0; k < n; k++) {
        const c = (slice + round + k) % n
        const contender = contenders[c] as Contender
        const w0 = performance.now()
        const c0 = cpuSeconds()
        const pending = contender.run(slice, round)
        if (pending !== undefined) await pending
        cpu[c] = (cpu[c] as number) + cpuSeconds() - c0
        wall[c] = (wall[c] as number) + (performance.now() - w0) / 1000
      }
    }
    await options.afterRound?.(round)
    if (round >= warmup) {
      measured.push({ cpu, wall })
      options.onRound?.(round - warmup + 1, { cpu, wall })
    }
  }
  return { names: contenders.map((c) => c.name), rounds: measured }
}

/** Per round, the time of `subject` over the time of `baseline` (above 1: the subject is slower). */
export function roundRatios(
  t: Timings,
  clock: keyof RoundTimes,
  subject: string,
  baseline: string,
): number[] {
  const a = indexOf(t, subject)
  const b = indexOf(t, baseline)
  return t.rounds.map((r) => (r[clock][a] as number) / (r[clock][b] as number))
}

/** Per round, the seconds `name` spent on `clock`. */
export function roundSeconds(t: Timings, clock: keyof RoundTimes, name: string): number[] {
  const i = indexOf(t, name)
  return t.rounds.map((r) => r[clock][i] as number)
}

function indexOf(t: Timings, name: string): number {
  const i = t.names.indexOf(name)
  if (i < 0) throw new Error(`no contender "${name}"; the contenders are ${t.names.join(', ')}`)
  return i
}
