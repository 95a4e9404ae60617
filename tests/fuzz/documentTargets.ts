import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { createInitiativeMachine } from '../../machines/initiative.js'
import type { Issue } from '../../src/domain/TwoKeysError.js'
import { createEngine } from '../../src/engine/createEngine.js'
import { formatIssues } from '../../src/policy/formatIssues.js'
import { hashPolicy } from '../../src/policy/hashPolicy.js'
import { loadPolicy, safeLoadPolicy, safeParsePolicy } from '../../src/policy/loadPolicy.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { toDot } from '../../src/render/toDot.js'
import { toMermaid } from '../../src/render/toMermaid.js'
import { loadScriptFile } from '../../src/script/loadScriptFile.js'
import { runScript } from '../../src/script/runScript.js'
import { loadScenarioFile, safeLoadScenario } from '../../src/simulate/loadScenario.js'
import { COMMAND_CODES } from './commandAttempts.js'
import type { FuzzTarget } from './FuzzTarget.js'
import { broken, errorLaw, judged, normalize, OK, type Verdict } from './laws.js'
import { mutatedDocument } from './mutateDocument.js'
import { POLICY_SEEDS, SCENARIO_SEEDS, SCRIPT_SEEDS, type Seed, TWO_KEYS_TEXT } from './seeds.js'

/** Text derived from one of the seeds. */
export const documentFrom = (seeds: Seed[]) =>
  fc.constantFrom(...seeds).chain((s) => mutatedDocument(s.value, s.text))

/** Issues are data a person can act on: each has a message and a path, and a location when it has one. */
function issuesLaw(issues: unknown): Verdict {
  if (!Array.isArray(issues) || issues.length === 0)
    return broken('issues as data', 'a failed load with no issues')
  for (const issue of issues as Issue[]) {
    if (typeof issue.message !== 'string' || issue.message.trim() === '' || !Array.isArray(issue.path)) {
      return broken('issues as data', 'an issue without message or path', JSON.stringify(issue))
    }
    for (const n of [issue.line, issue.column]) {
      if (n !== undefined && !(Number.isInteger(n) && n >= 1)) {
        return broken(
          'issues as data',
          'an issue located at a line or column that is not a positive whole number',
          JSON.stringify(issue),
        )
      }
    }
    if (issue.message.includes('[object Object]')) {
      return broken('issues name the thing', normalize(issue.message), issue.message)
    }
  }
  formatIssues(issues as Issue[], { color: false })
  return OK
}

/** A safe loader returns; it never throws. */
function safely<T>(load: () => T, what: string): { value: T } | { verdict: Verdict } {
  try {
    return { value: load() }
  } catch (error) {
    const message = error instanceof Error ? `${error.constructor.name}: ${error.message}` : String(error)
    return {
      verdict: broken(
        'safe loaders never throw',
        `${what} threw ${normalize(message)}`,
        error instanceof Error ? (error.stack ?? message) : message,
      ),
    }
  }
}

export const policyTarget: FuzzTarget<string, null> = {
  name: 'policy',
  weight: 14,
  arbitrary: documentFrom(POLICY_SEEDS),
  timeLimitMs: 10_000,
  setup: async () => null,
  async run(text) {
    const safe = safely(() => safeLoadPolicy(text, 'fuzz.yaml'), 'safeLoadPolicy')
    if ('verdict' in safe) return safe.verdict
    const result = safe.value
    let thrown: unknown
    try {
      loadPolicy(text, 'fuzz.yaml')
    } catch (error) {
      thrown = error
    }
    if (!result.success) {
      const issues = issuesLaw(result.issues)
      if (!issues.ok) return issues
      if (thrown === undefined)
        return broken('loadPolicy agrees', 'safeLoadPolicy failed but loadPolicy returned')
      return errorLaw(thrown, new Set(['POLICY_INVALID']))
    }
    if (thrown !== undefined)
      return broken('loadPolicy agrees', 'safeLoadPolicy succeeded but loadPolicy threw', String(thrown))
    const policy = result.policy
    return judged(async () => {
      // A valid policy survives JSON and keeps its hash; it builds a machine, diagrams and an engine.
      const hash = hashPolicy(policy)
      const again = safeParsePolicy(JSON.parse(JSON.stringify(policy)))
      if (!again.success || hashPolicy(again.policy) !== hash) {
        return broken(
          'policies round-trip',
          'a valid policy does not survive JSON with its hash',
          JSON.stringify(again),
        )
      }
      const machine = createInitiativeMachine(policy)
      toMermaid(machine)
      toDot(machine)
      const sponsor = policy.principals.find((p) => p.roles.includes('sponsor'))
      const engine = createEngine({ policy })
      try {
        const { initiativeId } = await engine.propose({
          by: sponsor?.id ?? 'nobody',
          title: 'Fuzz',
          objective: policy.objectives[0] ?? 'infrastructure',
          scope: { kind: 'federal' },
        })
        await engine.submit(initiativeId, { by: sponsor?.id ?? 'nobody' })
      } catch (error) {
        return errorLaw(error, COMMAND_CODES)
      }
      return OK
    })
  },
  finish: async () => [],
  teardown: async () => {},
  reproducer: (text) => ({ files: { 'policy.yaml': text }, command: 'twokeys validate policy.yaml' }),
}

export const scenarioTarget: FuzzTarget<string, { dir: string }> = {
  name: 'scenario',
  weight: 8,
  arbitrary: documentFrom(SCENARIO_SEEDS),
  timeLimitMs: 10_000,
  setup: async () => ({ dir: mkdtempSync(join(tmpdir(), 'twokeys-fuzz-scenario-')) }),
  async run(text, { dir }) {
    const safe = safely(() => safeLoadScenario(text, 'fuzz.yaml'), 'safeLoadScenario')
    if ('verdict' in safe) return safe.verdict
    if (!safe.value.success) {
      const issues = issuesLaw(safe.value.issues)
      if (!issues.ok) return issues
    }
    const path = join(dir, 'scenario.yaml')
    writeFileSync(path, text)
    return judged(
      async () => {
        loadScenarioFile(path)
        return OK
      },
      new Set(['SCENARIO_INVALID']),
    )
  },
  finish: async () => [],
  teardown: async ({ dir }) => rmSync(dir, { recursive: true, force: true }),
  reproducer: (text) => ({
    files: { 'scenario.yaml': text },
    command: 'twokeys simulate two-keys.yaml --scenario scenario.yaml --replications 2 --workers 1',
  }),
}

export const scriptTarget: FuzzTarget<string, { dir: string }> = {
  name: 'script',
  weight: 8,
  arbitrary: documentFrom(SCRIPT_SEEDS),
  timeLimitMs: 15_000,
  async setup() {
    const dir = mkdtempSync(join(tmpdir(), 'twokeys-fuzz-script-'))
    writeFileSync(join(dir, 'two-keys.yaml'), TWO_KEYS_TEXT)
    return { dir }
  },
  async run(text, { dir }) {
    const path = join(dir, 'script.yaml')
    writeFileSync(path, text)
    return judged(
      async () => {
        const { script, policyPath } = loadScriptFile(path)
        const policy = loadPolicyFile(policyPath)
        const run = await runScript(script, policy)
        if (run.steps.length !== script.steps.length)
          return broken('scripts run every step', 'a step is missing from the run')
        return OK
      },
      new Set(['COMMAND_INVALID', 'POLICY_INVALID', ...COMMAND_CODES]),
    )
  },
  finish: async () => [],
  teardown: async ({ dir }) => rmSync(dir, { recursive: true, force: true }),
  reproducer: (text) => ({
    files: { 'script.yaml': text, 'two-keys.yaml': TWO_KEYS_TEXT },
    command: 'twokeys run script.yaml',
  }),
}
