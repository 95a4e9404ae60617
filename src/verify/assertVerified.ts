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
  const story = (steps: { n: number; day: string; text: string }[] | undefined) => {
    const text = steps?.map((s) => `${s.n}. ${s.day} — ${s.text}`).join('; ') ?? ''
    return text === '' ? '' : ` (after: ${text})`
  }
  const broken = result.invariants.filter((i) => i.status === 'violated')
  const reasons = [
    ...broken.map(
      (i) =>
        `${i.id} ${i.name}: ${i.counterexample?.violation ?? 'violated'}${story(i.counterexample?.steps)}`,
    ),
    ...result.holes.map(
      (h) => `hole: ${h.title}: ${h.counterexample.violation}${story(h.counterexample.steps)}`,
    ),
  ]
  const what = [
    broken.length === 0
      ? ''
      : `breaks ${broken.length} invariant${broken.length === 1 ? '' : 's'}: ${broken.map((i) => i.id).join(', ')}`,
    result.holes.length === 0 ? '' : `has ${result.holes.length} hole${result.holes.length === 1 ? '' : 's'}`,
  ].filter((w) => w !== '')
  throw new TwoKeysError(
    'INVARIANT_VIOLATED',
    `policy "${result.policy}"${result.bug === null ? '' : ` with bug "${result.bug}"`} ${what.join(' and ')}; run \`twokeys verify\` on it to see each counterexample`,
    { reasons },
  )
}
