import { createInitiativeMachine } from '../../../machines/initiative.js'
import { createEngine } from '../../../src/engine/createEngine.js'
import { runScript, type StepResult } from '../../../src/script/runScript.js'
import { resolveScriptTime, type ScriptStep } from '../../../src/script/ScriptSchema.js'
import { memoryStore } from '../../../src/stores/memoryStore.js'
import { createStage } from '../createStage.js'
import { h } from '../h.js'
import { hasText, t } from '../i18n/language.js'
import { formatTime } from '../marks.js'
import { renderReasons } from '../renderReasons.js'
import { sceneOf } from '../scene.js'
import { loadSeedScript, SEED_SCRIPT_FILE } from './seedScript.js'

/** The step in a few words, before it runs: who does what. */
function preview(step: ScriptStep): string {
  if (step.tick === true) return t('story.tickPreview')
  for (const kind of [
    'propose',
    'submit',
    'amend',
    'decide',
    'revoke',
    'withdraw',
    'delegate',
    'respond',
    'destination',
    'complete',
  ] as const) {
    const body = step[kind] as { by: string } | undefined
    if (body !== undefined) return `${body.by}: ${kind}`
  }
  return step.say ?? ''
}

/** A step's narration in the page's language: the script's own words, or their translation (`seedSay.s<index>`). */
function narrationOf(index: number, say: string | undefined): string | undefined {
  if (say === undefined) return undefined
  const key = `seedSay.s${index}`
  return hasText(key) ? t(key) : say
}

/**
 * The seed story as a guided lesson: step through examples/seed-walkthrough.yaml, each step run
 * by the real engine (`runScript` over the steps so far), with its narration, its outcome and
 * reasons, and the initiative's keys, chart and audit trail after it.
 */
export function createSeedLesson() {
  const { script, policy, policyFile } = loadSeedScript()
  const machine = createInitiativeMachine(policy)
  const total = script.steps.length
  const stage = createStage('story', t('story.empty'))
  const progress = h('p', { class: 'progress', 'aria-live': 'polite', id: 'story-progress' })
  const narration = h('div', { class: 'narration' })
  const result = h('div', { class: 'step-result' })
  const restart = h('button', { type: 'button', onClick: () => go(0) }, t('lesson.restart'))
  const previous = h('button', { type: 'button', onClick: () => go(at - 1) }, t('lesson.previous'))
  const next = h('button', { type: 'button', class: 'primary', onClick: () => go(at + 1) }, t('lesson.next'))
  const list = h('ol', { class: 'story-steps' })
  const element = h(
    'div',
    { class: 'story' },
    h(
      'section',
      { class: 'panel story-controls', 'aria-labelledby': 'story-h' },
      h('h2', { id: 'story-h' }, script.title ?? t('story.fallbackTitle')),
      h('p', {}, t('story.intro', { file: SEED_SCRIPT_FILE, policy: policyFile })),
      h('p', { class: 'buttons', role: 'group', 'aria-label': t('story.group') }, restart, previous, next),
      progress,
      narration,
      result,
      h('details', {}, h('summary', {}, t('lesson.allSteps')), list),
    ),
    stage.element,
  )
  let at = 0
  let version = 0

  list.replaceChildren(
    ...script.steps.map((step, i) =>
      h(
        'li',
        {},
        h(
          'button',
          { type: 'button', class: 'link', onClick: () => go(i + 1) },
          narrationOf(i, step.say) ?? preview(step),
        ),
      ),
    ),
  )

  async function go(target: number) {
    at = Math.max(0, Math.min(total, target))
    const mine = ++version
    const store = memoryStore()
    const steps = script.steps.slice(0, at)
    const run = steps.length === 0 ? null : await runScript({ ...script, steps }, policy, { store })
    const now = run?.steps.at(-1)?.at ?? resolveScriptTime(script.start, 0)
    // The initiative to show: the last one a step named.
    let initiative: string | null = null
    for (const s of run?.steps ?? []) initiative = s.initiative ?? s.fired?.[0]?.initiative ?? initiative
    const engine = createEngine({ policy, store, clock: () => now })
    const scene = await sceneOf(engine, machine, initiative, now)
    if (mine !== version) return // a later step was asked for meanwhile
    render(run?.steps.at(-1) ?? null, now)
    stage.update(scene)
  }

  function render(step: StepResult | null, now: number) {
    progress.textContent =
      at === 0 ? t('story.before', { total }) : t('story.stepOf', { at, total, time: formatTime(now) })
    element.dataset.step = String(at)
    const focused = document.activeElement
    restart.disabled = at === 0
    previous.disabled = at === 0
    next.disabled = at === total
    // A button that just became disabled would drop the keyboard focus: hand it to its neighbour.
    if (focused instanceof HTMLButtonElement && focused.disabled) (at === 0 ? next : previous).focus()
    list.querySelectorAll('li').forEach((li, i) => {
      if (i + 1 === at) li.setAttribute('aria-current', 'step')
      else li.removeAttribute('aria-current')
    })
    if (step === null) {
      narration.replaceChildren(h('p', {}, t('lesson.begin')))
      result.replaceChildren()
      return
    }
    const say = narrationOf(at - 1, step.say)
    narration.replaceChildren(...(say === undefined ? [] : [h('p', { class: 'say' }, say)]))
    if (step.outcome === 'narration') {
      result.replaceChildren()
      return
    }
    const who = step.by === undefined ? '' : `${step.by}: `
    const where = step.initiative === undefined ? '' : ` [${step.initiative}]`
    result.dataset.outcome = step.outcome
    if (step.kind === 'tick') {
      const fired = step.fired ?? []
      result.replaceChildren(
        h('p', {}, t('story.timePassed')),
        h(
          'p',
          { class: 'ok' },
          fired.length === 0
            ? t('story.noDeadline')
            : fired.map((f) => `✓ ${f.initiative} → ${t(`phases.${f.phase}`)}`).join(' · '),
        ),
      )
      return
    }
    if (step.outcome === 'accepted') {
      result.replaceChildren(
        h('p', {}, `${who}${step.action}${where}`),
        h(
          'p',
          { class: 'ok' },
          `${t('story.accepted', { phase: step.phase === undefined ? '' : t(`phases.${step.phase}`) })}${step.surprise ? t('story.surprise') : ''}`,
        ),
      )
      return
    }
    result.replaceChildren(
      h('p', {}, `${who}${step.action}${where}`),
      h(
        'p',
        { class: 'bad' },
        `${t('story.refused', { code: step.code ?? '' })}${step.expected === 'refused' ? t('story.asExpected') : t('story.unexpected')}`,
      ),
      renderReasons(step.reasons ?? [], null, true, step.phrases),
    )
  }

  return { element, start: () => go(0) }
}
