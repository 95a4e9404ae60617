import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { Issue } from '../domain/TwoKeysError.js'
import { DAY_MS } from '../domain/timeUnits.js'
import { fileError } from '../policy/fileMessages.js'
import { safeLoadDocument } from '../policy/safeLoadDocument.js'
import { type Scenario, ScenarioSchema } from './ScenarioSchema.js'

export type SafeScenarioResult = { success: true; scenario: Scenario } | { success: false; issues: Issue[] }

/**
 * Parses YAML or JSON scenario text and validates it; every issue is located (file, line, column).
 *
 * @example
 * const result = safeLoadScenario(text, 'baseline.yaml')
 * if (!result.success) console.log(formatIssues(result.issues))
 */
export function safeLoadScenario(text: string, file = '<scenario>'): SafeScenarioResult {
  const result = safeLoadDocument(text, file, ScenarioSchema, ScenarioSchema, 'scenario')
  return result.success ? { success: true, scenario: result.data } : result
}

/** Days since the earliest date, from a CSV of ISO dates (first column; a header line is skipped). */
export function parseArrivalDates(text: string, file: string): number[] {
  const times: number[] = []
  text.split(/\r?\n/).forEach((line, i) => {
    const cell = line.split(',')[0]?.trim() ?? ''
    if (cell === '') return
    const t = Date.parse(cell)
    if (Number.isNaN(t)) {
      if (i === 0) return // a header
      throw fileError('SCENARIO_INVALID', 'file.notADate', { file, line: i + 1, cell })
    }
    times.push(t)
  })
  if (times.length === 0) throw fileError('SCENARIO_INVALID', 'file.noDates', { file })
  const first = Math.min(...times)
  return times.map((t) => (t - first) / DAY_MS).sort((a, b) => a - b)
}

/**
 * Reads and validates a scenario file; a CSV of arrival dates is read too and becomes a schedule.
 * Throws `SCENARIO_INVALID` listing every located issue.
 *
 * @example
 * const scenario = loadScenarioFile('examples/scenarios/baseline.yaml')
 */
export function loadScenarioFile(path: string): Scenario {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (cause) {
    throw fileError('SCENARIO_INVALID', 'file.unreadable', { what: 'scenario', path }, { cause })
  }
  const result = safeLoadScenario(text, path)
  if (!result.success) {
    throw fileError(
      'SCENARIO_INVALID',
      'file.invalid',
      { what: 'scenario', file: path, issues: result.issues },
      { issues: result.issues },
    )
  }
  const scenario = result.scenario
  if (scenario.arrivals.kind === 'csv') {
    const csv = resolve(dirname(path), scenario.arrivals.file)
    let csvText: string
    try {
      csvText = readFileSync(csv, 'utf8')
    } catch (cause) {
      throw fileError('SCENARIO_INVALID', 'file.arrivalsUnreadable', { csv, path }, { cause })
    }
    return { ...scenario, arrivals: { kind: 'schedule', days: parseArrivalDates(csvText, csv) } }
  }
  return scenario
}
