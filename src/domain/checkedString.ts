import { z } from 'zod'

/**
 * A string schema whose one check is `problem`: undefined for a good value, else the message to
 * refuse it with (which names the value and says what to do). One issue per value, its own words.
 *
 * @example
 * const Even = checkedString((s) => (s.length % 2 === 0 ? undefined : `"${s}" has an odd length`))
 */
export function checkedString(problem: (value: string) => string | undefined) {
  return z.string().superRefine((value, ctx) => {
    const message = problem(value)
    if (message !== undefined) ctx.addIssue({ code: 'custom', message })
  })
}
