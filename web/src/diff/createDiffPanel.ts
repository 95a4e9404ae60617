import './diff.css'
import type { DiffGroup, DiffResult } from '../../../src/analyze/diff/DiffResult.js'
import { ENGLISH_DIFF_WORDS, RUSSIAN_DIFF_WORDS } from '../../../src/analyze/diff/diffWords.js'
import { shapeTitle } from '../../../src/analyze/diff/shapeTitle.js'
import { loadPolicy } from '../../../src/policy/loadPolicy.js'
import type { Policy } from '../../../src/policy/PolicySchema.js'
import { h } from '../h.js'
import { language, t } from '../i18n/language.js'
import { SHIPPED_POLICIES } from '../shippedPolicies.js'
import { createDiffStoryView, eventText } from './createDiffStoryView.js'
import { DIFF_MAX_STATES, type DiffMessage, type DiffRequest } from './diffTypes.js'

const count = (n: number) => n.toLocaleString(language())
/** A group's title: in Russian its story's event in the words the story uses, then each side's answer. */
const titleOf = (group: DiffGroup, policyA: Policy | undefined) =>
  language() === 'ru'
    ? shapeTitle(group.shape, RUSSIAN_DIFF_WORDS, eventText(group.story, policyA))
    : shapeTitle(group.shape, ENGLISH_DIFF_WORDS)

/**
 * The Diff tab: pick two shipped policies, and a Web Worker runs `twokeys diff` on them — both
 * machines in lockstep. The page lists the groups of differences, shortest story first (those on
 * names only one policy has apart), and shows the chosen group's story to step through. The
 * explorer lives in the worker's chunk, fetched only when Compare is pressed.
 */
export function createDiffPanel() {
  const choose = (id: string, initial: string) => {
    const select = h(
      'select',
      { id },
      SHIPPED_POLICIES.map((p) => h('option', { value: p.file }, p.file)),
    )
    select.value = initial
    return select
  }
  const selectA = choose('diff-a', 'two-keys.yaml')
  const selectB = choose('diff-b', 'single-key.yaml')
  const compare = h('button', { type: 'button', id: 'diff-run' }, t('diff.compare'))
  const cancel = h('button', { type: 'button', id: 'diff-cancel', disabled: true }, t('diff.cancel'))
  const status = h('p', { id: 'diff-status', role: 'status', 'aria-live': 'polite' }, '')
  const output = h('div', { id: 'diff-output' })
  const element = h(
    'section',
    { class: 'panel diff', 'aria-labelledby': 'diff-h' },
    h('h2', { id: 'diff-h' }, t('diff.heading')),
    h('p', {}, t('diff.introBefore'), h('code', {}, 'twokeys diff'), t('diff.introAfter')),
    h(
      'div',
      { class: 'diff-form' },
      h('p', {}, h('label', { for: selectA.id, class: 'diff-label' }, t('diff.policyA')), selectA),
      h('p', {}, h('label', { for: selectB.id, class: 'diff-label' }, t('diff.policyB')), selectB),
      h('p', {}, compare, ' ', cancel),
    ),
    status,
    output,
  )
  let worker: Worker | null = null

  function stop(message: string) {
    worker?.terminate()
    worker = null
    compare.disabled = false
    cancel.disabled = true
    element.dataset.running = 'false'
    status.textContent = message
  }

  function groupList(
    groups: readonly DiffGroup[],
    from: number,
    label: string,
    choose: (g: DiffGroup) => void,
    policyA: Policy | undefined,
  ) {
    return h(
      'ol',
      { class: 'diff-groups', start: from, 'aria-label': label },
      groups.map((group) =>
        h(
          'li',
          {},
          h(
            'button',
            { type: 'button', 'aria-pressed': 'false', 'data-group': group.id, onClick: () => choose(group) },
            titleOf(group, policyA),
          ),
          h(
            'span',
            { class: 'diff-facts' },
            t('diff.facts', { count: group.length, states: count(group.count) }),
          ),
        ),
      ),
    )
  }

  function show(result: DiffResult, fileA: string, fileB: string, policyA: Policy) {
    const all = [...result.groups, ...result.onlyInOne]
    const verdict =
      result.verdict === 'agree'
        ? t('diff.agree', { a: fileA, b: fileB })
        : result.verdict === 'differ'
          ? t('diff.differ', { a: fileA, b: fileB, count: all.length })
          : t('diff.incomplete', { pairs: count(result.pairs) })
    const story = h('div', { class: 'diff-story-slot' })
    const choose = (group: DiffGroup) => {
      for (const b of Array.from(output.querySelectorAll<HTMLButtonElement>('.diff-groups button')))
        b.setAttribute('aria-pressed', String(b.dataset.group === group.id))
      story.replaceChildren(
        createDiffStoryView(group, titleOf(group, policyA), fileA, fileB, policyA).element,
      )
    }
    output.replaceChildren(
      h(
        'div',
        {},
        h('p', { class: 'diff-verdict' }, verdict),
        result.complete
          ? h(
              'p',
              { class: 'diff-searched' },
              t('diff.searched', { pairs: count(result.pairs), seconds: result.seconds.toFixed(1) }),
            )
          : null,
        result.groups.length === 0
          ? null
          : groupList(result.groups, 1, t('diff.groupsLabel'), choose, policyA),
        result.onlyInOne.length === 0
          ? null
          : [
              h('h3', { id: 'diff-only-h' }, t('diff.onlyInOne')),
              groupList(result.onlyInOne, result.groups.length + 1, t('diff.onlyInOne'), choose, policyA),
            ],
        story,
      ),
    )
    const first = all[0]
    if (first !== undefined && result.complete) choose(first)
    element.dataset.result = result.verdict
  }

  function start() {
    const fileA = selectA.value
    const fileB = selectB.value
    const text = (file: string) => SHIPPED_POLICIES.find((p) => p.file === file)?.text ?? ''
    const request: DiffRequest = {
      a: { file: fileA, text: text(fileA) },
      b: { file: fileB, text: text(fileB) },
      maxStates: DIFF_MAX_STATES,
    }
    worker?.terminate()
    worker = new Worker(new URL('./diffWorker.ts', import.meta.url), { type: 'module' })
    compare.disabled = true
    cancel.disabled = false
    element.dataset.running = 'true'
    element.dataset.result = ''
    output.replaceChildren()
    status.textContent = t('diff.loading')
    let shown = 0
    worker.addEventListener('message', (event: MessageEvent<DiffMessage>) => {
      const message = event.data
      if (message.type === 'progress') {
        // Repaint at most twice a second, so a screen reader is not flooded.
        const now = performance.now()
        if (now - shown < 500) return
        shown = now
        status.textContent = t('diff.searching', { pairs: count(message.pairs) })
      } else if (message.type === 'done') {
        stop(t('diff.done', { seconds: message.result.seconds.toFixed(1) }))
        // Policy A for its names in the page's language (the worker has its own copy).
        show(message.result, fileA, fileB, loadPolicy(text(fileA), fileA))
      } else stop(t('diff.failed', { message: message.message }))
    })
    worker.addEventListener('error', (event) => stop(t('diff.failed', { message: event.message })))
    worker.postMessage(request)
  }

  compare.addEventListener('click', start)
  cancel.addEventListener('click', () => stop(t('diff.cancelled')))
  element.dataset.running = 'false'
  return { element }
}
