import type fc from 'fast-check'
import type { Verdict } from './laws.js'

/** Files and a command line that reproduce one input outside the fuzzer. */
export interface Reproducer {
  files: Record<string, string>
  /** A shell command, run from the folder the files are written to (paths relative to it). */
  command?: string
}

/**
 * One thing the fuzzer throws inputs at. `setup` makes the state one worker's inputs share (a
 * store, a folder); `run` judges one input; `finish` checks the laws about what was kept (the
 * stores verify, accepted receipts are still there); `teardown` removes what setup made.
 */
export interface FuzzTarget<I = unknown, S = unknown> {
  name: string
  /** Its share of the inputs. */
  weight: number
  arbitrary: fc.Arbitrary<I>
  /** Why the target cannot run here (no PostgreSQL), or undefined. */
  skip?: () => string | undefined
  setup(): Promise<S>
  run(input: I, state: S): Promise<Verdict>
  finish(state: S): Promise<Verdict[]>
  teardown(state: S): Promise<void>
  /** The longest one input may take before it counts as a hang. */
  timeLimitMs: number
  reproducer?(input: I): Reproducer
  /** Counts worth reporting about a run (how many CLI runs were real processes). */
  notes?(state: S): Record<string, number>
}
