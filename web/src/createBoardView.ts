import type { Board, KeyStatus } from '../../src/engine/keyBoard.js'
import { type KeySummaryWords, keySummary } from '../../src/engine/keySummary.js'
import type { Key } from '../../src/policy/PolicySchema.js'
import { h, svg } from './h.js'
import { t } from './i18n/language.js'
import { localizedPolicy } from './localizedPolicy.js'
import { keyMark } from './marks.js'
import type { Scene } from './scene.js'

/** A key in its keyhole; the key turns a quarter when its status is `turned` (see styles.css). */
function keyIcon(): SVGSVGElement {
  return svg(
    'svg',
    {
      class: 'key-icon',
      viewBox: '0 0 64 64',
      width: 56,
      height: 56,
      'aria-hidden': 'true',
      focusable: 'false',
    },
    svg('circle', { class: 'key-plate', cx: 32, cy: 32, r: 30 }),
    svg('path', { class: 'key-hole', d: 'M32 22a5 5 0 0 1 3 9l2 11h-10l2-11a5 5 0 0 1 3-9z' }),
    svg(
      'g',
      { class: 'key-blade' },
      svg('circle', { cx: 32, cy: 14, r: 9 }),
      svg('circle', { class: 'key-bow-hole', cx: 32, cy: 14, r: 3.5 }),
      svg('rect', { x: 29.5, y: 22, width: 5, height: 30, rx: 1.5 }),
      svg('rect', { x: 34, y: 42, width: 7, height: 4 }),
      svg('rect', { x: 34, y: 48, width: 5, height: 4 }),
    ),
  )
}

const readable = (instant: string) => instant.replace('T', ' ').replace('Z', ' UTC')

/** The initiative's phase in the page's language (the engine's `phaseText` is English). */
export const phaseWords = (board: Board | null): string => t(`phases.${board?.phase ?? 'none'}`)

/** A key's one-line summary (`keySummary`) in the page's language. */
const summaryWords = (): KeySummaryWords => ({
  turnedBy: (who) => t('summary.turned', { who }),
  forSeat: (by, seat) => t('summary.turnedFor', { by, seat }),
  refusedBy: (who) => t('summary.refused', { who }),
  neverTurned: t('summary.never'),
  waitingFor: (needed, who) => t('summary.waiting', { needed, who }),
  noOne: t('summary.noOne'),
  staleWaiting: (who) => t('summary.stale', { who }),
  expiredWaiting: (days) => t('summary.expired', { days }),
  waived: (condition) => t('summary.waived', { condition }),
})

interface KeyRow {
  item: HTMLLIElement
  status: HTMLElement
  summary: HTMLElement
  details: HTMLElement
}

function detailsOf(line: Board['keys'][number] | undefined, key: Key): (Node | string)[] {
  const parts: (Node | string)[] = [
    `${t('board.needs', { quorum: key.quorum, count: key.holders.length, holders: key.holders.join(', ') })}${key.veto ? t('board.veto') : ''}.`,
  ]
  if (line === undefined) return parts
  for (const a of line.approvals) {
    parts.push(
      h('br'),
      a.by === a.seat
        ? t('board.approved', { by: a.by, at: readable(a.at) })
        : t('board.approvedFor', { by: a.by, seat: a.seat, at: readable(a.at) }),
    )
  }
  for (const r of line.refusedBy) {
    parts.push(
      h('br'),
      r.reason === undefined
        ? t('board.refused', { by: r.by })
        : t('board.refusedWith', { by: r.by, reason: r.reason }),
    )
  }
  return parts
}

/**
 * The key board: one drawn key per policy key, turning when its key turns, with the status as
 * a mark and a word and the engine's own summary (`status(id)`); then the rollout answers.
 */
export function createBoardView(headingId: string, emptyText: string) {
  const head = h('p', { class: 'board-head' })
  const list = h('ul', { class: 'keys' })
  const rollout = h('div', { class: 'rollout' })
  const element = h(
    'section',
    { class: 'panel board', 'aria-labelledby': headingId },
    h('h2', { id: headingId }, t('board.heading')),
    head,
    list,
    rollout,
  )
  let rows = new Map<string, KeyRow>()
  let policyKeys = ''

  function rebuild(keys: readonly Key[]) {
    rows = new Map()
    list.replaceChildren(
      ...keys.map((key) => {
        const status = h('span', { class: 'key-status' })
        const summary = h('span', { class: 'key-summary' })
        const details = h('p', { class: 'key-details' })
        const item = h(
          'li',
          { class: 'key', 'data-key': key.id },
          keyIcon(),
          h(
            'div',
            { class: 'key-text' },
            h('strong', { class: 'key-label' }, key.label),
            ' ',
            status,
            summary,
            details,
          ),
        )
        rows.set(key.id, { item, status, summary, details })
        return item
      }),
    )
  }

  function update(scene: Scene) {
    const keys = localizedPolicy(scene.policy).keys
    const signature = keys.map((k) => k.id).join(',')
    if (signature !== policyKeys) {
      rebuild(keys)
      policyKeys = signature
    }
    const board = scene.board
    head.replaceChildren(
      ...(board === null
        ? [emptyText]
        : [
            h('strong', {}, board.title ?? board.initiativeId ?? ''),
            ` [${board.initiativeId}] — `,
            h('span', { class: 'phase', 'data-phase': board.phase }, phaseWords(board)),
            t('board.revision', { n: board.revision.n, hash: board.revision.hash.slice(0, 8) }),
            board.deadline === null ? '' : t('board.window', { at: readable(board.deadline) }),
            board.track === null ? '' : t('board.track', { track: board.track }),
          ]),
    )
    for (const key of keys) {
      const row = rows.get(key.id)
      if (row === undefined) continue
      const line = board?.keys.find((k) => k.key === key.id)
      const status: KeyStatus = line?.status ?? 'pending'
      const { mark, word } = keyMark(status)
      row.item.dataset.status = status
      row.status.textContent = `${mark} ${word}`
      row.summary.textContent =
        line === undefined
          ? t('board.noInitiative')
          : ` — ${keySummary(line, { key, lifetimeDays: scene.policy.approvals.lifetimeDays, active: scene.snapshot.status === 'active' }, summaryWords())}`
      row.details.replaceChildren(...detailsOf(line, key))
    }
    rollout.replaceChildren(
      ...(board === null || board.rollout.length === 0
        ? []
        : [
            h('h3', {}, t('board.rollout', { track: board.track })),
            h(
              'ul',
              { class: 'rollout-list' },
              board.rollout.map((r) =>
                h(
                  'li',
                  { 'data-answer': r.answer },
                  `${r.answer === 'accepted' ? '✓' : r.answer === 'declined' ? '✖' : '○'} ${r.target}: ${t(`board.${r.answer}`)}`,
                ),
              ),
            ),
          ]),
    )
  }

  return { element, update }
}
