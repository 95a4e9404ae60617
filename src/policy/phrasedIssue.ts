import type { z } from 'zod'
import type { Issue } from '../domain/TwoKeysError.js'
import { phraseOf, withPhrase } from './phrased.js'
import {
  POLICY_MESSAGES,
  type PolicyMessages,
  type PolicyPhrase,
  renderPolicyPhrase,
} from './policyMessages.js'

/**
 * An issue whose message is a phrase: `message` is its English, and the phrase rides along
 * (not enumerable, so JSON shows the issue as before) for output in another language.
 *
 * @example
 * phrasedIssue('custom', ['principals'], policyPhrase('references.noSponsor', {})).message
 * // 'no principal has the role "sponsor", so no initiative can be proposed; add roles: [sponsor] to one'
 */
export function phrasedIssue(code: string, path: (string | number)[], phrase: PolicyPhrase): Issue {
  return withPhrase({ code, path, message: renderPolicyPhrase(phrase) }, phrase)
}

/**
 * Reports an issue from a zod refinement, worded by `phrase`: its English is the message, and the
 * phrase rides in the issue's `params`, where `describeIssue` finds it.
 *
 * @example
 * addPhrased(ctx, ['principals'], policyPhrase('references.noSponsor', {}))
 */
export function addPhrased(ctx: z.RefinementCtx, path: (string | number)[], phrase: PolicyPhrase): void {
  ctx.addIssue({ code: 'custom', path, message: renderPolicyPhrase(phrase), params: { phrase } })
}

/**
 * An issue's or warning's message in a language: rendered from its phrase with `messages` when it
 * has one, else as written (an issue made elsewhere, or a spread copy that lost its phrase).
 *
 * @example
 * issueMessage(issue, POLICY_MESSAGES_RU) // 'у ключа «government-apparatus» нет держателей; …'
 */
export function issueMessage(issue: Issue, messages: PolicyMessages = POLICY_MESSAGES): string {
  const phrase = phraseOf<PolicyPhrase>(issue)
  return phrase === undefined ? issue.message : renderPolicyPhrase(phrase, messages)
}
