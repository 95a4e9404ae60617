import type { ForgeryCheck, Notice } from '../../../src/classroom/ClassroomFeed.js'
import { h } from '../h.js'
import { t } from '../i18n/language.js'
import { type ApiAction, apiErrorText } from './apiErrorText.js'
import { checkText } from './checkText.js'
import { type ApiAnswer, api } from './classroomApi.js'
import { createBoardCard } from './createBoardCard.js'
import { createDebriefView } from './createDebriefView.js'
import { createFeedView } from './createFeedView.js'
import { localizeState } from './localizeState.js'
import { forgedText, sessionTime } from './noticeText.js'
import type { SessionState } from './SessionState.js'
import { seatName } from './seatName.js'

const JUMPS = ['hour', 'day', 'week', 'month'] as const
const FORGERIES = ['edit-event', 'forge-signature', 'rewrite-history', 'cut-tail'] as const

/**
 * The teacher's page (on the projector): the join code, its QR code and URL, the roster, the
 * session clock and its jumps, the events to inject, the forger's rewrites, the boards, the feed,
 * and at the end the debrief. Every action sends the teacher token, which stays in this page.
 */
export function createTeacherView(sessionId: string, token: string) {
  const join = h(
    'section',
    { class: 'join-info', 'aria-labelledby': 'join-heading' },
    h('h2', { id: 'join-heading' }, t('classroom.teacher.join')),
  )
  const roster = h('ul', { class: 'roster' })
  const clock = h('p', { class: 'clock', role: 'status' })
  const boards = h('div', { class: 'boards' })
  const result = h('div', { class: 'teacher-result', 'aria-live': 'polite' })
  const debrief = h('div', { class: 'debrief-slot' })
  const initiativeSelect = h('select', { id: 'inject-initiative' })
  const keySelect = h('select', { id: 'inject-key' })
  let state: SessionState | undefined

  const show = (answer: ApiAnswer, ok: string, action: ApiAction) =>
    result.replaceChildren(
      h(
        'p',
        { class: answer.ok ? 'outcome ok' : 'outcome bad' },
        answer.ok ? `✓ ${ok}` : `✖ ${apiErrorText(action, answer)}`,
      ),
    )

  async function refresh() {
    const answer = await api(`/api/sessions/${sessionId}`)
    if (!answer.ok) return
    state = localizeState(answer.body as SessionState)
    const current = state
    clock.textContent = t('classroom.teacher.clock', { time: sessionTime(current.clock) })
    roster.replaceChildren(
      ...(current.students.length === 0 ? [h('li', {}, t('classroom.teacher.nobody'))] : []),
      ...current.students.map((s) =>
        h(
          'li',
          { 'data-role': s.role },
          `${s.name} — ${seatName(s.role, current)}${s.inKeyring ? '' : ` (${t('classroom.teacher.noKey')})`} `,
          current.ended
            ? null
            : h(
                'button',
                {
                  type: 'button',
                  class: 'free-seat',
                  'data-key-id': s.keyId,
                  'aria-label': t('classroom.teacher.freeLabel', {
                    name: s.name,
                    role: seatName(s.role, current),
                  }),
                  onClick: async () => {
                    const path = `/api/sessions/${sessionId}/seats/${encodeURIComponent(s.role)}`
                    const answer = await api(`${path}?keyId=${encodeURIComponent(s.keyId)}`, {
                      token,
                      method: 'DELETE',
                    })
                    show(
                      answer,
                      t('classroom.teacher.freed', { name: s.name, role: seatName(s.role, current) }),
                      'free',
                    )
                  },
                },
                t('classroom.teacher.free'),
              ),
        ),
      ),
    )
    boards.replaceChildren(...current.boards.map((b) => createBoardCard(b)))
    const chosen = initiativeSelect.value
    initiativeSelect.replaceChildren(
      ...current.boards.map((b) =>
        h('option', { value: b.initiativeId ?? '' }, b.title ?? b.initiativeId ?? ''),
      ),
    )
    if (chosen !== '') initiativeSelect.value = chosen
    if (keySelect.options.length === 0)
      keySelect.append(...current.policy.keys.map((k) => h('option', { value: k.id }, k.label)))
  }

  const feed = createFeedView(sessionId, (notice: Notice) => {
    if (notice.kind !== 'forgery' && notice.kind !== 'prompt') void refresh()
  })

  void api(`/api/sessions/${sessionId}/teacher`, { token }).then((answer) => {
    if (!answer.ok) {
      join.append(h('p', { class: 'outcome bad' }, apiErrorText('teacher', answer)))
      return
    }
    join.append(
      h(
        'p',
        { class: 'join-code' },
        t('classroom.teacher.code'),
        ' ',
        h('strong', { 'data-code': answer.body.joinCode }, answer.body.joinCode),
      ),
      h('img', {
        class: 'qr',
        alt: t('classroom.teacher.qr', { url: answer.body.joinUrl }),
        src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(answer.body.qrSvg)}`,
        width: 220,
        height: 220,
      }),
      h('p', { class: 'join-url' }, h('a', { href: answer.body.joinUrl }, answer.body.joinUrl)),
    )
  })

  const controls = h(
    'section',
    { class: 'controls', 'aria-labelledby': 'controls-heading' },
    h('h2', { id: 'controls-heading' }, t('classroom.teacher.controls')),
    clock,
    h(
      'p',
      { class: 'buttons', role: 'group', 'aria-label': t('classroom.teacher.jumps') },
      JUMPS.map((jump) =>
        h(
          'button',
          {
            type: 'button',
            'data-jump': jump,
            onClick: async () =>
              show(
                await api(`/api/sessions/${sessionId}/clock`, { token, body: { jump } }),
                t(`classroom.jump.${jump}`),
                'clock',
              ),
          },
          `+ ${t(`classroom.jump.${jump}`)}`,
        ),
      ),
    ),
    h('h3', {}, t('classroom.teacher.inject')),
    h(
      'p',
      {},
      h('label', { for: 'inject-initiative' }, t('classroom.teacher.initiative')),
      ' ',
      initiativeSelect,
    ),
    h('p', {}, h('label', { for: 'inject-key' }, t('classroom.teacher.key')), ' ', keySelect),
    h(
      'p',
      {},
      h(
        'button',
        {
          type: 'button',
          'data-inject': 'deputy',
          onClick: async () => {
            const answer = await api(`/api/sessions/${sessionId}/deputy`, {
              token,
              body: { initiativeId: initiativeSelect.value, key: keySelect.value },
            })
            show(
              answer,
              answer.status === 202 ? t('classroom.teacher.prompted') : t('classroom.teacher.delegated'),
              'deputy',
            )
          },
        },
        t('classroom.teacher.deputy'),
      ),
    ),
    h('h3', {}, t('classroom.teacher.forger')),
    h(
      'p',
      { class: 'buttons' },
      FORGERIES.map((forgery) =>
        h(
          'button',
          {
            type: 'button',
            'data-forgery': forgery,
            onClick: async () => {
              const answer = await api(`/api/sessions/${sessionId}/forgery`, { token, body: { forgery } })
              if (!answer.ok) return show(answer, '', 'forgery')
              result.replaceChildren(
                h('p', {}, forgedText(forgery, answer.body.target)),
                h(
                  'ul',
                  { class: 'checks' },
                  (answer.body.checks as ForgeryCheck[]).map((c) =>
                    h(
                      'li',
                      { class: c.ok ? 'ok' : 'bad', 'data-check': c.check },
                      `${c.ok ? '✓' : '✖'} ${t(`classroom.check.${c.check}`)}: ${checkText(c)}`,
                    ),
                  ),
                ),
              )
            },
          },
          t(`classroom.forgery.${forgery}`),
        ),
      ),
    ),
    h(
      'p',
      {},
      h(
        'button',
        {
          type: 'button',
          class: 'end',
          onClick: async () => {
            const answer = await api(`/api/sessions/${sessionId}/end`, { token, method: 'POST' })
            if (!answer.ok) return show(answer, '', 'end')
            debrief.replaceChildren(createDebriefView(answer.body, sessionId, token, state))
          },
        },
        t('classroom.teacher.end'),
      ),
    ),
    result,
  )

  const element = h(
    'div',
    { class: 'teacher' },
    join,
    h(
      'section',
      { class: 'roster-box', 'aria-labelledby': 'roster-heading' },
      h('h2', { id: 'roster-heading' }, t('classroom.teacher.roster')),
      roster,
    ),
    controls,
    h(
      'section',
      { 'aria-labelledby': 'boards-heading' },
      h('h2', { id: 'boards-heading' }, t('classroom.teacher.boards')),
      boards,
    ),
    debrief,
    feed.element,
  )
  void refresh()
  return { element }
}
