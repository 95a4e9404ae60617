import type { Phase } from '../../../machines/describeState.js'
import type { DiffGroup, SideOutcome, StoryKey } from '../../../src/analyze/diff/DiffResult.js'
import type { InitiativeEvent } from '../../../src/domain/InitiativeEvent.js'
import type { Policy } from '../../../src/policy/PolicySchema.js'
import { describeEvent } from '../../../src/render/describeEvent.js'
import { h } from '../h.js'
import { language, t } from '../i18n/language.js'
import { keyMark } from '../marks.js'
import { eventWords } from '../pageEventWords.js'
import { renderReasons } from '../renderReasons.js'

/** One step of a story as the page shows it: the event and what each side made of it. */
interface ShownStep {
  event: InitiativeEvent
  words: string
  a: SideOutcome
  b: SideOutcome
  /** Only on the last step, where they differ: each side's keys after it. */
  keys: { a: StoryKey[]; b: StoryKey[] } | null
}

const phase = (p: Phase) => t(`phases.${p}`)

/**
 * An event in the page's language: the story's English words, or "who · what" in Russian, a
 * proposal's objective by the name policy A gives it.
 */
export function eventText(step: Pick<ShownStep, 'event' | 'words'>, policy?: Policy): string {
  if (language() === 'en') return step.words
  const by = (step.event as { by?: string }).by
  return `${by === undefined ? '' : `${by} · `}${describeEvent(step.event, eventWords(policy))}`
}

function stepsOf(group: DiffGroup): ShownStep[] {
  const { story } = group
  const taken = (p: Phase): SideOutcome => ({ accepted: true, phase: p })
  return [
    ...story.steps.map((s) => ({
      event: s.event,
      words: s.words,
      a: taken(s.phaseA),
      b: taken(s.phaseB),
      keys: null,
    })),
    {
      event: story.event,
      words: story.words,
      a: story.a,
      b: story.b,
      keys: { a: story.keysA, b: story.keysB },
    },
  ]
}

function keysList(keys: readonly StoryKey[]): HTMLElement {
  return h(
    'ul',
    { class: 'diff-keys' },
    keys.map((k) => {
      const { mark, word } = keyMark(k.status)
      const waiting =
        k.waitingFor.length > 0 ? ` — ${t('diff.waitingFor', { who: k.waitingFor.join(', ') })}` : ''
      return h('li', {}, `${mark} ${k.key}: ${word}${waiting}`)
    }),
  )
}

function sideView(side: 'A' | 'B', file: string, outcome: SideOutcome, keys: readonly StoryKey[] | null) {
  return h(
    'div',
    { class: `diff-side ${outcome.accepted ? 'taken' : 'refused'}`, 'data-side': side },
    h('h4', {}, t('diff.side', { side, file })),
    outcome.accepted
      ? h('p', {}, t('diff.takes', { phase: phase(outcome.phase) }))
      : h(
          'div',
          {},
          h('p', {}, t('diff.refuses', { code: outcome.code ?? 'REFUSED' })),
          renderReasons(outcome.reasons, null, false, outcome.phrases),
        ),
    keys === null ? null : keysList(keys),
  )
}

/**
 * One group's shortest story, to step through: the list of steps (the current one marked), the
 * previous and next buttons, and the current step's event with what each policy made of it —
 * the phase it reached, or at the last step, where they differ, a refusal with its reasons and
 * each policy's keys.
 *
 * @example
 * panel.append(createDiffStoryView(result.groups[0], 'two-keys.yaml', 'single-key.yaml').element)
 */
export function createDiffStoryView(
  group: DiffGroup,
  title: string,
  fileA: string,
  fileB: string,
  policyA?: Policy,
) {
  const steps = stepsOf(group)
  let at = steps.length - 1
  const items = steps.map((step, i) =>
    h(
      'li',
      {},
      h('span', { class: 'diff-event' }, eventText(step, policyA)),
      i === steps.length - 1 ? h('strong', { class: 'diff-here' }, ` ${t('diff.differs')}`) : null,
    ),
  )
  const previous = h('button', { type: 'button', class: 'diff-previous' }, t('diff.previous'))
  const next = h('button', { type: 'button', class: 'diff-next' }, t('diff.next'))
  const position = h('p', { class: 'diff-position', 'aria-live': 'polite' }, '')
  const detail = h('div', { class: 'diff-detail' })

  function show(i: number) {
    at = Math.max(0, Math.min(steps.length - 1, i))
    items.forEach((item, j) => {
      if (j === at) item.setAttribute('aria-current', 'step')
      else item.removeAttribute('aria-current')
    })
    previous.disabled = at === 0
    next.disabled = at === steps.length - 1
    position.textContent = t('diff.position', { n: at + 1, total: steps.length })
    const step = steps[at] as ShownStep
    detail.replaceChildren(
      h('p', { class: 'diff-step-event' }, eventText(step, policyA)),
      h(
        'div',
        { class: 'diff-sides' },
        sideView('A', fileA, step.a, step.keys?.a ?? null),
        sideView('B', fileB, step.b, step.keys?.b ?? null),
      ),
    )
  }
  previous.addEventListener('click', () => show(at - 1))
  next.addEventListener('click', () => show(at + 1))

  const element = h(
    'section',
    { class: 'diff-story', 'aria-labelledby': 'diff-story-h' },
    h('h3', { id: 'diff-story-h' }, t('diff.storyHeading', { title })),
    h('ol', { class: 'diff-steps', 'aria-label': t('diff.stepsLabel') }, items),
    h('p', { class: 'diff-buttons' }, previous, ' ', next),
    position,
    detail,
  )
  show(at)
  return { element, show }
}
