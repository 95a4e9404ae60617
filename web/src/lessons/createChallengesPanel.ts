import { h } from '../h.js'
import { t } from '../i18n/language.js'
import { invariantName } from '../renderReasons.js'
import { CHALLENGES, type Challenge, challengeText } from './challenges.js'

/**
 * The challenges: each a way to cheat the process. Start one and the playground sets it up;
 * the challenge is done when the student finds the invariant that stops them.
 */
export function createChallengesPanel(onStart: (challenge: Challenge) => void) {
  const marks = new Map<string, HTMLElement>()
  const element = h(
    'section',
    { class: 'panel challenges', 'aria-labelledby': 'challenges-h' },
    h('h2', { id: 'challenges-h' }, t('challenges.heading')),
    h('p', {}, t('challenges.intro')),
    h(
      'ul',
      { class: 'challenge-list' },
      CHALLENGES.map((c) => {
        const mark = h('p', { class: 'challenge-mark', 'data-challenge': c.id }, t('challenges.notYet'))
        marks.set(c.id, mark)
        const headingId = `challenge-${c.id}-h`
        return h(
          'li',
          {},
          h(
            'article',
            { class: 'challenge-card', 'aria-labelledby': headingId },
            h('h3', { id: headingId }, challengeText(c, 'title')),
            h('p', {}, challengeText(c, 'story')),
            h('p', {}, h('strong', {}, t('challenges.goal')), challengeText(c, 'goal')),
            mark,
            h(
              'button',
              { type: 'button', 'aria-describedby': headingId, onClick: () => onStart(c) },
              t('challenges.start'),
            ),
          ),
        )
      }),
    ),
  )

  /** Marks a challenge as solved, naming the invariant found. */
  function solved(challenge: Challenge) {
    const mark = marks.get(challenge.id)
    if (mark === undefined) return
    mark.textContent = t('challenges.found', {
      id: challenge.invariant,
      name: invariantName(challenge.invariant),
    })
    mark.classList.add('ok')
  }

  return { element, solved }
}
