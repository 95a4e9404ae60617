import { verifyAudit } from '../../src/audit/verifyAudit.js'
import { describeEvent } from '../../src/render/describeEvent.js'
import { historyToMermaid } from '../../src/render/historyToMermaid.js'
import type { RecordedEvent, RefusalRecord } from '../../src/stores/Store.js'
import { type CheckReport, runChecks, signatureProblem } from './audit/auditChecks.js'
import type { AuditSession } from './audit/auditSession.js'
import { CHECK_NAMES, FORGERY_MORALS, FORGERY_OPTIONS, TEXT } from './audit/auditText.js'
import { createCheckpointView, renderCheckTable } from './audit/createCheckpointView.js'
import { FORGERIES, type Forgery, forge, isForgery } from './audit/forgeries.js'
import { createDiagramView } from './createDiagramView.js'
import { h } from './h.js'
import { formatTime } from './marks.js'
import type { Scene } from './scene.js'
import { linkChecks, type TamperMode, tamperWith } from './tamperWith.js'

const short = (hash: string) => (hash === '' ? '—' : hash.slice(0, 10))

function describeRefusal(r: RefusalRecord): string {
  const c = r.command as Record<string, unknown>
  const what = [c.type, c.decision, c.key, c.region, c.destination]
    .filter((x) => typeof x === 'string')
    .join(' ')
  return `${formatTime(r.at)} · ${String(c.by)} tried: ${what} → ${r.code}`
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
  const table = h(
    'table',
    { class: 'trail' },
    h('caption', {}, 'Recorded events, oldest first. Each hash covers the event and the hash before it.'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['#', 'Time', 'Event', 'By', 'Detail', 'Previous hash', 'Hash', 'Check'].map((t) =>
          h('th', { scope: 'col' }, t),
        ),
      ),
    ),
    body,
  )
  const seqSelect = h('select', { id: `${prefix}-tamper-seq` })
  const modeSelect = h(
    'select',
    { id: `${prefix}-tamper-mode` },
    h('option', { value: 'edit' }, 'edits the event'),
    h('option', { value: 'edit-and-rehash' }, 'edits it and recomputes its hash'),
  )
  const forgeryOptions = FORGERIES.map((f) => h('option', { value: f }, FORGERY_OPTIONS[f]))
  const checkpoint = createCheckpointView(prefix)
  const checksBox = h('div', { class: 'checks-box', 'aria-live': 'polite' })
  const tamperButton = h('button', { type: 'button', onClick: () => tamper() }, 'Tamper with the copy')
  const restoreButton = h('button', { type: 'button', onClick: () => restore() }, 'Restore the original')
  const tamperControls = h(
    'fieldset',
    { class: 'tamper' },
    h('legend', {}, 'Tamper with the page’s copy of the log'),
    h('label', { for: seqSelect.id }, 'Event '),
    seqSelect,
    ' ',
    h('label', { for: modeSelect.id }, 'The forger '),
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
    h('option', { value: 'sequence' }, 'sequence: who did what'),
    h('option', { value: 'gantt' }, 'gantt: when each key was decided'),
  )
  const timeline = createDiagramView('Timeline of the initiative: who turned which key when', 'timeline')
  const timelineBox = h(
    'details',
    { class: 'timeline-box', onToggle: () => drawTimeline() },
    h('summary', {}, 'Timeline diagram (historyToMermaid)'),
    h('label', { for: timelineKind.id }, 'Diagram '),
    timelineKind,
    timeline.element,
  )
  const refusals = h('ul', { class: 'refusals' })
  const headingId = `${prefix}-trail-h`
  const element = h(
    'section',
    { class: 'panel trail-panel', 'aria-labelledby': headingId },
    h('h2', { id: headingId }, 'Audit trail'),
    verdict,
    checkpoint.element,
    h(
      'div',
      { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': 'Audit trail table' },
      table,
    ),
    tamperControls,
    timelineBox,
    h('h3', {}, 'Refused attempts (the security log: they never change state)'),
    refusals,
  )

  let original: RecordedEvent[] = []
  let forged: { events: RecordedEvent[]; change: string; mode: string; seq: number } | null = null
  let audit: AuditSession | undefined

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
    const moral = isForgery(forged.mode) ? FORGERY_MORALS[forged.mode] : null
    checksBox.replaceChildren(
      h(
        'p',
        { class: report.caughtBy === null ? 'ok caught' : 'bad caught' },
        report.caughtBy === null ? TEXT.notCaught : `${TEXT.caughtBy(CHECK_NAMES[report.caughtBy])}.`,
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
    if (result === null) verdict.textContent = 'No events yet: nothing has been recorded.'
    else if (forgery !== null) {
      const caught = report?.caughtBy ?? null
      verdict.textContent = [
        result.ok
          ? TEXT.forgedChainHolds
          : `✖ Tampering detected (${result.problem}) at seq ${result.seq ?? '?'}: ${result.message};`,
        caught === null ? TEXT.notCaught : `${TEXT.caughtBy(CHECK_NAMES[caught])}.`,
        TEXT.youChanged(forgery.change),
        forgery.mode === 'forge-signature' ? '' : TEXT.receiptNote,
      ]
        .filter((x) => x !== '')
        .join(' ')
    } else if (result.ok) {
      verdict.textContent = `✓ The hash chain holds: ${events.length} event${events.length === 1 ? '' : 's'}, each hash matches its event and names the one before (verifyAudit, against the last receipt, seq ${last?.seq}).`
    } else {
      verdict.textContent = `✖ Tampering detected (${result.problem}) at seq ${result.seq ?? '?'}: ${result.message}.${forged === null ? '' : ` You changed ${forged.change}.`}`
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
          check?.hashOk ? '✓ hash' : '✖ hash does not match the event',
          check?.linkOk ? '✓ link' : '✖ does not link to the event before',
        ]
        if (audit !== undefined && r.command !== undefined)
          words.push(TEXT.signatureWord(signatureProblem(r, audit.keyring, false) === null, r.command.by))
        const by =
          r.event !== null && typeof r.event === 'object' && 'by' in r.event ? String(r.event.by) : ''
        return h(
          'tr',
          { class: i === broken ? 'broken' : '', 'data-seq': r.seq },
          h('td', {}, r.seq),
          h('td', {}, formatTime(r.event?.at)),
          h('td', {}, r.event?.type ?? '?'),
          h('td', {}, by),
          h('td', {}, describeEvent(r.event)),
          h('td', { class: 'hash' }, short(r.prevHash)),
          h('td', { class: 'hash' }, short(r.hash)),
          h(
            'td',
            {},
            i === broken
              ? h(
                  'strong',
                  {},
                  `${forgery === null ? '✖ first broken link' : '✖ forged'} · ${words.join(' · ')}`,
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
      historyToMermaid(original, { kind }),
      `${original.length} recorded events as a ${kind} diagram; the table above lists the same events.`,
    )
  }

  function update(scene: Scene) {
    const changed =
      scene.history.length !== original.length || scene.history.at(-1)?.hash !== original.at(-1)?.hash
    original = scene.history
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
          `seq ${e.seq}: ${e.event.type}${'by' in e.event ? ` by ${e.event.by}` : ''}`,
        ),
      ),
    )
    refusals.replaceChildren(
      ...(scene.refusals.length === 0
        ? [h('li', {}, 'None yet.')]
        : scene.refusals.map((r) => h('li', {}, `✖ ${describeRefusal(r)}`, h('br'), r.reasons.join(' · ')))),
    )
    render()
    drawTimeline()
  }

  return { element, update }
}
