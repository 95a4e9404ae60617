import type { ExactAnalysis } from './ExactAnalysis.js'
import { ENGLISH_EXACT_WORDS, type ExactWords } from './exactWords.js'

const percent = (p: number | null) => (p === null ? '—' : `${(Math.abs(p) < 5e-7 ? 0 : p * 100).toFixed(2)}%`)
const days = (d: number | null) => (d === null ? '—' : d.toFixed(2))
const signed = (v: number | null, digits: number) => {
  if (v === null) return '—'
  const text = v.toFixed(digits)
  return /^-?0\.?0*$/.test(text) ? text.replace('-', '') : v > 0 ? `+${text}` : text
}
const scientific = (v: number | null) => (v === null ? '—' : v.toExponential(0))

/** Rows of cells as columns padded to their widest cell, indented by two spaces. */
function table(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? []
  return rows.map((r) => `  ${r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  ')}`.trimEnd())
}

/**
 * The exact analysis for people: outcomes, the approval-time distribution, the last key, each
 * holder's sensitivities, the long run without deadlines, and the method with its error bound.
 *
 * @example
 * process.stdout.write(formatExactAnalysis(analyzeExact(policy, scenario)))
 */
export function formatExactAnalysis(result: ExactAnalysis, words: ExactWords = ENGLISH_EXACT_WORDS): string {
  const lines = [words.heading(result.scenario, result.policy), `(${words.mix})`, '']
  lines.push(
    ...table([
      [words.outcome, words.probability],
      [words.approved, percent(result.approved)],
      [words.lapsed, percent(result.lapsed)],
      [words.refused, percent(result.refused)],
      [words.withdrawn, percent(result.withdrawn)],
      [words.escalated, percent(result.escalated)],
    ]),
    '',
    words.daysToApproval,
  )
  const a = result.approvalDays
  if (a.mean === null) lines.push(`  ${words.noApproval}`)
  else {
    lines.push(`  ${words.moments(days(a.mean), days(a.median), days(a.p90))}`)
    for (const point of a.cdf)
      lines.push(`  ${words.byDay(point.day, percent(point.approvedBy), percent(point.ofApproved))}`)
  }
  lines.push(
    '',
    words.lastKey,
    ...table(result.lastKey.map((k) => [words.key(k.key, k.label), percent(k.share)])),
  )
  if (result.sensitivities.length > 0) {
    lines.push(
      '',
      words.sensitivity,
      ...table([
        words.sensitivityColumns,
        ...result.sensitivities.map((s) => [
          s.reviewer,
          words.days(s.meanReviewDays.toFixed(2)),
          signed(s.dApproved, 4),
          signed(s.dMeanDays, 3),
          signed(s.dMeanDaysPerReviewDay, 3),
        ]),
      ]),
    )
  }
  const w = result.withoutDeadlines
  lines.push(
    '',
    words.withoutDeadlines(w.sweeps, scientific(w.tolerance)),
    `  ${words.longRun(percent(w.approved), percent(w.refused), percent(w.withdrawn), percent(w.undecided), days(w.meanDays))}`,
    '',
    words.method({
      states: result.method.states.toLocaleString('en'),
      moves: result.method.moves.toLocaleString('en'),
      deadlines: result.method.deadlines.join(', '),
      epsilon: scientific(result.method.epsilon),
      probabilityError: scientific(result.method.probabilityError),
      meanError: scientific(result.method.meanError),
      quantileTolerance: scientific(result.method.quantileTolerance),
      step: String(result.method.sensitivityStep),
    }),
  )
  if (result.method.assumed.length > 0) {
    lines.push(
      words.assumed,
      ...result.method.assumed.map(
        (a) => `  ${words.assumedLine(a.field, a.kind, String(+a.meanDays.toPrecision(6)))}`,
      ),
    )
  }
  return `${lines.join('\n')}\n`
}
