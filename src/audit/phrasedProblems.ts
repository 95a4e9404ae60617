import { phraseOf, withPhrase } from '../policy/phrased.js'
import { AUDIT_MESSAGES, type AuditMessages, type AuditPhrase, renderAuditPhrase } from './auditMessages.js'

/** A problem's phrase, or none when its words are another checker's (the ledger's, the keyring's). */
export type ProblemPhrase = AuditPhrase | undefined

/**
 * Problems as a report holds them (English lines), with their phrases attached to the list (not
 * enumerable: `--json` prints the list as before).
 *
 * @example
 * phrasedProblems(['policy a1b2… is missing: …'], [auditPhrase('policies.missing', { hash: 'a1b2…' })])
 */
export function phrasedProblems(problems: string[], phrases: readonly ProblemPhrase[]): string[] {
  return withPhrase(problems, phrases)
}

/**
 * A report's problems in a language: each rendered from its phrase with `messages`, else (a
 * problem without one, or a list copied without them) as it is.
 *
 * @example
 * problemsIn(report.policies.problems, AUDIT_MESSAGES_RU) // ['политики a1b2c3d4e5f6… нет: …']
 */
export function problemsIn(problems: readonly string[], messages: AuditMessages = AUDIT_MESSAGES): string[] {
  const phrases = phraseOf<readonly ProblemPhrase[]>(problems)
  if (phrases === undefined || phrases.length !== problems.length) return [...problems]
  return problems.map((problem, i) => {
    const phrase = phrases[i]
    return phrase === undefined ? problem : renderAuditPhrase(phrase, messages)
  })
}

/**
 * One finding's message (the chain's first bad position, a checkpoint's verdict) in a language:
 * from its phrase, else as it is.
 *
 * @example
 * findingIn(result, AUDIT_MESSAGES_RU) // 'позиция 3 (инициатива «kazan», событие 4): …'
 */
export function findingIn(finding: { message: string }, messages: AuditMessages = AUDIT_MESSAGES): string {
  const phrase = phraseOf<AuditPhrase>(finding)
  return phrase === undefined ? finding.message : renderAuditPhrase(phrase, messages)
}
