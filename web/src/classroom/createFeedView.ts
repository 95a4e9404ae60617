import type { Notice } from '../../../src/classroom/ClassroomFeed.js'
import { h } from '../h.js'
import { t } from '../i18n/language.js'
import { renderReasons } from '../renderReasons.js'
import { forgedText, noticeText, sessionTime } from './noticeText.js'

/**
 * The live feed everyone sees: the session's notices over Server-Sent Events (EventSource
 * reconnects and resumes by itself), newest first, read out politely. `onNotice` lets a view
 * refresh what a notice changes.
 */
export function createFeedView(sessionId: string, onNotice: (notice: Notice) => void) {
  const list = h('ol', { class: 'feed-list', reversed: true })
  // Each item numbered by its seq in the session, newest on top.
  const element = h(
    'section',
    { class: 'feed', 'aria-labelledby': 'feed-heading' },
    h('h2', { id: 'feed-heading' }, t('classroom.feed.heading')),
    h('div', { class: 'live', role: 'log', 'aria-live': 'polite' }, list),
  )
  const source = new EventSource(`/api/sessions/${sessionId}/feed`)
  source.addEventListener('notice', (message) => {
    const notice = JSON.parse((message as MessageEvent<string>).data) as Notice
    const item = h(
      'li',
      { class: `notice notice-${notice.kind}`, 'data-kind': notice.kind, value: notice.seq },
      h('time', {}, sessionTime(notice.at)),
      ' ',
      noticeText(notice),
      notice.kind === 'refused' ? renderReasons(notice.reasons, notice.code, false, notice.phrases) : null,
      notice.kind === 'forgery'
        ? h('p', { class: 'change' }, forgedText(notice.forgery, notice.target))
        : null,
    )
    list.prepend(item)
    onNotice(notice)
  })
  return { element, close: () => source.close() }
}
