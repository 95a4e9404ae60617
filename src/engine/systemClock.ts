import { DAY_MS, HOUR_MS } from '../domain/timeUnits.js'

/** A clock returns the current time in epoch milliseconds; the engine never reads the time itself. */
export type Clock = () => number

/** The wall clock, for production use; tests and simulations inject their own. */
export const systemClock: Clock = () => Date.now()

/**
 * A clock that moves only when told to: for tests, scripts and replays.
 *
 * @example
 * const clock = manualClock('2026-03-01T09:00:00Z'); clock.advance({ days: 2 })
 */
export function manualClock(start: number | string = 0) {
  let now = typeof start === 'string' ? Date.parse(start) : start
  const clock = (() => now) as Clock & {
    set(to: number | string): void
    advance(by: { days?: number; hours?: number; ms?: number }): void
  }
  clock.set = (to) => {
    now = typeof to === 'string' ? Date.parse(to) : to
  }
  clock.advance = ({ days = 0, hours = 0, ms = 0 }) => {
    now += days * DAY_MS + hours * HOUR_MS + ms
  }
  return clock
}
