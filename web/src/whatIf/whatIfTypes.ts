import type { Estimate } from '../../../src/simulate/studentT.js'

/** What the student can change; every knob has bounds (see KNOB_BOUNDS). */
export interface WhatIfKnobs {
  /** Initiatives arriving per day (Poisson). */
  ratePerDay: number
  /** The Presidential Administration co-chair's mean review days. */
  reviewDays: number
  replications: number
  /** Simulated days per replication. */
  horizonDays: number
}

export const KNOB_BOUNDS: Record<keyof WhatIfKnobs, { min: number; max: number; step: number }> = {
  ratePerDay: { min: 0.05, max: 0.6, step: 0.05 },
  reviewDays: { min: 0.5, max: 10, step: 0.1 },
  replications: { min: 2, max: 50, step: 1 },
  horizonDays: { min: 180, max: 1460, step: 10 },
}

export const DEFAULT_KNOBS: WhatIfKnobs = {
  ratePerDay: 0.25,
  reviewDays: 2.8,
  replications: 10,
  horizonDays: 730,
}

/** Knobs within their bounds (replications and horizon whole); a value that is not a number takes the default. */
export function clampKnobs(knobs: WhatIfKnobs): WhatIfKnobs {
  const clamp = (name: keyof WhatIfKnobs) => {
    const { min, max } = KNOB_BOUNDS[name]
    const v = Number(knobs[name])
    const value = Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : DEFAULT_KNOBS[name]
    return name === 'replications' || name === 'horizonDays' ? Math.round(value) : value
  }
  return {
    ratePerDay: clamp('ratePerDay'),
    reviewDays: clamp('reviewDays'),
    replications: clamp('replications'),
    horizonDays: clamp('horizonDays'),
  }
}

export interface WhatIfSide {
  file: string
  text: string
}

/** Most states the page compiles for one policy; past it the run fails and points to the CLI. */
export const WHAT_IF_MAX_STATES = 50_000

/** The page → worker message. */
export interface WhatIfRequest {
  a: WhatIfSide
  b: WhatIfSide
  scenarioText: string
  knobs: WhatIfKnobs
  seed: number
  /** The compile limit per policy; default `WHAT_IF_MAX_STATES`. */
  maxStates?: number
  /** Expanded states between two compile progress messages; default 500. */
  progressEvery?: number
}

/** How far a what-if run has got: compiling a policy (states so far), then replications. */
export type WhatIfProgress =
  | { phase: 'compiling'; file: string; states: number; transitions: number }
  | { phase: 'running'; done: number; total: number }

export interface WhatIfRun {
  file: string
  policy: string
  keys: number
  /** Median time to approval (per-replication P² median), mean across replications with its 95 % interval. */
  medianDays: Estimate
  p90Days: Estimate
  /** Approvals per day of lead time, summed over replications; the last bin is overflow. */
  approvalHistogram: number[]
}

export interface WhatIfResult {
  a: WhatIfRun
  b: WhatIfRun
  /** A's median over B's, per replication (paired), with its interval. */
  ratio: Estimate
  seed: number
  replications: number
  horizonDays: number
  warmupDays: number
  seconds: number
}

/** The worker → page messages. */
export type WhatIfMessage =
  | { type: 'progress'; progress: WhatIfProgress }
  | { type: 'done'; result: WhatIfResult }
  | { type: 'error'; message: string }
