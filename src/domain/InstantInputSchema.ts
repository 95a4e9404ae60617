import { z } from 'zod'
import { quoteText } from './quoteText.js'

const MAX_INSTANT = 8.64e15
const ISO_DATETIME = z.iso.datetime({ offset: true })
const ISO_DATE = z.iso.date()
/** Digits past the millisecond, such as ".1234": such a time has no exact millisecond. */
const SUB_MILLISECOND = /\.\d{3}\d*[1-9]/
const FORMS = 'an ISO-8601 time ("2026-03-01T09:00:00Z" or "2026-03-01"), whole epoch milliseconds, or a Date'

type Converted = { ms: number } | { problem: string }

/** An ISO date or time as milliseconds, when it names exactly one millisecond. */
function fromText(text: string): Converted {
  if (ISO_DATE.safeParse(text).success) return { ms: Date.parse(`${text}T00:00:00Z`) }
  if (!ISO_DATETIME.safeParse(text).success) return { problem: `${quoteText(text)} is not ${FORMS}` }
  if (SUB_MILLISECOND.test(text)) {
    return {
      problem: `${quoteText(text)} has digits past the millisecond; times are whole milliseconds, so write at most 3 decimals of seconds`,
    }
  }
  return { ms: Date.parse(text) }
}

/**
 * Whole epoch milliseconds for a time given as an ISO string, a number or a Date, or why there
 * are none: not a time, finer than a millisecond, or outside 1970 … +275760.
 *
 * @example
 * toInstant('2026-03-01') // { ms: 1772323200000 }
 * toInstant('2026-03-01T09:00:00.0001Z') // { problem: '"2026-03-01T09:00:00.0001Z" has digits past the millisecond; …' }
 */
export function toInstant(value: string | number | Date): Converted {
  if (typeof value === 'number' && !Number.isInteger(value)) {
    return { problem: `${value} is not a whole number of milliseconds; times are whole epoch milliseconds` }
  }
  const converted =
    typeof value === 'string' ? fromText(value) : { ms: typeof value === 'number' ? value : value.getTime() }
  if (!('ms' in converted)) return converted
  const { ms } = converted
  const shown =
    typeof value === 'string' ? quoteText(value) : typeof value === 'number' ? String(value) : 'the Date'
  if (Number.isNaN(ms)) return { problem: `${shown} is not a valid time; use ${FORMS}` }
  if (ms < 0) return { problem: `${shown} is before 1970-01-01T00:00:00Z (epoch 0); use a later time` }
  if (ms > MAX_INSTANT) {
    return { problem: `${shown} is after +275760-09-13 (epoch 8.64e15); use an earlier time` }
  }
  return { ms }
}

/**
 * A time as an ISO-8601 string, epoch milliseconds, or a Date; stored as whole milliseconds from
 * 1970 on. Whatever cannot be converted exactly is refused, never rounded.
 */
export const InstantInputSchema = z
  .union([z.string(), z.number(), z.date()], { error: `expected ${FORMS}` })
  .transform((value, ctx) => {
    const instant = toInstant(value)
    if ('ms' in instant) return instant.ms
    ctx.addIssue({ code: 'custom', message: instant.problem })
    return z.NEVER
  })
  .describe(`A time: ${FORMS}.`)
