import type { AuditResult } from '../../src/audit/AuditResult.js'
import { verifyAudit } from '../../src/audit/verifyAudit.js'
import type { Policy } from '../../src/policy/PolicySchema.js'
import { describeEvent } from '../../src/render/describeEvent.js'
import { historyToMermaid } from '../../src/render/historyToMermaid.js'
import type { RecordedEvent, RefusalRecord } from '../../src/stores/Store.js'
import { type CheckReport, runChecks, signatureProblem } from './audit/auditChecks.js'
import type { AuditSession } from './audit/auditSession.js'
import { caughtBy } from './audit/checkName.js'
import { createCheckpointView, renderCheckTable } from './audit/createCheckpointView.js'
import { FORGERIES, type Forgery, forge, isForgery } from './audit/forgeries.js'
import { createDiagramView } from './createDiagramView.js'
import { commandWord, decisionWord, eventTypeName, eventTypeWord } from './eventTypeWord.js'
import { h } from './h.js'
import { language, t } from './i18n/language.js'
import { formatTime } from './marks.js'
import { eventWords, timelineWords } from './pageEventWords.js'
import { reasonsInLanguage } from './renderReasons.js'
import type { Scene } from './scene.js'
import { linkChecks, type TamperMode, tamperWith } from './tamperWith.js'

const short = (hash: string) => (hash === '' ? '—' : hash.slice(0, 10))

function describeRefusal(r: RefusalRecord): string {
  const c = r.command as Record<string, unknown>
  const word = (x: unknown, say: (x: string) => string) => (typeof x === 'string' ? say(x) : x)
  const what = [word(c.type, commandWord), word(c.decision, decisionWord), c.key, c.region, c.destination]
    .filter((x) => typeof x === 'string')
    .join(' ')
  return t('trail.tried', { time: formatTime(r.at), by: String(c.by), what, code: r.code })
}

/**
 * What the hash chain check found, in the page's language: the verifier's own message, or in
 * Russian worded from its problem, position and seq, as the classroom words a finding.
 */
function chainFinding(result: Extract<AuditResult, { ok: false }>): string {
  if (language() === 'en') return result.message
  const where =
    result.initiativeId === null || result.seq === null
      ? t('classroom.finding.at', { position: result.position })
      : t('classroom.finding.where', {
          position: result.position,
          initiative: result.initiativeId,
          seq: result.seq,
        })
  return t(`classroom.finding.problem.${result.problem}`, { where })
}

/**
 * The audit trail: the initiative's hash-chained events as recorded, each with its hash, the
 * hash it names as previous and whether both check out (and, in the playground, its signature);
 * the latest checkpoint both witnesses cosigned; a tamper control that forges the page's copy —
 * one event edited, or a signature forged, history rewritten, the tail cut — and shows which
 * check catches it; the timeline as a Mermaid diagram; and the refused attempts from the
 * security log.
 */
export function createTrailView(prefix: string) {
  const verdict = h('p', { class: 'verdict', role: 'status', 'aria-live': 'polite' })
  const body = h('tbody')
  // The caption stands above the scroll box, not in the table: on a phone it wraps to the screen,
  // not to the table's width inside the box.
  const caption = h('p', { class: 'trail-caption', id: `${prefix}-trail-caption` }, t('trail.caption'))
  const table = h(
    'table',
    { class: 'trail', 'aria-labelledby': caption.id },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        (['seq', 'time', 'event', 'by', 'detail', 'previous', 'hash', 'check'] as const).map((c) =>
          h('th', { scope: 'col' }, t(`trail.columns.${c}`)),
        ),
      ),
    ),
    body,
  )
  const seqSelect = h('select', { id: `${prefix}-tamper-seq` })
  const modeSelect = h(
    'select',
    { id: `${prefix}-tamper-mode` },
    h('option', { value: 'edit' }, t('trail.edit')),
    h('option', { value: 'edit-and-rehash' }, t('trail.editAndRehash')),
  )
  const forgeryOptions = FORGERIES.map((f) => h('option', { value: f }, t(`forgeries.options.${f}`)))
  const checkpoint = createCheckpointView(prefix)
  const checksBox = h('div', { class: 'checks-box', 'aria-live': 'polite' })
  const tamperButton = h('button', { type: 'button', onClick: () => tamper() }, t('trail.tamper'))
  const restoreButton = h('button', { type: 'button', onClick: () => restore() }, t('trail.restore'))
  const tamperControls = h(
    'fieldset',
    { class: 'tamper' },
    h('legend', {}, t('trail.tamperLegend')),
    h('label', { for: seqSelect.id }, t('trail.event')),
    seqSelect,
    ' ',
    h('label', { for: modeSelect.id }, t('trail.forger')),
    modeSelect,
    ' ',
    tamperButton,
    ' ',
    restoreButton,
    checksBox,
  )
  const timelineKind = h(
    'select',
    { id: `${prefix}-timeline-kind`, onChange: () => drawTimeline() },
    h('option', { value: 'sequence' }, t('trail.sequence')),
    h('option', { value: 'gantt' }, t('trail.gantt')),
  )
  const timeline = createDiagramView(t('trail.timelineLabel'), 'timeline')
  const timelineBox = h(
    'details',
    { class: 'timeline-box', onToggle: () => drawTimeline() },
    h('summary', {}, t('trail.timelineSummary')),
    h('label', { for: timelineKind.id }, t('trail.diagram')),
    timelineKind,
    timeline.element,
  )
  const refusals = h('ul', { class: 'refusals' })
  const headingId = `${prefix}-trail-h`
  const element = h(
    'section',
    { class: 'panel trail-panel', 'aria-labelledby': headingId },
    h('h2', { id: headingId }, t('trail.heading')),
    verdict,
    checkpoint.element,
    caption,
    h(
      'div',
      { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': t('trail.tableLabel') },
      table,
    ),
    tamperControls,
    timelineBox,
    h('h3', {}, t('trail.refusalsHeading')),
    refusals,
  )

  let original: RecordedEvent[] = []
  let forged: { events: RecordedEvent[]; change: string; mode: string; seq: number } | null = null
  let audit: AuditSession | undefined
  let policy: Policy | undefined

  function checksOf(events: readonly RecordedEvent[]): CheckReport | null {
    if (audit === undefined) return null
    return runChecks(events, {
      keyring: audit.keyring,
      signedRequired: audit.signedRequired,
      log: audit.log,
      timestamp: Math.floor((original.at(-1)?.event.at ?? 0) / 1000),
    })
  }

  function renderChecks(report: CheckReport | null) {
    checksBox.replaceChildren()
    delete element.dataset.caughtBy
    if (forged === null || report === null) return
    element.dataset.caughtBy = report.caughtBy ?? 'none'
    const moral = isForgery(forged.mode) ? t(`forgeries.morals.${forged.mode}`) : null
    checksBox.replaceChildren(
      h(
        'p',
        { class: report.caughtBy === null ? 'ok caught' : 'bad caught' },
        report.caughtBy === null ? t('audit.notCaught') : caughtBy(report.caughtBy),
      ),
      ...(moral === null ? [] : [h('p', {}, moral)]),
      renderCheckTable(report),
    )
  }

  function render() {
    const events = forged?.events ?? original
    const last = original.at(-1)
    // Checked against the last receipt the engine gave: a forged tail cannot hide behind it.
    const forgery = forged !== null && isForgery(forged.mode) ? forged : null
    const result =
      last === undefined
        ? null
        : forgery !== null
          ? // What a reader without the engine's receipt checks: the chain alone, then the witnesses.
            verifyAudit(events)
          : verifyAudit(events, { heads: { [last.initiativeId]: { seq: last.seq, hash: last.hash } } })
    const checks = linkChecks(events)
    const report = forged === null ? null : checksOf(events)
    element.dataset.tampered = String(forged !== null)
    if (result === null) verdict.textContent = t('trail.noEvents')
    else if (forgery !== null) {
      const caught = report?.caughtBy ?? null
      verdict.textContent = [
        result.ok
          ? t('audit.forgedChainHolds')
          : `${t('trail.detected', { problem: result.problem, seq: result.seq ?? '?', message: chainFinding(result) })};`,
        caught === null ? t('audit.notCaught') : caughtBy(caught),
        t('audit.youChanged', { change: forgery.change }),
        forgery.mode === 'forge-signature' ? '' : t('audit.receiptNote'),
      ]
        .filter((x) => x !== '')
        .join(' ')
    } else if (result.ok) {
      verdict.textContent = t('trail.holds', { count: events.length, seq: last?.seq })
    } else {
      verdict.textContent = `${t('trail.detected', { problem: result.problem, seq: result.seq ?? '?', message: chainFinding(result) })}.${forged === null ? '' : ` ${t('audit.youChanged', { change: forged.change })}`}`
    }
    const broken =
      forgery !== null
        ? events.findIndex((e) => e.seq === forgery.seq)
        : result !== null && !result.ok
          ? result.position
          : -1
    body.replaceChildren(
      ...events.map((r, i) => {
        const check = checks[i]
        const words = [
          check?.hashOk ? t('trail.hashOk') : t('trail.hashBad'),
          check?.linkOk ? t('trail.linkOk') : t('trail.linkBad'),
        ]
        if (audit !== undefined && r.command !== undefined)
          words.push(
            t(
              signatureProblem(r, audit.keyring, false) === null ? 'audit.signedBy' : 'audit.signatureFails',
              {
                by: r.command.by,
              },
            ),
          )
        const by =
          r.event !== null && typeof r.event === 'object' && 'by' in r.event ? String(r.event.by) : ''
        return h(
          'tr',
          { class: i === broken ? 'broken' : '', 'data-seq': r.seq },
          h('td', {}, r.seq),
          h('td', {}, formatTime(r.event?.at)),
          h('td', {}, typeof r.event?.type === 'string' ? eventTypeWord(r.event.type) : '?'),
          h('td', {}, by),
          h('td', {}, describeEvent(r.event, eventWords(policy))),
          h('td', { class: 'hash' }, short(r.prevHash)),
          h('td', { class: 'hash' }, short(r.hash)),
          h(
            'td',
            {},
            i === broken
              ? h(
                  'strong',
                  {},
                  `${forgery === null ? t('trail.firstBroken') : t('trail.forged')} · ${words.join(' · ')}`,
                )
              : words.join(' · '),
          ),
        )
      }),
    )
    tamperButton.disabled = original.length === 0
    restoreButton.disabled = forged === null
    renderChecks(report)
  }

  function tamper() {
    const seq = Number(seqSelect.value)
    if (!Number.isInteger(seq) || original.length === 0) return
    const mode = modeSelect.value
    try {
      forged = isForgery(mode)
        ? { ...forge(original, seq, mode as Forgery), mode }
        : { ...tamperWith(original, seq, mode as TamperMode), mode, seq }
    } catch (error) {
      verdict.textContent = `✖ ${error instanceof Error ? error.message : String(error)}`
      return
    }
    render()
  }

  function restore() {
    forged = null
    render()
  }

  function drawTimeline() {
    if (!timelineBox.open || original.length === 0) return
    const kind = timelineKind.value === 'gantt' ? 'gantt' : 'sequence'
    timeline.show(
      historyToMermaid(original, { kind, words: timelineWords(policy) }),
      t('trail.timelineAlt', { count: original.length, kind }),
    )
  }

  function update(scene: Scene) {
    const changed =
      scene.history.length !== original.length || scene.history.at(-1)?.hash !== original.at(-1)?.hash
    original = scene.history
    policy = scene.policy
    if (changed) forged = null
    if (audit !== scene.audit) {
      audit = scene.audit
      const chosenMode = modeSelect.value
      for (const option of forgeryOptions) option.remove()
      if (audit !== undefined) modeSelect.append(...forgeryOptions)
      modeSelect.value = Array.from(modeSelect.options).some((o) => o.value === chosenMode)
        ? chosenMode
        : 'edit'
    }
    checkpoint.update(audit)
    const chosen = seqSelect.value
    const pick =
      original.find((e) => String(e.seq) === chosen) ??
      original.find((e) => e.event.type === 'DECIDE') ??
      original[0]
    seqSelect.replaceChildren(
      ...original.map((e) =>
        h(
          'option',
          { value: e.seq, selected: e === pick },
          'by' in e.event
            ? t('trail.optionBy', { seq: e.seq, type: eventTypeName(e.event.type), by: e.event.by })
            : t('trail.option', { seq: e.seq, type: eventTypeName(e.event.type) }),
        ),
      ),
    )
    refusals.replaceChildren(
      ...(scene.refusals.length === 0
        ? [h('li', {}, t('trail.noneYet'))]
        : scene.refusals.map((r) =>
            h(
              'li',
              {},
              `✖ ${describeRefusal(r)}`,
              h('br'),
              reasonsInLanguage(r.reasons, scene.refusalPhrases?.get(r.commandId), r.code).join(' · '),
            ),
          )),
    )
    render()
    drawTimeline()
  }

  return { element, update }
}
