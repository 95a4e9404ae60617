import { createInitiativeMachine } from '../../../machines/initiative.js'
import type { ErrorPhrase } from '../../../src/domain/TwoKeysError.js'
import { createEngine } from '../../../src/engine/createEngine.js'
import type { Policy } from '../../../src/policy/PolicySchema.js'
import { type ActionWords, describeAction } from '../../../src/script/describeAction.js'
import { runScript, type StepResult } from '../../../src/script/runScript.js'
import { resolveScriptTime, type ScriptStep, STEP_COMMANDS } from '../../../src/script/ScriptSchema.js'
import { memoryStore } from '../../../src/stores/memoryStore.js'
import type { RefusalRecord } from '../../../src/stores/Store.js'
import { createStage } from '../createStage.js'
import { type Child, h } from '../h.js'
import { hasText, language, t } from '../i18n/language.js'
import { formatTime } from '../marks.js'
import { objectiveName } from '../objectiveName.js'
import { renderReasons } from '../renderReasons.js'
import { sceneOf } from '../scene.js'
import type { BundledScript } from './loadBundledScript.js'
import { showStep } from './showStep.js'

/** The step in a few words, before it runs: who does what, in the words of the step's header. */
function preview(step: ScriptStep, policy: Policy): string {
  if (step.tick === true) return t('story.tickPreview')
  const kind = STEP_COMMANDS.find((k) => step[k] !== undefined)
  if (kind === undefined) return step.say ?? ''
  const body = step[kind] as Record<string, unknown>
  return `${String(body.by)}: ${describeAction(kind, body, language() === 'en' ? undefined : actionWords(policy))}`
}

/**
 * The rules' phrases of the refusals the security log kept, by command id: each refusal paired with
 * the refused step of the same actor, time and reasons (the run's steps carry the phrases).
 */
function phrasesOfRefusals(
  refusals: readonly RefusalRecord[],
  steps: readonly StepResult[],
): Map<string, readonly ErrorPhrase[]> {
  const left = steps.filter((s) => s.outcome === 'refused' && s.phrases !== undefined)
  const phrases = new Map<string, readonly ErrorPhrase[]>()
  for (const r of refusals) {
    const by = (r.command as { by?: unknown }).by
    const i = left.findIndex(
      (s) => s.by === by && s.at === r.at && JSON.stringify(s.reasons) === JSON.stringify(r.reasons),
    )
    const step = left[i]
    if (step?.phrases === undefined) continue
    phrases.set(r.commandId, step.phrases)
    left.splice(i, 1)
  }
  return phrases
}

/** A step's narration in the page's language: the script's own words, or their translation (`<sayKey>.s<index>`). */
function narrationOf(sayKey: string, index: number, say: string | undefined): string | undefined {
  if (say === undefined) return undefined
  const key = `${sayKey}.s${index}`
  return hasText(key) ? t(key) : say
}

/** The last initiative the steps so far named: the one to show. */
function shownInitiative(steps: readonly StepResult[]): string | null {
  let initiative: string | null = null
  for (const s of steps) initiative = s.initiative ?? s.fired?.[0]?.initiative ?? initiative
  return initiative
}

/** Every initiative the steps so far named, in order of first mention. */
function namedInitiatives(steps: readonly StepResult[]): string[] {
  return [...new Set(steps.flatMap((s) => (s.initiative === undefined ? [] : [s.initiative])))]
}

/** What a lesson over a bundled script says around its steps. */
export interface ScriptLessonOptions {
  /** Prefix of the element ids (`story` → `story-h`, `story-progress`), unique in the page. */
  prefix: string
  /** The root element's class: the seed story keeps `story`, which its tests find it by. */
  className: string
  /** Where the narration's translations are (`seedSay` → `seedSay.s3`). */
  sayKey: string
  /** The paragraphs above the buttons. */
  intro: readonly Child[]
  /** The lesson's title in the page's language; else the script's own. */
  title?: string
  /** The heading level of the lesson's title (2 alone on its tab, 3 inside a larger lesson). */
  level?: 'h2' | 'h3'
}

/**
 * A bundled script as a guided lesson: step through it, each step run by the real engine
 * (`runScript` over the steps so far), with its narration, its outcome and reasons in the page's
 * language, and the initiative's keys, chart and audit trail after it.
 */
export function createScriptLesson(bundled: BundledScript, options: ScriptLessonOptions) {
  const { script, policy } = bundled
  const { prefix, sayKey } = options
  const machine = createInitiativeMachine(policy)
  const total = script.steps.length
  const stage = createStage(prefix, t('story.empty'))
  const progress = h('p', { class: 'progress', 'aria-live': 'polite', id: `${prefix}-progress` })
  const narration = h('div', { class: 'narration' })
  const result = h('div', { class: 'step-result' })
  // A script about several initiatives: where each one is, beside the board of the latest.
  const phases = h('ul', { class: 'initiative-phases', 'aria-label': t('story.phasesLabel') })
  const restart = h('button', { type: 'button', onClick: () => go(0) }, t('lesson.restart'))
  const previous = h('button', { type: 'button', onClick: () => go(at - 1) }, t('lesson.previous'))
  const next = h('button', { type: 'button', class: 'primary', onClick: () => go(at + 1) }, t('lesson.next'))
  const list = h('ol', { class: 'story-steps' })
  const element = h(
    'div',
    { class: options.className },
    h(
      'section',
      { class: 'panel story-controls', 'aria-labelledby': `${prefix}-h` },
      h(
        options.level ?? 'h2',
        { id: `${prefix}-h` },
        options.title ?? script.translations?.[language()]?.title ?? script.title ?? t('story.fallbackTitle'),
      ),
      ...options.intro.map((p) => h('p', {}, p)),
      h('p', { class: 'buttons', role: 'group', 'aria-label': t('story.group') }, restart, previous, next),
      progress,
      narration,
      result,
      phases,
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
          narrationOf(sayKey, i, step.say) ?? preview(step, policy),
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
    const engine = createEngine({ policy, store, clock: () => now })
    const scene = await sceneOf(engine, machine, shownInitiative(run?.steps ?? []), now)
    // A refused proposal names an initiative that never came to be: only the recorded ones.
    const recorded = await Promise.all(
      namedInitiatives(run?.steps ?? []).map(async (id) =>
        (await store.readEvents(id)).length > 0 ? id : null,
      ),
    )
    const boards = await Promise.all(recorded.flatMap((id) => (id === null ? [] : [engine.status(id)])))
    if (mine !== version) return // a later step was asked for meanwhile
    render(run?.steps.at(-1) ?? null, now)
    phases.hidden = boards.length < 2
    phases.replaceChildren(
      ...boards.map((b) =>
        h(
          'li',
          { 'data-initiative': b.initiativeId ?? '', 'data-phase': b.phase },
          `${b.initiativeId}: ${t(`phases.${b.phase}`)}`,
        ),
      ),
    )
    stage.update({ ...scene, refusalPhrases: phrasesOfRefusals(scene.refusals, run?.steps ?? []) })
  }

  function render(step: StepResult | null, now: number) {
    progress.textContent =
      at === 0 ? t('story.before', { total }) : t('story.stepOf', { at, total, time: formatTime(now) })
    element.dataset.step = String(at)
    showStep({ restart, previous, next, list }, at, total)
    if (step === null) {
      narration.replaceChildren(h('p', {}, t('lesson.begin')))
      result.replaceChildren()
      return
    }
    const say = narrationOf(sayKey, at - 1, step.say)
    narration.replaceChildren(...(say === undefined ? [] : [h('p', { class: 'say' }, say)]))
    result.replaceChildren(...outcomeOf(step, actionIn(script.steps[step.index - 1], step, policy)))
    if (step.outcome === 'narration') delete result.dataset.outcome
    else result.dataset.outcome = step.outcome
  }

  return { element, start: () => go(0) }
}

/** The words of a step's action line in the page's language. */
const actionWords = (policy: Policy): ActionWords => ({
  propose: (title, objective, scope) =>
    t('stepActions.propose', {
      title,
      objective: objectiveName(policy, objective),
      scope: t(`scope.${scope}`),
    }),
  decision: (decision, key) => t(`stepActions.${decision}`, { key }),
  revoke: (key) => t('stepActions.revoke', { key }),
  delegate: (deputy, key, days) => t('stepActions.delegate', { deputy, key, count: days }),
  respond: (accept, region) => t(accept ? 'stepActions.accept' : 'stepActions.decline', { target: region }),
  ministry: (accept, ministry) =>
    t(accept ? 'stepActions.ministryAccept' : 'stepActions.ministryDecline', { target: ministry }),
  plenary: t('stepActions.plenary'),
  destination: (agreed, destination) =>
    t(agreed ? 'stepActions.agreed' : 'stepActions.declined', { destination }),
  amend: (fields) => t('stepActions.amend', { fields }),
  submit: t('stepActions.submit'),
  withdraw: t('stepActions.withdraw'),
  complete: t('stepActions.complete'),
})

/** A command step's action in the page's language, from the script's own step; else as the run wrote it. */
function actionIn(step: ScriptStep | undefined, result: StepResult, policy: Policy): string {
  const kind = STEP_COMMANDS.find((k) => step?.[k] !== undefined)
  if (step === undefined || kind === undefined) return result.action
  // English is the run's own words; another language renders the same fields in its words.
  if (language() === 'en') return result.action
  return describeAction(kind, step[kind] as Record<string, unknown>, actionWords(policy))
}

/** What a step did, in the page's language: time passing, an accepted command, or a refusal with its reasons. */
function outcomeOf(step: StepResult, action: string): Node[] {
  if (step.outcome === 'narration') return []
  const who = step.by === undefined ? '' : `${step.by}: `
  const where = step.initiative === undefined ? '' : ` [${step.initiative}]`
  if (step.kind === 'tick') {
    const fired = step.fired ?? []
    return [
      h('p', {}, t('story.timePassed')),
      h(
        'p',
        { class: 'ok' },
        fired.length === 0
          ? t('story.noDeadline')
          : fired.map((f) => `✓ ${f.initiative} → ${t(`phases.${f.phase}`)}`).join(' · '),
      ),
    ]
  }
  if (step.outcome === 'accepted') {
    const phase = step.phase === undefined ? '' : t(`phases.${step.phase}`)
    return [
      h('p', {}, `${who}${action}${where}`),
      h('p', { class: 'ok' }, `${t('story.accepted', { phase })}${step.surprise ? t('story.surprise') : ''}`),
    ]
  }
  return [
    h('p', {}, `${who}${action}${where}`),
    h(
      'p',
      { class: 'bad' },
      `${t('story.refused', { code: step.code ?? '' })}${step.expected === 'refused' ? t('story.asExpected') : t('story.unexpected')}`,
    ),
    renderReasons(step.reasons ?? [], step.code ?? null, true, step.phrases),
  ]
}
