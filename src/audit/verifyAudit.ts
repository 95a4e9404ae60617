import { TwoKeysError } from '../domain/TwoKeysError.js'
import { phraseOf, withPhrase } from '../policy/phrased.js'
import { type AuditResult, tampered, type VerifyAuditOptions } from './AuditResult.js'
import type { AuditPhrase } from './auditMessages.js'
import { createChainCheck } from './createChainCheck.js'

export {
  type AuditHead,
  type AuditProblem,
  type AuditResult,
  type TamperedPhrase,
  tampered,
  type VerifyAuditOptions,
} from './AuditResult.js'
export { createChainCheck } from './createChainCheck.js'

/**
 * Verifies an audit log: every event's hash matches its content, each initiative's events
 * follow on (seq 1, 2, 3 …, each `prevHash` the hash of the one before) and stay together.
 * Detects any edit, deletion, insertion or reordering, and reports the first position touched.
 * A cut-off tail is detected only against known `heads` (see {@link VerifyAuditOptions}).
 *
 * @example
 * const result = verifyAudit(await engine.history(id))
 * if (!result.ok) console.error(result.message) // 'position 3 (initiative "i1", seq 4): …'
 */
export function verifyAudit(events: readonly unknown[], options: VerifyAuditOptions = {}): AuditResult {
  const check = createChainCheck(options)
  check.add(events)
  return check.result()
}

/**
 * Like {@link verifyAudit}, but throws a TwoKeysError AUDIT_TAMPERED naming the first bad position.
 *
 * @example
 * assertAuditOk(await engine.history(id)) // throws if anyone touched the log
 */
export function assertAuditOk(
  events: readonly unknown[],
  options: VerifyAuditOptions = {},
): Extract<AuditResult, { ok: true }> {
  const result = verifyAudit(events, options)
  if (!result.ok) {
    const error = new TwoKeysError(
      'AUDIT_TAMPERED',
      `the audit log was tampered with (${result.problem}): ${result.message}. Restore it from a trusted copy; nothing after position ${result.position} can be trusted`,
      { reasons: [result.message] },
    )
    const finding = phraseOf<AuditPhrase>(result)
    throw withPhrase(
      error,
      finding && tampered({ problem: result.problem, position: result.position, finding }),
    )
  }
  return result
}
