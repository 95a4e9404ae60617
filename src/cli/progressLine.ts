import type { ExploreProgress } from '../explore/explore.js'

const count = (n: number) => n.toLocaleString('en')

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
      process.stderr.write(
        `\r\x1b[2K${label}: ${count(p.states)} states · ${count(p.transitions)} transitions · ${count(rate)} states/s · ${p.seconds.toFixed(1)} s`,
      )
    },
    done: () => {
      if (shown) process.stderr.write('\r\x1b[2K')
    },
  }
}
