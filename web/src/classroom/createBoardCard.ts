import type { Board } from '../../../src/engine/keyBoard.js'
import { h } from '../h.js'
import { t } from '../i18n/language.js'
import { keyMark } from '../marks.js'

/** One initiative as the class sees it: title, phase, and each key with a mark and a word (never colour alone). */
export function createBoardCard(board: Board, ...actions: (HTMLElement | null)[]): HTMLElement {
  return h(
    'article',
    { class: 'board-card', 'data-initiative': board.initiativeId ?? '' },
    h('h3', {}, board.title ?? board.initiativeId ?? '?'),
    h(
      'p',
      { class: 'phase' },
      t('classroom.board.phase', { phase: t(`phases.${board.phase}`, { defaultValue: board.phaseText }) }),
    ),
    h(
      'ul',
      { class: 'keys' },
      board.keys.map((k) => {
        const { mark, word } = keyMark(k.status)
        return h(
          'li',
          { class: `key key-${k.status}`, 'data-key': k.key, 'data-status': k.status },
          `${mark} ${k.label}: ${word}`,
        )
      }),
    ),
    ...actions,
  )
}
