import { h } from './h.js'
import { formatTime } from './marks.js'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const STEPS: [string, number][] = [
  ['+1 hour', HOUR],
  ['+1 day', DAY],
  ['+1 week', 7 * DAY],
  ['+31 days', 31 * DAY],
]

/** The sandbox's clock: time passes only when asked, and then the deadlines due fire (a tick). */
export function createClockPanel(onAdvance: (ms: number) => void, onStartOver: () => void) {
  const now = h('p', { class: 'now', 'aria-live': 'polite' })
  const element = h(
    'section',
    { class: 'panel clock', 'aria-labelledby': 'clock-h' },
    h('h2', { id: 'clock-h' }, 'Time'),
    now,
    h(
      'p',
      { class: 'hint' },
      'Deadlines are data: moving the clock fires those now due, as the engine’s timer would (a tick). A tick never turns a key.',
    ),
    h(
      'p',
      { class: 'buttons', role: 'group', 'aria-label': 'Move the clock on' },
      STEPS.map(([label, ms]) => h('button', { type: 'button', onClick: () => onAdvance(ms) }, label)),
    ),
    h('p', {}, h('button', { type: 'button', onClick: () => onStartOver() }, 'Start over')),
  )
  return {
    element,
    update(time: number) {
      now.textContent = `Now: ${formatTime(time)}`
    },
  }
}
