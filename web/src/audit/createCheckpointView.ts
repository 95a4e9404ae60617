import { h } from '../h.js'
import { t } from '../i18n/language.js'
import { CHECK_ORDER, type CheckReport } from './auditChecks.js'
import type { AuditSession } from './auditSession.js'
import { checkName } from './checkName.js'
import { shortRoot, WITNESSES, witnessLabel } from './witnessedLog.js'

/** The latest cosigned checkpoint, each witness's cosignature checked: origin, size, short root, ✓ PA, ✓ GA. */
export function createCheckpointView(prefix: string) {
  const line = h('p', { class: 'checkpoint-line' })
  const marks = h('p', { class: 'checkpoint-witnesses' })
  const note = h('pre', { class: 'checkpoint-note' })
  const headingId = `${prefix}-checkpoint-h`
  const element = h(
    'section',
    { class: 'checkpoint', 'aria-labelledby': headingId },
    h('h3', { id: headingId }, t('audit.checkpointTitle')),
    h('p', { class: 'muted' }, t('audit.checkpointIntro')),
    line,
    marks,
    h('details', {}, h('summary', {}, t('audit.checkpointNote')), note),
  )

  function update(audit: AuditSession | undefined) {
    element.hidden = audit === undefined
    if (audit === undefined) return
    const latest = audit.log.latest()
    element.dataset.size = String(latest?.size ?? 0)
    if (latest === null) {
      line.textContent = t('audit.checkpointNone')
      marks.replaceChildren()
      note.textContent = ''
      return
    }
    const cosigned = audit.log.cosignedBy(latest.note)
    line.textContent = t('audit.checkpointLine', {
      origin: latest.origin,
      size: latest.size,
      root: shortRoot(latest.root),
    })
    marks.replaceChildren(
      ...WITNESSES.map((w) => {
        const ok = cosigned.includes(w.id)
        return h(
          'span',
          { class: ok ? 'ok witness-mark' : 'bad witness-mark', 'data-witness': w.id },
          t(ok ? 'audit.witnessOk' : 'audit.witnessBad', { label: witnessLabel(w.id) }),
        )
      }),
    )
    note.textContent = latest.note
  }

  return { element, update }
}

/** The table of checks on a forged copy, the catching one marked, each in plain words. */
export function renderCheckTable(report: CheckReport, captionText = t('audit.checksCaption')): HTMLElement {
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
          (['check', 'result', 'words'] as const).map((c) =>
            h('th', { scope: 'col' }, t(`audit.checksColumns.${c}`)),
          ),
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
              checkName(id),
              h('br'),
              h('span', { class: 'muted' }, t(`checks.questions.${id}`)),
            ),
            h(
              'td',
              {},
              check?.ok === false ? t('audit.fails') : t('audit.passes'),
              catches ? [h('br'), h('strong', { class: 'catches' }, t('audit.caughtHere'))] : null,
            ),
            h('td', {}, check?.detail ?? ''),
          )
        }),
      ),
    ),
  )
}
