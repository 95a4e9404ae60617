import { errorsOf } from '../domain/phrasedError.js'
import type { Issue } from '../domain/TwoKeysError.js'
import { formatIssues } from '../policy/formatIssues.js'

/** Lines set in under their heading. */
export const indent = (text: string) =>
  text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n')

/** What a scenario path leads to, as data, so each language describes it. */
export type NodeShown =
  | { kind: 'list'; length: number; ids: string[] }
  | { kind: 'object'; keys: string[] }
  | { kind: 'value'; type: string; json: string | undefined }

/** A node of a scenario document as a message shows it. */
export function showNode(node: unknown): NodeShown {
  if (Array.isArray(node)) {
    const ids = node.map((item, i) =>
      typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string'
        ? (item as { id: string }).id
        : String(i),
    )
    return { kind: 'list', length: node.length, ids }
  }
  if (typeof node === 'object' && node !== null) return { kind: 'object', keys: Object.keys(node) }
  return { kind: 'value', type: typeof node, json: JSON.stringify(node) }
}

const node = (n: NodeShown) =>
  n.kind === 'list'
    ? `a list of ${n.length} (${n.ids.join(', ')})`
    : n.kind === 'object'
      ? n.keys.length === 0
        ? 'an empty object'
        : `an object with ${n.keys.join(', ')}`
      : `the ${n.type} ${n.json}`

/**
 * The English of the simulator's errors (a run's options, `--vary`, a scenario path, a scenario
 * that does not fit its policy), by message key: the words that were there before they were data,
 * byte for byte. `SIMULATE_MESSAGES_RU` has the same keys with the same parameters.
 */
export const SIMULATE_MESSAGES = {
  'run.replications': (p: { max: number; got: number }) =>
    `replications must be a whole number from 1 to ${p.max.toLocaleString('en')}, not ${p.got}`,
  'run.seed': (p: { max: number; got: number }) =>
    `seed must be a whole number from 0 to ${p.max.toLocaleString('en')}, not ${p.got}`,
  'vary.badRange': (p: { text: string }) =>
    `range "${p.text}" is not a..b:step with a ≤ b and step > 0 (for example 5..40:5)`,
  'vary.tooManyPoints': (p: { text: string; count: number; max: number }) =>
    `range "${p.text}" has ${p.count} points; at most ${p.max}`,
  'vary.notARange': (p: { text: string }) => `range "${p.text}" is not a..b:step (for example 5..40:5)`,
  'vary.emptyItem': (p: { text: string }) => `value list "${p.text}" has an empty item`,
  'vary.tooManyValues': (p: { text: string; count: number; max: number }) =>
    `value list "${p.text}" has ${p.count} values; at most ${p.max}`,
  'vary.notPathValues': (p: { text: string }) =>
    `--vary "${p.text}" is not path=values (for example reviewers.principals.oreshkin.reviewDays.mean=5..40:5)`,
  'vary.noValues': (_: Record<string, never>) => '--vary names no values',
  'vary.invalid': (p: { scenario: string; path: string; value: string; issues: readonly Issue[] }) =>
    `scenario "${p.scenario}" with ${p.path} = ${p.value} is invalid:\n${indent(formatIssues(p.issues, { color: false }))}`,
  'path.unexpected': (p: { path: string; rest: string; at: number }) =>
    `path "${p.path}": unexpected "${p.rest}" at character ${p.at}`,
  'path.emptySegment': (p: { path: string; at: number }) =>
    `path "${p.path}": empty segment at character ${p.at}`,
  'path.missingDot': (p: { path: string; segment: string }) =>
    `path "${p.path}": missing "." before "${p.segment}"`,
  'path.emptyBrackets': (p: { path: string; at: number }) =>
    `path "${p.path}": empty brackets at character ${p.at}`,
  'path.empty': (p: { path: string }) => `path "${p.path}" is empty or ends with "."`,
  'path.noSuch': (p: { path: string; where: string | null; segment: string; node: NodeShown }) =>
    `path "${p.path}": ${p.where === null ? 'the scenario root' : `"${p.where}"`} has no ${p.segment}; it is ${node(p.node)}`,
  'path.notAValue': (p: { path: string; node: NodeShown }) =>
    `path "${p.path}" leads to ${node(p.node)}, not a single value; name one of its fields`,
  'path.otherType': (p: { path: string; type: string; current: string; value: string; valueType: string }) =>
    `path "${p.path}" holds the ${p.type} ${p.current}; ${p.value} is a ${p.valueType}`,
  'model.unknownReviewer': (p: { scenario: string; id: string; policy: string; known: string[] }) =>
    `scenario "${p.scenario}": reviewers.principals names "${p.id}", who is not in policy "${p.policy}"; known: ${p.known.join(', ')}`,
  'model.noReviewer': (p: { scenario: string; id: string; policy: string }) =>
    `scenario "${p.scenario}" says nothing about how "${p.id}" reviews (a holder in policy "${p.policy}"); add reviewers.principals.${p.id}, one of its roles, or reviewers.default`,
  'model.unknownObjective': (p: {
    scenario: string
    objective: string
    policy: string
    objectives: string[]
  }) =>
    `scenario "${p.scenario}": objective "${p.objective}" is not one of policy "${p.policy}"'s (${p.objectives.join(', ')})`,
  'model.cannotExpress': (p: { scenario: string; policy: string; scope: string }) =>
    `scenario "${p.scenario}": policy "${p.policy}" cannot express a ${p.scope} initiative`,
  'model.tooManyRegions': (p: { scenario: string; regions: number; policy: string; has: number }) =>
    `scenario "${p.scenario}": ${p.regions} regions, but policy "${p.policy}" has ${p.has}`,
}

/** A simulator error, worded from {@link SIMULATE_MESSAGES}. */
export const simulateError = errorsOf(SIMULATE_MESSAGES)
