import { INVARIANTS } from '../../../src/invariants/invariants.js'
import { h } from '../h.js'
import { CHALLENGES, type Challenge } from './challenges.js'

/**
 * The challenges: each a way to cheat the process. Start one and the playground sets it up;
 * the challenge is done when the student finds the invariant that stops them.
 */
export function createChallengesPanel(onStart: (challenge: Challenge) => void) {
  const marks = new Map<string, HTMLElement>()
  const element = h(
    'section',
    { class: 'panel challenges', 'aria-labelledby': 'challenges-h' },
    h('h2', { id: 'challenges-h' }, 'Challenges: try to cheat'),
    h(
      'p',
      {},
      'Each challenge sets up a situation in the playground and asks you to get around a rule. You cannot: the statechart refuses, and tells you which invariant stopped you.',
    ),
    h(
      'ul',
      { class: 'challenge-list' },
      CHALLENGES.map((c) => {
        const mark = h('p', { class: 'challenge-mark', 'data-challenge': c.id }, '○ not yet found')
        marks.set(c.id, mark)
        const headingId = `challenge-${c.id}-h`
        return h(
          'li',
          {},
          h(
            'article',
            { class: 'challenge-card', 'aria-labelledby': headingId },
            h('h3', { id: headingId }, c.title),
            h('p', {}, c.story),
            h('p', {}, h('strong', {}, 'Goal: '), c.goal),
            mark,
            h(
              'button',
              { type: 'button', 'aria-describedby': headingId, onClick: () => onStart(c) },
              'Start this challenge',
            ),
          ),
        )
      }),
    ),
  )

  /** Marks a challenge as solved, naming the invariant found. */
  function solved(challenge: Challenge) {
    const invariant = INVARIANTS.find((i) => i.id === challenge.invariant)
    const mark = marks.get(challenge.id)
    if (mark === undefined) return
    mark.textContent = `✓ found: ${invariant?.id} ${invariant?.name}`
    mark.classList.add('ok')
  }

  return { element, solved }
}
