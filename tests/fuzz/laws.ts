import { ERROR_CODES, isTwoKeysError } from '../../src/domain/TwoKeysError.js'

/** What an input did to the law: kept, or broken with a signature that groups alike failures. */
export type Verdict = { ok: true } | { ok: false; law: string; signature: string; detail: string }

export const OK: Verdict = { ok: true }

export const broken = (law: string, signature: string, detail = signature): Verdict => ({
  ok: false,
  law,
  signature: `${law}: ${signature}`,
  detail,
})

/** The first line of a message with its variable parts blanked, so alike failures group. */
export function normalize(message: string): string {
  return (message.split('\n')[0] ?? '')
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(/'(?:[^'\\]|\\.)*'/g, "'…'")
    .replace(/\/[\w./-]+/g, '<path>')
    .replace(/\d+/g, 'N')
    .slice(0, 140)
}

const CODES = new Set<string>(ERROR_CODES)

/**
 * The error law: whatever a twokeys API throws is a TwoKeysError with a code from the closed set,
 * and, when `allowed` is given, one of those codes.
 */
export function errorLaw(error: unknown, allowed?: ReadonlySet<string>): Verdict {
  if (!isTwoKeysError(error)) {
    const name = error instanceof Error ? error.constructor.name : typeof error
    const message = error instanceof Error ? error.message : String(error)
    const stack = error instanceof Error ? (error.stack ?? message) : message
    return broken('typed errors', `threw ${name}: ${normalize(message)}`, stack)
  }
  if (!CODES.has(error.code)) return broken('closed codes', `code ${String(error.code)}`, error.message)
  if (allowed !== undefined && !allowed.has(error.code)) {
    return broken(
      'expected codes',
      `${error.code}: ${normalize(error.message)}`,
      error.stack ?? error.message,
    )
  }
  return OK
}

/** A line of a JavaScript stack trace. */
const STACK_LINE = /^\s+at .+(:\d+:\d+\)?|\(native\)|<anonymous>\)?)$/m

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

/** The CLI law: exit 0, 1 or 2; a failure says something; never an internal error or a stack trace. */
export function cliLaw(run: CliRun): Verdict {
  const both = `${run.stderr}\n${run.stdout}`
  if (![0, 1, 2].includes(run.code)) return broken('exit codes', `exit ${run.code}`, both)
  const internal = /internal error[^\n]*/.exec(both)
  if (internal !== null) return broken('no internal error', normalize(internal[0]), both)
  if (STACK_LINE.test(run.stderr)) {
    return broken(
      'no stack trace',
      normalize(run.stderr.split('\n').find((l) => l.trim() !== '') ?? ''),
      both,
    )
  }
  if (run.code !== 0 && run.stderr.trim() === '' && run.stdout.trim() === '') {
    return broken('failures say why', `exit ${run.code} with no message`, both)
  }
  return OK
}

/** Settles with the promise's verdict, or with a broken "no hang" law after `ms`. */
export async function withinTime(work: Promise<Verdict>, ms: number, what: string): Promise<Verdict> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<Verdict>((resolve) => {
    timer = setTimeout(() => resolve(broken('no hang', `${what} did not finish within ${ms / 1000} s`)), ms)
  })
  try {
    return await Promise.race([work, timeout])
  } finally {
    clearTimeout(timer)
  }
}

/** Runs `work`; a throw is judged by the error law. */
export async function judged(work: () => Promise<Verdict>, allowed?: ReadonlySet<string>): Promise<Verdict> {
  try {
    return await work()
  } catch (error) {
    return errorLaw(error, allowed)
  }
}
