import { reasonsIn } from '../../machines/refusalMessages.js'
import { REFUSAL_MESSAGES_RU } from '../../machines/refusalMessages.ru.js'
import type { ErrorPhrase } from '../../src/domain/TwoKeysError.js'
import { invariantsIn } from '../../src/invariants/invariantsIn.js'
import { h } from './h.js'
import { language, t } from './i18n/language.js'

/** An invariant's name in the page's language (TK3 → "no self-approval"). */
export const invariantName = (id: string): string => t(`invariants.${id}.name`)
/** What an invariant says, in the page's language. */
export const invariantStatement = (id: string): string => t(`invariants.${id}.statement`)

/** Phrases that say nothing the catalogue can word: none, or each only the engine's text. */
const unworded = (reasons: readonly string[], phrases: readonly ErrorPhrase[] | undefined) =>
  phrases === undefined || phrases.length !== reasons.length || phrases.every((p) => p.key === 'text')

/**
 * The engine's reasons in the page's language: in Russian from the rules' phrases (one per
 * reason, rendered with the Russian catalogue); the engine's English where there are none. A
 * signature check's refusal (`code` UNAUTHENTICATED) has no phrase of its own, only the check's
 * English text: in Russian the page says what the code means and quotes that text.
 */
export function reasonsInLanguage(
  reasons: readonly string[],
  phrases: readonly ErrorPhrase[] | undefined,
  code: string | null = null,
): string[] {
  if (language() !== 'ru') return [...reasons]
  if (code === 'UNAUTHENTICATED' && unworded(reasons, phrases))
    return reasons.map((detail) => t('reasons.unauthenticated', { detail }))
  return reasonsIn(REFUSAL_MESSAGES_RU, reasons, phrases)
}

/**
 * A refusal for people: the first reason, the others (if any) and the error code on demand, then
 * each invariant the reasons cite — by id and name, and with `statements` also what it says.
 * `phrases` (from `explain()` or the error) let the reasons read in the page's language.
 */
export function renderReasons(
  reasons: readonly string[],
  code: string | null,
  statements = true,
  phrases?: readonly ErrorPhrase[],
): HTMLElement {
  const cited = invariantsIn(reasons)
  const [first, ...rest] = reasonsInLanguage(reasons, phrases, code)
  return h(
    'div',
    { class: 'reasons' },
    first === undefined ? null : h('p', { class: 'reason' }, `✖ ${first}`),
    rest.length === 0
      ? null
      : h(
          'details',
          { class: 'more-reasons' },
          h('summary', {}, t('reasons.more', { count: rest.length })),
          h(
            'ul',
            {},
            rest.map((r) => h('li', {}, `✖ ${r}`)),
          ),
        ),
    code === null
      ? null
      : h('details', { class: 'code' }, h('summary', {}, t('reasons.showCode')), t('reasons.code', { code })),
    cited.length === 0
      ? null
      : h(
          'ul',
          { class: 'invariants' },
          cited.map((i) =>
            h(
              'li',
              { 'data-tk': i.id },
              h('strong', {}, `${i.id} ${invariantName(i.id)}`),
              statements ? ` — ${invariantStatement(i.id)}` : '',
            ),
          ),
        ),
  )
}
