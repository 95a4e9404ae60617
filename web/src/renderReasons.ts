import { h } from './h.js'
import { t } from './i18n/language.js'
import { invariantsIn } from './invariantsIn.js'

/** An invariant's name in the page's language (TK3 → "no self-approval"). */
export const invariantName = (id: string): string => t(`invariants.${id}.name`)
/** What an invariant says, in the page's language. */
export const invariantStatement = (id: string): string => t(`invariants.${id}.statement`)

/**
 * The engine's reasons for a refusal, then each invariant they cite: by id and name, and with
 * `statements` also what the invariant says.
 */
export function renderReasons(
  reasons: readonly string[],
  code: string | null,
  statements = true,
): HTMLElement {
  const cited = invariantsIn(reasons)
  return h(
    'div',
    { class: 'reasons' },
    h(
      'ul',
      {},
      reasons.map((r) => h('li', {}, `✖ ${r}`)),
    ),
    code === null ? null : h('p', { class: 'code' }, t('reasons.code', { code })),
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
