import { h } from './h.js'
import { invariantsIn } from './invariantsIn.js'

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
    code === null ? null : h('p', { class: 'code' }, `Error code: ${code}`),
    cited.length === 0
      ? null
      : h(
          'ul',
          { class: 'invariants' },
          cited.map((i) =>
            h(
              'li',
              { 'data-tk': i.id },
              h('strong', {}, `${i.id} ${i.name}`),
              statements ? ` — ${i.statement}` : '',
            ),
          ),
        ),
  )
}
