import type { VerifyResult } from '../../src/verify/VerifyResult.js'

/**
 * What a verdict says, down to each counterexample's and hole's length: what two searches of one
 * policy (reduced and not, with and without twin commands) must agree on.
 */
export const verdictLines = (r: VerifyResult) => ({
  invariants: r.invariants.map(
    (i) => `${i.id} ${i.status}${i.vacuous ? ' vacuous' : ''} ${i.counterexample?.steps.length ?? '-'}`,
  ),
  vacuity: r.vacuity.map((v) => `${v.rule}: ${v.reason}`),
  holes: r.holes.map((h) => `${h.title} ${h.counterexample.steps.length}`),
  warnings: r.warnings,
})
