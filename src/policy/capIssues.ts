import type { Issue } from '../domain/TwoKeysError.js'
import { formatPath } from './formatPath.js'
import { phrasedIssue } from './phrasedIssue.js'
import { policyPhrase } from './policyMessages.js'

/** The most issues one load reports; a document with more has a bigger problem than any one of them. */
export const MAX_ISSUES = 50

/**
 * The first `max` issues, and one more that counts the rest and points at the next: a report
 * stays short enough to read (and cheap to locate) however broken the document is.
 *
 * @example
 * capIssues(issues, 2) // [issue0, issue1, { code: 'too_many_issues', path: issue2.path, message: '… and 8 more issues, …' }]
 */
export function capIssues(issues: Issue[], max = MAX_ISSUES): Issue[] {
  const next = issues[max]
  if (next === undefined) return issues
  const phrase = policyPhrase('policy.tooManyIssues', {
    more: issues.length - max,
    next: formatPath(next.path),
  })
  return [...issues.slice(0, max), phrasedIssue('too_many_issues', next.path, phrase)]
}
