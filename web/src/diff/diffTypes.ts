import type { DiffResult } from '../../../src/analyze/diff/DiffResult.js'

/** The page's bound on pair states: every pair of shipped policies fits well inside it. */
export const DIFF_MAX_STATES = 50_000

/** What the page asks the worker: two policies' texts, by file name. */
export interface DiffRequest {
  a: { file: string; text: string }
  b: { file: string; text: string }
  maxStates: number
}

/** What the worker posts back: progress, the result, or why it failed. */
export type DiffMessage =
  | { type: 'progress'; pairs: number }
  | { type: 'done'; result: DiffResult }
  | { type: 'error'; message: string }
