import { svg } from '../h.js'
import { language, t } from '../i18n/language.js'
import type { WhatIfRun } from './whatIfTypes.js'

const W = 640
const H = 260
const M = { left: 52, right: 16, top: 40, bottom: 38 }
/** Each series differs in dash pattern and label as well as colour. */
const SERIES = [
  { color: '#1d4ed8', dash: '', name: 'A' },
  { color: '#b45309', dash: '7 4', name: 'B' },
] as const

const fmt = (v: number) =>
  Number.isFinite(v)
    ? v.toLocaleString(language(), { minimumFractionDigits: 1, maximumFractionDigits: 1 })
    : '—'

/** The day by which 99.5 % of a histogram's approvals happened (at least 10). */
function reach(bins: readonly number[]): number {
  const total = bins.reduce((a, b) => a + b, 0)
  let acc = 0
  for (let i = 0; i < bins.length - 1; i++) {
    acc += bins[i] ?? 0
    if (acc >= 0.995 * total) return Math.max(10, i + 1)
  }
  return Math.max(10, bins.length - 1)
}

/**
 * The lead-time (time to approval) distribution of two runs: the share of approvals per day as
 * step lines, each labelled in a legend with its own dash pattern, and each median marked.
 */
export function drawLeadTimeChart(runs: readonly [WhatIfRun, WhatIfRun], label: (run: WhatIfRun) => string) {
  const xMax = Math.ceil(Math.max(...runs.map((r) => reach(r.approvalHistogram))) / 10) * 10
  const shares = runs.map((r) => {
    const total = r.approvalHistogram.reduce((a, b) => a + b, 0) || 1
    return r.approvalHistogram.slice(0, xMax).map((v) => v / total)
  })
  const yMax = Math.max(0.01, ...shares.flat()) * 1.1
  const x = (day: number) => M.left + ((W - M.left - M.right) * day) / xMax
  const y = (share: number) => H - M.bottom - ((H - M.top - M.bottom) * share) / yMax
  const ticks = Array.from({ length: 6 }, (_, i) => i)
  const title = t('whatIf.chartTitle', {
    runs: runs.map((r) => t('whatIf.chartRun', { label: label(r), days: fmt(r.medianDays.mean) })).join('; '),
  })
  return svg(
    'svg',
    {
      viewBox: `0 0 ${W} ${H}`,
      class: 'lead-time-chart',
      role: 'img',
      'aria-label': title,
      'font-size': 11,
      'font-family': 'system-ui, sans-serif',
    },
    ticks.map((i) => {
      const yy = y((yMax * i) / 5)
      const xx = x((xMax * i) / 5)
      return [
        svg('line', { x1: M.left, x2: W - M.right, y1: yy, y2: yy, stroke: '#e5e7eb' }),
        svg(
          'text',
          { x: M.left - 4, y: yy + 4, 'text-anchor': 'end', fill: '#1f2937' },
          `${((yMax * i * 100) / 5).toFixed(yMax < 0.1 ? 1 : 0)}%`,
        ),
        svg(
          'text',
          { x: xx, y: H - M.bottom + 14, 'text-anchor': 'middle', fill: '#1f2937' },
          Math.round((xMax * i) / 5),
        ),
      ]
    }),
    svg('line', { x1: M.left, y1: H - M.bottom, x2: W - M.right, y2: H - M.bottom, stroke: '#1f2937' }),
    svg('line', { x1: M.left, y1: M.top, x2: M.left, y2: H - M.bottom, stroke: '#1f2937' }),
    svg(
      'text',
      { x: (W + M.left) / 2, y: H - 6, 'text-anchor': 'middle', fill: '#1f2937' },
      t('whatIf.xAxis'),
    ),
    svg(
      'text',
      {
        x: 12,
        y: (H + M.top) / 2,
        transform: `rotate(-90 12 ${(H + M.top) / 2})`,
        'text-anchor': 'middle',
        fill: '#1f2937',
      },
      t('whatIf.yAxis'),
    ),
    runs.map((run, s) => {
      const style = SERIES[s] ?? SERIES[0]
      const dash = style.dash === '' ? {} : { 'stroke-dasharray': style.dash }
      let d = `M ${x(0)} ${y(0)}`
      shares[s]?.forEach((v, day) => {
        d += ` L ${x(day).toFixed(1)} ${y(v).toFixed(1)} L ${x(day + 1).toFixed(1)} ${y(v).toFixed(1)}`
      })
      const median = run.medianDays.mean
      const mx = x(Math.min(xMax, median))
      const legendX = M.left + 8 + s * 300
      return svg(
        'g',
        { class: 'series', 'data-series': style.name },
        svg('path', { d, fill: 'none', stroke: style.color, 'stroke-width': 2, ...dash }),
        Number.isFinite(median)
          ? [
              svg('line', {
                x1: mx,
                x2: mx,
                y1: M.top,
                y2: H - M.bottom,
                stroke: style.color,
                'stroke-width': 1,
                'stroke-dasharray': '2 3',
              }),
              svg(
                'text',
                { x: mx + 3, y: M.top + 10 + s * 12, fill: style.color },
                t('whatIf.median', { name: style.name, days: fmt(median) }),
              ),
            ]
          : null,
        svg('line', {
          x1: legendX,
          x2: legendX + 28,
          y1: 14,
          y2: 14,
          stroke: style.color,
          'stroke-width': 2,
          ...dash,
        }),
        svg('text', { x: legendX + 34, y: 18, fill: '#1f2937' }, `${style.name}: ${label(run)}`),
      )
    }),
  )
}
