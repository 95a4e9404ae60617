import type { Policy } from '../../src/policy/PolicySchema.js'
import { type Language, language } from './i18n/language.js'

/**
 * An objective's name in the page's language, from the policy's `translations` (its
 * `objectives`); else its id, as the policy and an initiative write it.
 *
 * @example
 * objectiveName(seed, 'infrastructure', 'ru') // 'инфраструктура'
 */
export function objectiveName(policy: Policy, objective: string, lang: Language = language()): string {
  return policy.translations?.[lang]?.objectives?.[objective] ?? objective
}
