/** Policies count in days; the machine's clock counts epoch milliseconds. One definition of each unit. */
export const MINUTE_MS = 60_000
export const HOUR_MS = 3_600_000
export const DAY_MS = 86_400_000
