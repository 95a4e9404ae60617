import type { Explanation } from '../../src/engine/explainEvent.js'
import { h } from './h.js'
import { t } from './i18n/language.js'
import type { Offer } from './offersFor.js'
import { renderReasons } from './renderReasons.js'

export interface ExplainedOffer {
  offer: Offer
  explanation: Explanation
}

/**
 * The acting principal's commands as buttons: the ones the engine would take now, then the ones
 * it would refuse, each shown disabled with `explain()`'s reasons. A disabled one stays
 * focusable and can be pressed anyway, to see the engine refuse it for real.
 */
export function createActionsPanel(proposalForm: HTMLElement, onAttempt: (offer: Offer) => void) {
  const heading = h('h2', { id: 'actions-h', tabindex: -1 }, t('actions.heading', { who: '' }))
  const allowed = h('div', { class: 'allowed' })
  const refused = h('div', { class: 'refused' })
  const element = h(
    'section',
    { class: 'panel actions', 'aria-labelledby': heading.id },
    heading,
    proposalForm,
    allowed,
    refused,
  )

  function update(who: string, explained: readonly ExplainedOffer[], proposing: boolean) {
    const focused = (document.activeElement as HTMLElement | null)?.dataset?.offer
    heading.textContent = t('actions.heading', { who })
    proposalForm.hidden = !proposing
    const yes = explained.filter((e) => e.explanation.allowed)
    const no = explained.filter((e) => !e.explanation.allowed)
    allowed.replaceChildren(
      h('h3', {}, t('actions.allowed', { count: yes.length })),
      yes.length === 0
        ? h('p', {}, t('actions.nothing'))
        : h(
            'ul',
            { class: 'offers' },
            yes.map(({ offer }) =>
              h(
                'li',
                {},
                h(
                  'button',
                  { type: 'button', class: 'offer', 'data-offer': offer.id, onClick: () => onAttempt(offer) },
                  offer.label,
                ),
              ),
            ),
          ),
    )
    refused.replaceChildren(
      h('h3', {}, t('actions.refused', { count: no.length })),
      no.length === 0 ? '' : h('p', { class: 'hint' }, t('actions.refusedHint')),
      h(
        'ul',
        { class: 'offers' },
        no.map(({ offer, explanation }) => {
          const reasonsId = `why-${offer.id}`
          return h(
            'li',
            {},
            h(
              'button',
              {
                type: 'button',
                class: 'offer',
                'aria-disabled': 'true',
                'aria-describedby': reasonsId,
                'data-offer': offer.id,
                onClick: () => onAttempt(offer),
              },
              `✖ ${offer.label}`,
            ),
            h(
              'div',
              { id: reasonsId },
              renderReasons(explanation.reasons, explanation.code, false, explanation.phrases),
            ),
          )
        }),
      ),
    )
    // Keep the keyboard where it was: the same command's button, or the panel's heading.
    if (focused !== undefined) {
      const again = element.querySelector<HTMLElement>(`[data-offer="${CSS.escape(focused)}"]`)
      ;(again ?? heading).focus()
    }
  }

  /** `top` is the panel's heading: what is said about no button in particular goes after it. */
  return { element, update, top: heading }
}
