import { CPU_CLOCK } from './cpuSeconds.js'
import { describeMachine } from './describeMachine.js'
import { spread } from './spread.js'

export interface ReportRow {
  /** What is measured: 'engine, memory store'. */
  benchmark: string
  /** Against what, measured in the same run: 'long-lived actor'. */
  baseline: string
  clock: 'CPU' | 'wall'
  /** One ratio per round, already oriented as `reads` says. */
  ratios: number[]
  /** How to read the ratio: 'engine ÷ actor time' (a cost) or 'raw ÷ engine time' (a throughput share). */
  reads: string
  target?: { op: '≤' | '≥'; value: number }
  /** Each side's median rate, for scale: '12,300 vs 40,100 commands/s'. */
  rates?: string
}

const MACHINE = describeMachine()

/** The line a benchmark starts with: what it is, the machine and the clock. */
export function printHeader(title: string, detail: string): void {
  const gc = process.execArgv.includes('--single-threaded-gc') ? '; garbage collected on the main thread' : ''
  console.log(`${title}\n${detail}\nmachine: ${MACHINE}\nCPU clock: ${CPU_CLOCK}${gc}\n`)
}

/** Whether a row's median meets its target (true when it has none). */
export function meetsTarget(row: ReportRow): boolean {
  if (row.target === undefined) return true
  const m = spread(row.ratios).median
  return row.target.op === '≤' ? m <= row.target.value : m >= row.target.value
}

/**
 * Prints the benchmark's table: per row the ratio's min / median / max over the rounds, the
 * target and whether the median meets it, and the machine it ran on.
 *
 * @example
 * printReport([{ benchmark: 'engine', baseline: 'actor', clock: 'CPU', ratios, reads: 'engine ÷ actor time', target: { op: '≤', value: 1.5 } }])
 */
export function printReport(rows: ReportRow[]): void {
  const header = [
    'benchmark',
    'baseline (same run)',
    'clock',
    'ratio min / median / max',
    'target',
    '',
    'rates',
  ]
  const lines = rows.map((r) => {
    const s = spread(r.ratios)
    const x = (v: number) => `${v.toFixed(2)}×`
    const target = r.target === undefined ? '(reported)' : `${r.target.op} ${r.target.value}×`
    const verdict = r.target === undefined ? '' : meetsTarget(r) ? 'met' : 'MISSED'
    return [
      r.benchmark,
      r.baseline,
      r.clock,
      `${x(s.min)} / ${x(s.median)} / ${x(s.max)}  (${r.reads})`,
      target,
      verdict,
      r.rates ?? '',
    ]
  })
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] as string).length)))
  const format = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] as number))
      .join('  ')
      .trimEnd()
  console.log(`\n${format(header)}`)
  console.log(widths.map((w) => '─'.repeat(w)).join('  '))
  for (const l of lines) console.log(format(l))
  console.log(`\nmachine: ${MACHINE}`)
}

/** A rate for the table: 12345.6 → '12,346'. */
export const rate = (x: number): string => Math.round(x).toLocaleString('en-US')
