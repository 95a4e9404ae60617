import baseline from '../../../examples/scenarios/baseline.yaml?raw'
import { h } from '../h.js'
import { language, t } from '../i18n/language.js'
import { SHIPPED_POLICIES } from '../shippedPolicies.js'
import { drawLeadTimeChart } from './drawLeadTimeChart.js'
import {
  clampKnobs,
  DEFAULT_KNOBS,
  KNOB_BOUNDS,
  type WhatIfKnobs,
  type WhatIfMessage,
  type WhatIfRequest,
  type WhatIfResult,
  type WhatIfRun,
} from './whatIfTypes.js'

const PASTED = ''
const SEED = 7

const fmt = (v: number, digits = 1) =>
  Number.isFinite(v)
    ? v.toLocaleString(language(), { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : '—'

/** "two-keys.yaml" → "two keys": how the sentence and legend name a policy. */
export function policyName(file: string): string {
  return file.replace(/\.(ya?ml|json)$/, '').replace(/-/g, ' ')
}

/** "With two keys, median time to approval is X days [CI], Y× single key." */
export function whatIfSentence(result: WhatIfResult): string {
  const { a, b, ratio } = result
  const m = a.medianDays
  const ci = (e: { low: number; high: number }, digits = 1) =>
    Number.isFinite(e.low) ? t('whatIf.ci', { low: fmt(e.low, digits), high: fmt(e.high, digits) }) : ''
  return t('whatIf.sentence', {
    a: policyName(a.file),
    days: fmt(m.mean),
    ci: ci(m),
    ratio: fmt(ratio.mean, 2),
    ratioCi: ci(ratio, 2),
    b: policyName(b.file),
    bDays: fmt(b.medianDays.mean),
  })
}

/**
 * The what-if tab: pick two policies and a few knobs of the bundled baseline scenario, and run
 * a small simulation of both in a Web Worker, with common random numbers. The simulator and
 * `compile()` live in the worker's chunk, fetched only when Run is pressed.
 *
 * @param pastedText the policy text of the Play tab's policy box (the pasted one)
 */
export function createWhatIfPanel(pastedText: () => string) {
  const choose = (id: string, initial: string) => {
    const select = h(
      'select',
      { id },
      SHIPPED_POLICIES.map((p) => h('option', { value: p.file }, p.file)),
      h('option', { value: PASTED }, t('whatIf.pasted')),
    )
    select.value = initial
    return select
  }
  const selectA = choose('whatif-a', 'two-keys.yaml')
  const selectB = choose('whatif-b', 'single-key.yaml')
  const inputs = Object.fromEntries(
    (Object.keys(KNOB_BOUNDS) as (keyof WhatIfKnobs)[]).map((name) => {
      const { min, max, step } = KNOB_BOUNDS[name]
      const input = h('input', {
        type: 'number',
        id: `whatif-${name}`,
        name,
        min,
        max,
        step,
        value: DEFAULT_KNOBS[name],
        required: true,
        'aria-describedby': `whatif-${name}-hint`,
      })
      return [name, input]
    }),
  ) as Record<keyof WhatIfKnobs, HTMLInputElement>
  const run = h('button', { type: 'button', id: 'whatif-run' }, t('whatIf.run'))
  const cancel = h('button', { type: 'button', id: 'whatif-cancel', disabled: true }, t('whatIf.cancel'))
  const progress = h('progress', {
    id: 'whatif-progress',
    max: 1,
    value: 0,
    'aria-label': t('whatIf.progress'),
  })
  const status = h(
    'p',
    { id: 'whatif-status', class: 'whatif-status', role: 'status', 'aria-live': 'polite' },
    '',
  )
  const output = h('div', { class: 'whatif-output', id: 'whatif-output' })

  const element = h(
    'section',
    { class: 'panel whatif', 'aria-labelledby': 'whatif-h' },
    h('h2', { id: 'whatif-h' }, t('whatIf.heading')),
    h('p', {}, t('whatIf.introBefore'), h('code', {}, 'twokeys simulate'), t('whatIf.introAfter')),
    h(
      'div',
      { class: 'whatif-form' },
      h('p', {}, h('label', { for: selectA.id, class: 'whatif-label' }, t('whatIf.policyA')), selectA),
      h('p', {}, h('label', { for: selectB.id, class: 'whatif-label' }, t('whatIf.policyB')), selectB),
      (Object.keys(inputs) as (keyof WhatIfKnobs)[]).map((name) => {
        const { min, max } = KNOB_BOUNDS[name]
        return h(
          'p',
          {},
          h('label', { for: `whatif-${name}`, class: 'whatif-label' }, `${t(`whatIf.knobs.${name}`)} `),
          inputs[name],
          ' ',
          h('span', { id: `whatif-${name}-hint`, class: 'hint' }, t('whatIf.bounds', { min, max })),
        )
      }),
      h('p', { class: 'whatif-buttons' }, run, ' ', cancel, ' ', progress),
    ),
    status,
    output,
  )

  let worker: Worker | null = null

  function textOf(select: HTMLSelectElement) {
    if (select.value === PASTED) return { file: 'my-policy.yaml', text: pastedText() }
    const shipped = SHIPPED_POLICIES.find((p) => p.file === select.value)
    return { file: select.value, text: shipped?.text ?? '' }
  }

  function stop(message: string) {
    worker?.terminate()
    worker = null
    run.disabled = false
    cancel.disabled = true
    element.dataset.running = 'false'
    status.textContent = message
  }

  function show(result: WhatIfResult) {
    const label = (r: WhatIfRun) => t('whatIf.keys', { name: policyName(r.file), count: r.keys })
    output.replaceChildren(
      h('p', { class: 'whatif-sentence' }, whatIfSentence(result)),
      h(
        'figure',
        { class: 'chart' },
        drawLeadTimeChart([result.a, result.b], label),
        h(
          'figcaption',
          {},
          t('whatIf.caption', {
            a: policyName(result.a.file),
            b: policyName(result.b.file),
            replications: result.replications,
            horizon: result.horizonDays,
            warmup: fmt(result.warmupDays, 0),
            seed: result.seed,
            aP90: fmt(result.a.p90Days.mean),
            bP90: fmt(result.b.p90Days.mean),
          }),
        ),
      ),
    )
    element.dataset.result = 'true'
  }

  function start() {
    const knobs = clampKnobs(
      Object.fromEntries(
        (Object.keys(inputs) as (keyof WhatIfKnobs)[]).map((name) => [name, Number(inputs[name].value)]),
      ) as unknown as WhatIfKnobs,
    )
    for (const name of Object.keys(inputs) as (keyof WhatIfKnobs)[]) inputs[name].value = String(knobs[name])
    const request: WhatIfRequest = {
      a: textOf(selectA),
      b: textOf(selectB),
      scenarioText: baseline,
      knobs,
      seed: SEED,
    }
    worker?.terminate()
    worker = new Worker(new URL('./whatIfWorker.ts', import.meta.url), { type: 'module' })
    run.disabled = true
    cancel.disabled = false
    element.dataset.running = 'true'
    element.dataset.result = 'false'
    progress.value = 0
    status.textContent = t('whatIf.loading')
    let announced = -1
    let compiledAt = 0
    worker.addEventListener('message', (event: MessageEvent<WhatIfMessage>) => {
      const message = event.data
      if (message.type === 'progress') {
        const p = message.progress
        if (p.phase === 'compiling') {
          // No share to show while compiling: the number of states is not known in advance.
          progress.removeAttribute('value')
          // Repaint at most twice a second, so a screen reader is not flooded.
          const now = performance.now()
          if (now - compiledAt >= 500 || !status.textContent?.includes(p.file)) {
            compiledAt = now
            status.textContent =
              p.states > 1
                ? t('whatIf.compilingStates', { file: p.file, states: p.states.toLocaleString(language()) })
                : t('whatIf.compiling', { file: p.file })
          }
          return
        }
        progress.value = p.done / p.total
        // Announce every quarter, not every replication.
        const quarter = Math.floor((4 * p.done) / p.total)
        if (quarter !== announced) {
          announced = quarter
          status.textContent = t('whatIf.running', { done: p.done, total: p.total })
        }
      } else if (message.type === 'done') {
        stop(t('whatIf.done', { count: message.result.replications, seconds: fmt(message.result.seconds) }))
        show(message.result)
      } else {
        stop(t('whatIf.failed', { message: message.message }))
      }
    })
    worker.addEventListener('error', (event) => stop(t('whatIf.workerFailed', { message: event.message })))
    worker.postMessage(request)
  }

  run.addEventListener('click', start)
  cancel.addEventListener('click', () => {
    progress.value = 0
    stop(t('whatIf.cancelled'))
  })
  element.dataset.running = 'false'
  return { element }
}
