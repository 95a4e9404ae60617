import { loadPolicy } from '../../../src/policy/loadPolicy.js'
import { CHECK_ORDER, type CheckId } from '../audit/auditChecks.js'
import { caughtBy, checkName } from '../audit/checkName.js'
import { renderCheckTable } from '../audit/createCheckpointView.js'
import { h } from '../h.js'
import { t } from '../i18n/language.js'
import { shippedPolicy } from '../shippedPolicies.js'
import { type LessonStep, runRewriteLesson } from './rewriteLesson.js'
import { showStep } from './showStep.js'

/** Who stopped a step: a check by name, the keyring, or nobody. */
function stopper(id: string): string {
  if (id === 'keyring') return t('lesson.keyringStopper')
  if (id === 'nobody') return t('lesson.nobody')
  return CHECK_ORDER.includes(id as CheckId) ? checkName(id as CheckId) : id
}

/**
 * The lesson “Why neither an operator nor one institution can rewrite what was decided”, stepped
 * through like the seed story: each step run for real in a fresh session (keys, signed commands,
 * a witnessed log), the operator's forgeries with every check, a witness that sides with the
 * operator, and a keyring change one institution signs alone.
 */
export function createRewriteLesson() {
  const progress = h('p', { class: 'progress', 'aria-live': 'polite', id: 'rewrite-progress' })
  const narration = h('div', { class: 'narration' })
  const result = h('div', { class: 'step-result checks-box' })
  const restart = h('button', { type: 'button', onClick: () => go(0) }, t('lesson.restart'))
  const previous = h('button', { type: 'button', onClick: () => go(at - 1) }, t('lesson.previous'))
  const next = h('button', { type: 'button', class: 'primary', onClick: () => go(at + 1) }, t('lesson.next'))
  const list = h('ol', { class: 'story-steps' })
  const element = h(
    'div',
    { class: 'rewrite-lesson' },
    h(
      'section',
      { class: 'panel', 'aria-labelledby': 'rewrite-h' },
      h('h2', { id: 'rewrite-h' }, t('lesson.title')),
      h('p', {}, t('lesson.intro')),
      h(
        'p',
        { class: 'buttons', role: 'group', 'aria-label': t('lesson.stepsGroup') },
        restart,
        previous,
        next,
      ),
      progress,
      narration,
      result,
      h('details', {}, h('summary', {}, t('lesson.allSteps')), list),
    ),
  )
  let steps: LessonStep[] = []
  let at = 0

  function go(target: number) {
    at = Math.max(0, Math.min(steps.length, target))
    render()
  }

  function render() {
    const total = steps.length
    const step = at === 0 ? null : steps[at - 1]
    element.dataset.step = String(at)
    progress.textContent =
      at === 0 ? t('lesson.before', { total }) : `${t('lesson.stepOf', { at, total })} · ${step?.title ?? ''}`
    showStep({ restart, previous, next, list }, at, total)
    if (step === null || step === undefined) {
      narration.replaceChildren(h('p', {}, t('lesson.begin')))
      result.replaceChildren()
      delete result.dataset.caughtBy
      return
    }
    narration.replaceChildren(h('h3', {}, step.title), h('p', { class: 'say' }, step.say))
    result.dataset.step = step.id
    if (step.report === undefined) delete result.dataset.caughtBy
    else result.dataset.caughtBy = step.report.caughtBy ?? 'none'
    result.replaceChildren(
      h(
        'ul',
        {},
        step.lines.map((line) => h('li', {}, line)),
      ),
      ...(step.report === undefined
        ? []
        : [
            h(
              'p',
              { class: 'bad caught' },
              step.report.caughtBy === null ? t('audit.notCaught') : caughtBy(step.report.caughtBy),
            ),
            renderCheckTable(step.report),
          ]),
      ...(step.stoppedBy === undefined || step.report !== undefined
        ? []
        : [h('p', { class: 'ok' }, t('lesson.stopped', { check: stopper(step.stoppedBy) }))]),
    )
  }

  async function start() {
    progress.textContent = t('lesson.loading')
    steps = await runRewriteLesson(loadPolicy(shippedPolicy('two-keys.yaml').text, 'two-keys.yaml'))
    list.replaceChildren(
      ...steps.map((step, i) =>
        h('li', {}, h('button', { type: 'button', class: 'link', onClick: () => go(i + 1) }, step.title)),
      ),
    )
    go(0)
  }

  return { element, start }
}
