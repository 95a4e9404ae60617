import { describeMetric } from '../simulate/describeMetric.js'
import { formatEstimate, methodName } from '../simulate/formatSimulation.js'
import { commonKeyCount, keysTurned } from '../simulate/keysTurned.js'
import type { ComparisonResult, SimulationResult } from '../simulate/SimulationResult.js'

const W = 640
const H = 240
const M = { left: 50, right: 16, top: 16, bottom: 34 }
const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd']

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
const n2 = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '0')

function frame(title: string, body: string, xLabel: string, yLabel: string, ticks: string): string {
  return `<figure><figcaption>${esc(title)}</figcaption><svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(title)}" xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif" font-size="11">
<line x1="${M.left}" y1="${H - M.bottom}" x2="${W - M.right}" y2="${H - M.bottom}" stroke="#333"/>
<line x1="${M.left}" y1="${M.top}" x2="${M.left}" y2="${H - M.bottom}" stroke="#333"/>
${ticks}${body}
<text x="${(W + M.left) / 2}" y="${H - 4}" text-anchor="middle">${esc(xLabel)}</text>
<text x="12" y="${H / 2}" transform="rotate(-90 12 ${H / 2})" text-anchor="middle">${esc(yLabel)}</text>
</svg></figure>`
}

function axisTicks(
  xMax: number,
  yMax: number,
  xFmt = (v: number) => n2(v),
  yFmt = (v: number) => n2(v),
): string {
  const out: string[] = []
  for (let i = 0; i <= 5; i++) {
    const x = M.left + ((W - M.left - M.right) * i) / 5
    const y = H - M.bottom - ((H - M.top - M.bottom) * i) / 5
    out.push(
      `<text x="${n2(x)}" y="${H - M.bottom + 14}" text-anchor="middle">${xFmt((xMax * i) / 5)}</text>`,
    )
    out.push(`<text x="${M.left - 4}" y="${n2(y + 4)}" text-anchor="end">${yFmt((yMax * i) / 5)}</text>`)
    out.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${n2(y)}" y2="${n2(y)}" stroke="#eee"/>`)
  }
  return out.join('\n')
}

/** Lead-time histograms of several runs, as step lines of the share of initiatives per day. */
function histogramChart(title: string, runs: { name: string; bins: number[] }[]): string {
  const shares = runs.map((r) => {
    const total = r.bins.reduce((a, b) => a + b, 0) || 1
    return r.bins.slice(0, -1).map((v) => v / total)
  })
  let xMax = 10
  for (const r of runs) {
    const total = r.bins.reduce((a, b) => a + b, 0)
    let acc = 0
    for (let i = 0; i < r.bins.length - 1; i++) {
      acc += r.bins[i] as number
      if (acc >= 0.995 * total) {
        xMax = Math.max(xMax, i + 1)
        break
      }
    }
  }
  const yMax = Math.max(0.001, ...shares.flatMap((s) => s.slice(0, xMax)))
  const sx = (d: number) => M.left + ((W - M.left - M.right) * d) / xMax
  const sy = (v: number) => H - M.bottom - ((H - M.top - M.bottom) * v) / yMax
  const lines = shares.map((s, j) => {
    const pts = s
      .slice(0, xMax)
      .flatMap((v, d) => [`${n2(sx(d))},${n2(sy(v))}`, `${n2(sx(d + 1))},${n2(sy(v))}`])
    return `<polyline fill="none" stroke="${COLORS[j % COLORS.length]}" stroke-width="1.5" points="${pts.join(' ')}"/>`
  })
  return frame(
    title,
    lines.join('\n') + legend(runs.map((r) => r.name)),
    'days',
    'share of initiatives',
    axisTicks(
      xMax,
      yMax,
      (v) => v.toFixed(0),
      (v) => `${(v * 100).toFixed(1)}%`,
    ),
  )
}

function legend(names: string[]): string {
  return names
    .map(
      (name, j) =>
        `<rect x="${W - M.right - 170}" y="${M.top + j * 16}" width="10" height="10" fill="${COLORS[j % COLORS.length]}"/><text x="${W - M.right - 155}" y="${M.top + 9 + j * 16}">${esc(name)}</text>`,
    )
    .join('\n')
}

/** WIP over time: the mean line and its 95 % band, per run. */
function wipChart(runs: SimulationResult[]): string {
  const xMax = Math.max(...runs.map((r) => r.horizonDays))
  const yMax = Math.max(
    1,
    ...runs.flatMap((r) => r.wip.map((p) => (Number.isFinite(p.high) ? p.high : p.mean))),
  )
  const sx = (d: number) => M.left + ((W - M.left - M.right) * d) / xMax
  const sy = (v: number) => H - M.bottom - ((H - M.top - M.bottom) * (Number.isFinite(v) ? v : 0)) / yMax
  const body = runs.map((r, j) => {
    const color = COLORS[j % COLORS.length]
    const band = [
      ...r.wip.map((p) => `${n2(sx(p.day))},${n2(sy(p.high))}`),
      ...[...r.wip].reverse().map((p) => `${n2(sx(p.day))},${n2(sy(p.low))}`),
    ]
    const line = r.wip.map((p) => `${n2(sx(p.day))},${n2(sy(p.mean))}`)
    return `<polygon fill="${color}" fill-opacity="0.15" points="${band.join(' ')}"/><polyline fill="none" stroke="${color}" stroke-width="1.5" points="${line.join(' ')}"/>`
  })
  const warm = runs[0]?.warmupDays ?? 0
  const warmLine =
    warm > 0
      ? `<line x1="${n2(sx(warm))}" x2="${n2(sx(warm))}" y1="${M.top}" y2="${H - M.bottom}" stroke="#999" stroke-dasharray="4 3"/><text x="${n2(sx(warm) + 4)}" y="${M.top + 10}" fill="#666">end of warm-up</text>`
      : ''
  return frame(
    'Work in progress over time (mean and 95% CI across replications)',
    body.join('\n') + warmLine + legend(runs.map((r) => r.policy)),
    'day',
    'open initiatives',
    axisTicks(
      xMax,
      yMax,
      (v) => v.toFixed(0),
      (v) => v.toFixed(1),
    ),
  )
}

/** Horizontal bars with 95 % whiskers: one row per (label, run). */
function barChart(
  title: string,
  rows: { label: string; values: { mean: number; low: number; high: number }[] }[],
  names: string[],
  unit: string,
): string {
  const rowH = 16 * Math.max(1, names.length) + 8
  const height = M.top + rows.length * rowH + 30
  const left = 220
  const all = rows.flatMap((r) => r.values.flatMap((v) => [v.mean, v.low, v.high])).filter(Number.isFinite)
  const lo = Math.min(0, ...all)
  const hi = Math.max(unit === 'share' ? 1e-9 : 1e-9, ...all)
  const sx = (v: number) => left + ((W - left - M.right) * (v - lo)) / (hi - lo || 1)
  const fmtV = (v: number) => (unit === 'share' ? `${(v * 100).toFixed(0)}%` : v.toFixed(1))
  const parts: string[] = []
  rows.forEach((r, i) => {
    const y0 = M.top + i * rowH
    parts.push(`<text x="${left - 6}" y="${y0 + rowH / 2 + 2}" text-anchor="end">${esc(r.label)}</text>`)
    r.values.forEach((v, j) => {
      if (!Number.isFinite(v.mean)) return
      const y = y0 + 4 + j * 16
      const x0 = sx(Math.min(0, v.mean))
      parts.push(
        `<rect x="${n2(x0)}" y="${y}" width="${n2(Math.abs(sx(v.mean) - sx(0)))}" height="11" fill="${COLORS[j % COLORS.length]}" fill-opacity="0.8"/>`,
      )
      if (Number.isFinite(v.low)) {
        parts.push(
          `<line x1="${n2(sx(v.low))}" x2="${n2(sx(v.high))}" y1="${y + 5.5}" y2="${y + 5.5}" stroke="#000"/>`,
        )
      }
      parts.push(
        `<text x="${n2(Math.max(sx(v.mean), sx(Number.isFinite(v.high) ? v.high : v.mean)) + 4)}" y="${y + 9}">${fmtV(v.mean)}</text>`,
      )
    })
  })
  parts.push(`<line x1="${n2(sx(0))}" x2="${n2(sx(0))}" y1="${M.top}" y2="${height - 26}" stroke="#333"/>`)
  const legendY = height - 12
  names.forEach((name, j) => {
    parts.push(
      `<rect x="${left + j * 160}" y="${legendY - 9}" width="10" height="10" fill="${COLORS[j % COLORS.length]}"/><text x="${left + 14 + j * 160}" y="${legendY}">${esc(name)}</text>`,
    )
  })
  return `<figure><figcaption>${esc(title)}</figcaption><svg viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" role="img" aria-label="${esc(title)}" xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif" font-size="11">${parts.join('\n')}</svg></figure>`
}

function metricTable(runs: SimulationResult[]): string {
  const names = [...new Set(runs.flatMap((r) => r.metrics.map((m) => m.name)))]
  const keys = commonKeyCount(runs.map((r) => r.keys.length))
  const head = `<tr><th>metric</th>${runs.map((r) => `<th>${esc(r.policy)}</th>`).join('')}<th>interval</th></tr>`
  const rows = names.map((name) => {
    const d = describeMetric(name, keys)
    const found = runs.map((r) => r.metrics.find((x) => x.name === name))
    const cells = found.map((m) => `<td>${m === undefined ? '—' : esc(formatEstimate(m, d.unit))}</td>`)
    const method = found.find((m) => m !== undefined && Number.isFinite(m.mean))
    return `<tr><td>${esc(d.label)}</td>${cells.join('')}<td>${method === undefined ? '' : methodName(method)}</td></tr>`
  })
  return `<table>${head}${rows.join('')}</table>`
}

export interface ReportInput {
  simulations: SimulationResult[]
  comparison?: ComparisonResult
}

/**
 * A self-contained HTML page (no scripts, no network): metric tables and inline SVG charts of
 * lead-time distributions, WIP over time, utilisation and, for a comparison, the paired deltas.
 *
 * @example
 * writeFileSync('out.html', renderSimulationReport({ simulations: [result] }))
 */
export function renderSimulationReport(input: ReportInput): string {
  const runs = input.simulations
  const names = runs.map((r) => r.policy)
  const first = runs[0]
  const turned = keysTurned(commonKeyCount(runs.map((r) => r.keys.length)))
  const charts: string[] = [
    histogramChart(
      `Lead time: submission → ${turned} (distribution over all replications)`,
      runs.map((r) => ({ name: r.policy, bins: r.approvalHistogram })),
    ),
    histogramChart(
      'Lead time: submission → rollout complete',
      runs.map((r) => ({ name: r.policy, bins: r.completionHistogram })),
    ),
    wipChart(runs),
  ]
  const reviewers = [...new Set(runs.flatMap((r) => r.reviewers))]
  const pick = (r: SimulationResult, name: string) => {
    const m = r.metrics.find((x) => x.name === name)
    return m === undefined ? { mean: Number.NaN, low: Number.NaN, high: Number.NaN } : m
  }
  charts.push(
    barChart(
      'Utilisation of each key holder (Student-t 95% CI, within [0, 1])',
      reviewers.map((id) => ({ label: id, values: runs.map((r) => pick(r, `utilisation.${id}`)) })),
      names,
      'share',
    ),
  )
  const keyIds = [...new Set(runs.flatMap((r) => r.keys.map((k) => k.id)))]
  charts.push(
    barChart(
      'Bottleneck: which key turned last (share of approvals, Wilson 95% CI)',
      keyIds.map((id) => ({ label: id, values: runs.map((r) => pick(r, `lastKey.${id}`)) })),
      names,
      'share',
    ),
  )
  if (input.comparison !== undefined) {
    const days = input.comparison.metrics.filter((m) => describeMetric(m.name).unit === 'days')
    charts.push(
      barChart(
        `Paired difference ${input.comparison.b.policy} − ${input.comparison.a.policy} in lead times, days (95% CI, common random numbers)`,
        days.map((m) => ({
          label: describeMetric(m.name).label.replace('submission → ', ''),
          values: [m.difference],
        })),
        [`${input.comparison.b.policy} − ${input.comparison.a.policy}`],
        'days',
      ),
    )
  }
  const title = `twokeys simulation — ${first?.scenario ?? ''}`
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:980px;margin:2rem auto;padding:0 1rem;color:#222}table{border-collapse:collapse;font-size:13px}td,th{border-bottom:1px solid #ddd;padding:3px 8px;text-align:right}td:first-child,th:first-child{text-align:left}figure{margin:1.5rem 0}figcaption{font-weight:600;margin-bottom:.3rem}</style>
</head><body>
<h1>${esc(title)}</h1>
<p>${runs.map((r) => `Policy <b>${esc(r.policy)}</b>: ${r.replications} replications, seed ${r.seed}, ${r.horizonDays} days with ${r.warmupDays} days of warm-up, ${r.initiatives.toLocaleString('en')} initiatives.`).join('<br>')}</p>
<p>Intervals: ${esc(first?.intervalMethod ?? '')}. ${esc(first?.quantileMethod ?? '')}.</p>
${metricTable(runs)}
${charts.join('\n')}
</body></html>
`
}
