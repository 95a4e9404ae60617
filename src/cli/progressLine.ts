import type { ExploreProgress } from '../index.js'
import { inCliLanguage } from './cliLanguage.js'

const count = (n: number) => n.toLocaleString('en')

/** The counts of a progress line in the CLI's language. */
const progressWords = (p: ExploreProgress, rate: number) =>
  inCliLanguage({
    en: `${count(p.states)} states · ${count(p.transitions)} transitions · ${count(rate)} states/s · ${p.seconds.toFixed(1)} s`,
    ru: `состояний: ${p.states.toLocaleString('ru')} · переходов: ${p.transitions.toLocaleString('ru')} · ${rate.toLocaleString('ru')} состояний/с · ${p.seconds.toFixed(1).replace('.', ',')} с`,
  })

/**
 * A one-line progress report of an exploration or compilation on stderr — states, transitions,
 * rate and elapsed time — repainted at most ten times a second, and only when stderr is a
 * terminal and the output is for people (never with --json or --csv, never piped).
 *
 * @example
 * const line = progressLine(options.json !== true)
 * compile(policy, { onProgress: (p) => line.update?.('compiling "council"', p) })
 * line.done()
 */
export function progressLine(enabled: boolean) {
  if (!enabled || process.stderr.isTTY !== true) return { update: undefined, done: () => {} }
  let painted = 0
  let shown = false
  return {
    update: (label: string, p: ExploreProgress) => {
      const now = performance.now()
      if (p.done || now - painted < 100) return
      painted = now
      shown = true
      const rate = p.seconds > 0 ? Math.round(p.states / p.seconds) : 0
      process.stderr.write(`\r\x1b[2K${label}: ${progressWords(p, rate)}`)
    },
    done: () => {
      if (shown) process.stderr.write('\r\x1b[2K')
    },
  }
}
