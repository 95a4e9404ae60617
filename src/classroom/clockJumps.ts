/** The jumps a teacher may make on a session's clock; a month is 31 days, past a 30-day review window. */
export const CLOCK_JUMPS = {
  hour: { hours: 1 },
  day: { days: 1 },
  week: { days: 7 },
  month: { days: 31 },
} as const

export type ClockJump = keyof typeof CLOCK_JUMPS
