import type { Debrief } from '../../../src/classroom/buildDebrief.js'
import { DAY_MS } from '../../../src/domain/timeUnits.js'
import { commandWord } from '../eventTypeWord.js'
import { h } from '../h.js'
import { language, t } from '../i18n/language.js'
import { loadMermaid } from '../loadMermaid.js'
import { invariantName, reasonsInLanguage } from '../renderReasons.js'
import { api } from './classroomApi.js'
import type { SessionState } from './SessionState.js'
import { keyName, seatName } from './seatName.js'

const hours = (ms: number) => Math.round((ms / 3_600_000) * 10) / 10

/**
 * The debrief: the key that waited longest, every refused attempt and what stopped it, every
 * forgery and the check that caught it, each initiative's timeline drawn from the server's
 * Mermaid gantt, and the audit export to download (it checks with `twokeys audit verify`).
 */
export function createDebriefView(
  debrief: Debrief,
  sessionId: string,
  token: string,
  /** The session's state with the policy's names in the page's language, for its seats and keys. */
  state?: SessionState,
): HTMLElement {
  const b = debrief.bottleneck
  const download = h(
    'a',
    { class: 'download', download: `twokeys-classroom-${sessionId}.jsonl`, href: '#' },
    t('classroom.debrief.download'),
  )
  // The export needs the teacher token: fetched here, handed to the browser as a file.
  void api(`/api/sessions/${sessionId}/audit.jsonl`, { token }).then((answer) => {
    const text = typeof answer.body === 'string' ? answer.body : ''
    download.href = URL.createObjectURL(new Blob([text], { type: 'application/x-ndjson' }))
  })
  const timelines = debrief.timelines.map((line, i) => {
    // The server draws each timeline in English and in Russian.
    const gantt = language() === 'ru' ? line.translations.ru.gantt : line.gantt
    const figure = h(
      'figure',
      { class: 'timeline' },
      h('figcaption', {}, `${line.title ?? line.initiativeId} (${line.initiativeId})`),
    )
    const drawing = h('div', {
      class: 'gantt',
      role: 'img',
      'aria-label': t('classroom.debrief.ganttLabel', { title: line.title ?? line.initiativeId }),
    })
    figure.append(
      drawing,
      h('details', {}, h('summary', {}, t('classroom.debrief.ganttText')), h('pre', {}, gantt)),
    )
    void loadMermaid()
      .then((mermaid) => mermaid.render(`gantt-${i}-${Date.now()}`, gantt))
      .then(({ svg }) => {
        drawing.innerHTML = svg
      })
      .catch(() => drawing.replaceChildren(t('classroom.debrief.ganttFailed')))
    return figure
  })
  return h(
    'section',
    { class: 'debrief', 'aria-labelledby': 'debrief-heading' },
    h('h2', { id: 'debrief-heading' }, t('classroom.debrief.heading')),
    h(
      'p',
      { class: 'bottleneck' },
      b === null
        ? t('classroom.debrief.noBottleneck')
        : t('classroom.debrief.bottleneck', {
            key: keyName(b.key, state),
            initiative: b.initiativeId,
            hours: hours(b.waitedMs),
            days: Math.round((b.waitedMs / DAY_MS) * 10) / 10,
            outcome: t(`classroom.outcome.${b.outcome}`),
          }),
    ),
    h('h3', {}, t('classroom.debrief.refusals', { count: debrief.refusals.length })),
    h(
      'ul',
      { class: 'refusals' },
      debrief.refusals.map((r) =>
        h(
          'li',
          {},
          t('classroom.debrief.refusal', {
            by: seatName(r.by, state),
            type: commandWord(r.type),
            code: r.code,
          }),
          ' ',
          r.invariants.length > 0
            ? h('strong', {}, r.invariants.map((i) => `${i.id} ${invariantName(i.id)}`).join(', '))
            : h('strong', {}, r.code === 'UNAUTHENTICATED' ? t('classroom.debrief.signatureCheck') : r.code),
          h('br'),
          h('span', { class: 'reason' }, reasonsInLanguage(r.reasons, r.phrases, r.code)[0] ?? ''),
        ),
      ),
    ),
    h('h3', {}, t('classroom.debrief.forgeries', { count: debrief.forgeries.length })),
    h(
      'ul',
      { class: 'forgeries' },
      debrief.forgeries.map((f) =>
        h(
          'li',
          {},
          `${t(`classroom.forgery.${f.forgery}`)}: ${f.caughtBy === null ? t('classroom.debrief.notCaught') : t(`classroom.check.${f.caughtBy}`)}`,
        ),
      ),
    ),
    h('h3', {}, t('classroom.debrief.timelines')),
    ...timelines,
    h('p', {}, download, ' ', t('classroom.debrief.verify', { count: debrief.audit.events })),
  )
}
