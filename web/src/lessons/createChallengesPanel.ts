import { h } from '../h.js'
import { t } from '../i18n/language.js'
import { invariantName } from '../renderReasons.js'
import { loadProgress, saveProgress } from './challengeProgress.js'
import { CHALLENGES, type Challenge, challengeText } from './challenges.js'

/**
 * The challenges: each a way to cheat the process. Start one and the playground sets it up;
 * the challenge is done when the student finds the invariant that stops them. The ones found are
 * kept in the browser (localStorage), so a reload or another language keeps them.
 */
export function createChallengesPanel(onStart: (challenge: Challenge) => void) {
  const marks = new Map<string, HTMLElement>()
  let found = loadProgress()
  const progress = h('p', { class: 'challenge-progress' })
  const forget = h(
    'button',
    {
      type: 'button',
      onClick: () => {
        found = []
        saveProgress(found)
        render()
      },
    },
    t('challenges.forget'),
  )
  const element = h(
    'section',
    { class: 'panel challenges', 'aria-labelledby': 'challenges-h' },
    h('h2', { id: 'challenges-h' }, t('challenges.heading')),
    h('p', {}, t('challenges.intro')),
    h('p', { class: 'buttons' }, progress, ' ', forget),
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

  /** Each card's mark (found, naming the invariant, or not yet) and the count. */
  function render() {
    for (const c of CHALLENGES) {
      const mark = marks.get(c.id)
      if (mark === undefined) continue
      const done = found.includes(c.id)
      mark.textContent = done
        ? t('challenges.found', { id: c.invariant, name: invariantName(c.invariant) })
        : t('challenges.notYet')
      mark.classList.toggle('ok', done)
    }
    progress.textContent = t('challenges.progress', { found: found.length, total: CHALLENGES.length })
    forget.hidden = found.length === 0
  }

  /** Marks a challenge as solved, naming the invariant found, and remembers it. */
  function solved(challenge: Challenge) {
    if (found.includes(challenge.id)) return
    found = CHALLENGES.map((c) => c.id).filter((id) => id === challenge.id || found.includes(id))
    saveProgress(found)
    render()
  }

  render()

  return { element, solved }
}
