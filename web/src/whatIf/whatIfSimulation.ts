import { isTwoKeysError } from '../../../src/domain/TwoKeysError.js'
import { type CompiledTable, compile } from '../../../src/explore/compile.js'
import { safeLoadPolicy } from '../../../src/policy/loadPolicy.js'
import type { Policy } from '../../../src/policy/PolicySchema.js'
import { safeLoadDocument } from '../../../src/policy/safeLoadDocument.js'
import { type ReplicationResult, runReplication } from '../../../src/simulate/runReplication.js'
import { type Scenario, ScenarioSchema } from '../../../src/simulate/ScenarioSchema.js'
import { createSimulationModel } from '../../../src/simulate/SimulationModel.js'
import { type Estimate, estimate } from '../../../src/simulate/studentT.js'
import { summarize } from '../../../src/simulate/summarize.js'
import {
  clampKnobs,
  WHAT_IF_MAX_STATES,
  type WhatIfKnobs,
  type WhatIfProgress,
  type WhatIfRequest,
  type WhatIfResult,
  type WhatIfRun,
} from './whatIfTypes.js'

/** The co-chair whose review time the student can change (the scenario's slower reviewer). */
export const SLOW_CO_CHAIR = 'oreshkin'

/**
 * The bundled scenario text with the student's knobs applied: arrival rate, the co-chair's mean
 * review days (the spread scales with it), and the horizon (warm-up a quarter of it, at most the file's).
 */
export function buildScenario(text: string, knobs: WhatIfKnobs): Scenario {
  const loaded = safeLoadDocument(text, 'baseline.yaml', ScenarioSchema)
  if (!loaded.success) throw new Error(`the bundled scenario is invalid: ${loaded.issues[0]?.message ?? ''}`)
  const base = loaded.data
  const k = clampKnobs(knobs)
  const principals = { ...base.reviewers.principals }
  const own = principals[SLOW_CO_CHAIR]
  if (own !== undefined) {
    const d = own.reviewDays
    const reviewDays =
      d.kind === 'lognormal'
        ? { ...d, mean: k.reviewDays, sd: (d.sd * k.reviewDays) / d.mean }
        : { kind: 'exponential' as const, mean: k.reviewDays }
    principals[SLOW_CO_CHAIR] = { ...own, reviewDays }
  }
  return {
    ...base,
    horizonDays: k.horizonDays,
    warmupDays: Math.min(base.warmupDays, k.horizonDays / 4),
    arrivals: { kind: 'poisson', ratePerDay: k.ratePerDay },
    reviewers: { ...base.reviewers, principals },
  }
}

function loadPolicy(text: string, file: string): Policy {
  const result = safeLoadPolicy(text, file)
  if (!result.success) {
    const first = result.issues[0]
    throw new Error(`${file} is not a valid policy: ${first?.message ?? 'unknown issue'}`)
  }
  return result.policy
}

function summarise(
  file: string,
  policy: Policy,
  scenario: Scenario,
  results: ReplicationResult[],
): WhatIfRun {
  // The library's own summary, so the page and `twokeys simulate` report the same numbers.
  const summary = summarize(policy, scenario, results, ['approvalDays.p50', 'approvalDays.p90'], {
    seed: 0,
    workers: 1,
    seconds: 0,
  })
  const metric = (name: string): Estimate => {
    const { name: _name, ...found } = summary.metrics.find((m) => m.name === name) ?? {
      name,
      ...estimate([]),
    }
    return found
  }
  return {
    file,
    policy: policy.id,
    keys: policy.keys.length,
    medianDays: metric('approvalDays.p50'),
    p90Days: metric('approvalDays.p90'),
    approvalHistogram: summary.approvalHistogram,
  }
}

/** One side's table, whole or a located error: a table cut short would simulate a different policy. */
function compileSide(
  file: string,
  policy: Policy,
  request: WhatIfRequest,
  onProgress: (progress: WhatIfProgress) => void,
): CompiledTable {
  const maxStates = request.maxStates ?? WHAT_IF_MAX_STATES
  try {
    return compile(policy, {
      maxStates,
      ...(request.progressEvery === undefined ? {} : { progressEvery: request.progressEvery }),
      onProgress: (p) => {
        if (!p.done) onProgress({ phase: 'compiling', file, states: p.states, transitions: p.transitions })
      },
    })
  } catch (error) {
    if (isTwoKeysError(error) && error.code === 'LIMIT_REACHED') {
      throw new Error(
        `${file}: policy "${policy.id}" has more than ${maxStates.toLocaleString('en')} reachable states, more than the page compiles; compare it with \`twokeys compare … --max-states <n>\` instead`,
      )
    }
    throw error
  }
}

/**
 * Runs the what-if comparison: both policies compiled with the library's `compile()` first (the
 * slow part for a big policy, reported state by state), then the same scenario and replications
 * 0 … n−1 on the same seed (common random numbers), so initiative i arrives at the same time and
 * each reviewer draws the same review times under both.
 */
export function runWhatIf(
  request: WhatIfRequest,
  onProgress: (progress: WhatIfProgress) => void,
): WhatIfResult {
  const started = performance.now()
  const knobs = clampKnobs(request.knobs)
  const scenario = buildScenario(request.scenarioText, knobs)
  const n = knobs.replications
  const total = 2 * n
  const sides = [request.a, request.b].map((side) => {
    const policy = loadPolicy(side.text, side.file)
    onProgress({ phase: 'compiling', file: side.file, states: 1, transitions: 0 })
    return { policy, table: compileSide(side.file, policy, request, onProgress) }
  })
  let done = 0
  const runs = sides.map(({ policy, table }) => {
    const model = createSimulationModel(policy, table, scenario)
    const results: ReplicationResult[] = []
    for (let r = 0; r < n; r++) {
      results.push(runReplication(model, request.seed, r))
      onProgress({ phase: 'running', done: ++done, total })
    }
    return { policy, results }
  })
  const [a, b] = runs as [(typeof runs)[number], (typeof runs)[number]]
  // Per-replication ratio of medians: paired, because both saw the same random numbers.
  const ratios = a.results
    .map(
      (r, i) =>
        (r.scalars['approvalDays.p50'] ?? Number.NaN) /
        (b.results[i]?.scalars['approvalDays.p50'] ?? Number.NaN),
    )
    .filter((v) => Number.isFinite(v))
  const ratio: Estimate = estimate(ratios)
  return {
    a: summarise(request.a.file, a.policy, scenario, a.results),
    b: summarise(request.b.file, b.policy, scenario, b.results),
    ratio,
    seed: request.seed,
    replications: n,
    horizonDays: scenario.horizonDays,
    warmupDays: scenario.warmupDays,
    seconds: (performance.now() - started) / 1000,
  }
}
