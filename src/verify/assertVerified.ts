import { TwoKeysError } from '../domain/TwoKeysError.js'
import type { Policy } from '../policy/PolicySchema.js'
import type { VerifyResult } from './VerifyResult.js'
import { type VerifyOptions, verify } from './verify.js'

/**
 * Like `verify`, but throws when an invariant is violated: an `INVARIANT_VIOLATED` TwoKeysError whose
 * reasons are the violations, each with its counterexample's steps. A search stopped short with
 * nothing violated throws `LIMIT_REACHED`: not seeing a violation is not a proof.
 *
 * @example
 * assertVerified(loadPolicyFile('machines/policies/two-keys.yaml')) // returns the result
 */
export function assertVerified(policy: Policy, options: VerifyOptions = {}): VerifyResult {
  const result = verify(policy, options)
  if (result.ok) return result
  const violated = result.invariants.some((i) => i.status === 'violated') || result.holes.length > 0
  if (!violated && result.partial !== null) {
    // No violation seen, but no proof either.
    throw new TwoKeysError('LIMIT_REACHED', `policy "${result.policy}" is not verified: ${result.partial}`, {
      reasons: [result.partial],
    })
  }
  const reasons = result.invariants
    .filter((i) => i.status === 'violated')
    .map((i) => {
      const steps = i.counterexample?.steps.map((s) => `${s.n}. ${s.day} — ${s.text}`).join('; ') ?? ''
      return `${i.id} ${i.name}: ${i.counterexample?.violation ?? 'violated'}${steps === '' ? '' : ` (after: ${steps})`}`
    })
  throw new TwoKeysError(
    'INVARIANT_VIOLATED',
    `policy "${result.policy}"${result.bug === null ? '' : ` with bug "${result.bug}"`} breaks ${reasons.length} invariant${reasons.length === 1 ? '' : 's'}: ${reasons.map((r) => r.split(':')[0]).join(', ')}; run \`twokeys verify\` on it to see each counterexample`,
    { reasons },
  )
}
