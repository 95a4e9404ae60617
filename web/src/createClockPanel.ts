import { h } from './h.js'
import { t } from './i18n/language.js'
import { formatTime } from './marks.js'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const STEPS: [string, number][] = [
  ['clock.hour', HOUR],
  ['clock.day', DAY],
  ['clock.week', 7 * DAY],
  ['clock.month', 31 * DAY],
]

/** The sandbox's clock: time passes only when asked, and then the deadlines due fire (the engine's tick). */
export function createClockPanel(onAdvance: (ms: number) => void, onStartOver: () => void) {
  const now = h('p', { class: 'now' })
  const buttons = h(
    'p',
    { class: 'buttons', role: 'group', 'aria-label': t('clock.group') },
    STEPS.map(([key, ms]) =>
      h('button', { type: 'button', 'data-advance': ms, onClick: () => onAdvance(ms) }, t(key)),
    ),
  )
  const element = h(
    'section',
    { class: 'panel clock', 'aria-labelledby': 'clock-h' },
    h('h2', { id: 'clock-h' }, t('clock.heading')),
    now,
    h('p', { class: 'hint' }, t('clock.hint')),
    buttons,
    h('p', {}, h('button', { type: 'button', onClick: () => onStartOver() }, t('clock.startOver'))),
  )
  return {
    element,
    /** The buttons that let time pass: what they did is said right after them. */
    buttons,
    update(time: number) {
      now.textContent = t('clock.now', { time: formatTime(time) })
    },
  }
}
