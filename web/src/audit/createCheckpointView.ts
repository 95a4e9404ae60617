import { h } from '../h.js'
import { CHECK_ORDER, type CheckReport } from './auditChecks.js'
import type { AuditSession } from './auditSession.js'
import { CHECK_NAMES, CHECK_QUESTIONS, TEXT } from './auditText.js'
import { shortRoot, WITNESSES } from './witnessedLog.js'

/** The latest cosigned checkpoint, each witness's cosignature checked: origin, size, short root, ✓ PA, ✓ GA. */
export function createCheckpointView(prefix: string) {
  const line = h('p', { class: 'checkpoint-line' })
  const marks = h('p', { class: 'checkpoint-witnesses' })
  const note = h('pre', { class: 'checkpoint-note' })
  const headingId = `${prefix}-checkpoint-h`
  const element = h(
    'section',
    { class: 'checkpoint', 'aria-labelledby': headingId },
    h('h3', { id: headingId }, TEXT.checkpointTitle),
    h('p', { class: 'muted' }, TEXT.checkpointIntro),
    line,
    marks,
    h('details', {}, h('summary', {}, TEXT.checkpointNote), note),
  )

  function update(audit: AuditSession | undefined) {
    element.hidden = audit === undefined
    if (audit === undefined) return
    const latest = audit.log.latest()
    element.dataset.size = String(latest?.size ?? 0)
    if (latest === null) {
      line.textContent = TEXT.checkpointNone
      marks.replaceChildren()
      note.textContent = ''
      return
    }
    const cosigned = audit.log.cosignedBy(latest.note)
    line.textContent = TEXT.checkpointLine(latest.origin, latest.size, shortRoot(latest.root))
    marks.replaceChildren(
      ...WITNESSES.map((w) => {
        const ok = cosigned.includes(w.id)
        return h(
          'span',
          { class: ok ? 'ok witness-mark' : 'bad witness-mark', 'data-witness': w.id },
          TEXT.witnessMark(w.label, ok),
        )
      }),
    )
    note.textContent = latest.note
  }

  return { element, update }
}

/** The table of checks on a forged copy, the catching one marked, each in plain words. */
export function renderCheckTable(report: CheckReport, captionText = TEXT.checksCaption): HTMLElement {
  return h(
    'div',
    { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': captionText },
    h(
      'table',
      { class: 'trail checks', 'data-caught-by': report.caughtBy ?? 'none' },
      h('caption', {}, captionText),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          TEXT.checksColumns.map((t) => h('th', { scope: 'col' }, t)),
        ),
      ),
      h(
        'tbody',
        {},
        CHECK_ORDER.map((id) => {
          const check = report.checks.find((c) => c.id === id)
          const catches = report.caughtBy === id
          return h(
            'tr',
            { 'data-check': id, 'data-ok': String(check?.ok ?? true), class: catches ? 'catching' : '' },
            // The result column keeps its words whole: "✖ fails", "← catches it".
            h(
              'th',
              { scope: 'row' },
              CHECK_NAMES[id],
              h('br'),
              h('span', { class: 'muted' }, CHECK_QUESTIONS[id]),
            ),
            h(
              'td',
              {},
              check?.ok === false ? TEXT.fails : TEXT.passes,
              catches ? [h('br'), h('strong', { class: 'catches' }, TEXT.caughtHere)] : null,
            ),
            h('td', {}, check?.detail ?? ''),
          )
        }),
      ),
    ),
  )
}
