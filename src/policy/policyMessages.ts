import { quoteText } from '../domain/quoteText.js'
import { type RecordIdProblem, recordIdProblemText } from '../domain/recordIdMessages.js'
import type { DocumentKind } from './fileMessages.js'
import type { RoutingRule } from './PolicySchema.js'
import type { Phrased } from './phrased.js'
import { describeWhen } from './routing.js'

/** A value the author wrote, as a message shows it: kind by kind, so each language words it. */
export type Shown =
  | { kind: 'nothing' }
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'list'; length: number }
  | { kind: 'mapping' }
  | { kind: 'other'; text: string }

/** What to do about a value of the wrong type. */
export type TypeHint =
  | { kind: 'unquote'; value: string }
  | { kind: 'wholeNumber'; example: number }
  | { kind: 'trueOrFalse' }
  | { kind: 'asList'; value: string }
  | { kind: 'quote'; value: string }
  | { kind: 'giveValue' }
  | { kind: 'fields'; fields: string[] }

/** Ids for a message: all of a short list, the first few of a long one and how many in all. */
export interface Listed {
  ids: string[]
  total: number
}

/** What to do about an id that names no principal: the likely typo, else the choices. */
export type PrincipalFix = { near: string } | { known: Listed }

export type ItemKind = 'principal' | 'key' | 'region' | 'objective'

const shown = (v: Shown): string => {
  switch (v.kind) {
    case 'nothing':
      return 'nothing'
    case 'empty':
      return 'an empty value'
    case 'text':
      return v.text
    case 'list':
      return `a list of ${v.length}`
    case 'mapping':
      return 'a mapping'
    case 'number':
    case 'boolean':
      return String(v.value)
    default:
      return v.text
  }
}

const received = (v: Shown): string =>
  v.kind === 'text' ? `the text ${v.text}` : v.kind === 'number' ? `the number ${v.value}` : shown(v)

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of fields',
  null: 'an empty value',
}
const expected = (type: string) => EXPECTED[type] ?? type

const ITEM: Record<string, string> = {
  principals: 'principal',
  keys: 'key',
  holders: 'holder',
  routing: 'routing rule',
  objectives: 'objective',
  objective: 'objective',
  scope: 'scope kind',
  substantive: 'field',
}

const hint = (h: TypeHint | null): string => {
  if (h === null) return ''
  switch (h.kind) {
    case 'unquote':
      return `; write ${h.value} without quotes`
    case 'wholeNumber':
      return `; use a whole number such as ${h.example}`
    case 'trueOrFalse':
      return '; write true or false'
    case 'asList':
      return `; write it as a list, e.g. [${h.value}]`
    case 'quote':
      return `; quote it: "${h.value}"`
    case 'giveValue':
      return '; give it a value'
    default:
      return `; write its fields (${h.fields.join(', ')})`
  }
}

const listed = ({ ids, total }: Listed) =>
  total <= ids.length ? ids.join(', ') : `${ids.join(', ')}, … (${total} in all)`

const fixPrincipal = (fix: PrincipalFix) =>
  'near' in fix ? `did you mean "${fix.near}"?` : `add it to principals or use one of: ${listed(fix.known)}`

/** How to start each kind of document from scratch: the shipped example to copy. */
const DOCUMENT_START: Record<DocumentKind, string> = {
  policy: 'a policy document (start from machines/policies/two-keys.yaml)',
  scenario: 'a scenario (start from examples/scenarios/baseline.yaml)',
  script: 'a script (start from examples/seed-walkthrough.yaml)',
}

/** The first fields of each kind of document, as a message lists them. */
export const DOCUMENT_FIELDS: Record<DocumentKind, readonly string[]> = {
  policy: ['version', 'id', 'principals', 'keys'],
  scenario: ['version', 'name', 'horizonDays', 'arrivals', 'mix'],
  script: ['policy', 'start', 'steps'],
}

const inWhere = (where: string | null) => (where === null ? 'at the top level' : `in ${where}`)

/**
 * The English of every issue and warning `validate` reports, by message key: the words that were
 * there before they were data, byte for byte (`--json`, the tests and the README pin them). Each
 * takes the phrase's parameters; `POLICY_MESSAGES_RU` has the same keys with the same parameters.
 * Functions, not templates, because plurals and cases differ between languages.
 */
export const POLICY_MESSAGES = {
  // zod's own issues, worded from their code and parameters (describeIssue)
  'schema.unknownField': (p: { field: string; where: string | null; near?: string; fields: string[] }) =>
    `unknown field ${quoteText(p.field)} ${inWhere(p.where)}; ${
      p.near !== undefined
        ? `did you mean "${p.near}"?`
        : `remove it${p.fields.length > 0 ? ` or use one of: ${p.fields.join(', ')}` : ''}`
    }`,
  'schema.moreUnknownFields': (p: { more: number; where: string | null; next: string }) =>
    `… and ${p.more} more unknown fields ${inWhere(p.where)}, from ${quoteText(p.next)} on; remove them`,
  'schema.emptyDocument': (p: { what: DocumentKind }) =>
    `the ${p.what} is empty; write ${DOCUMENT_START[p.what]}`,
  'schema.notAMapping': (p: { what: DocumentKind; got: Shown }) =>
    `a ${p.what} must be a mapping of fields (${DOCUMENT_FIELDS[p.what].join(', ')}, …), not ${received(p.got)}`,
  'schema.missingField': (p: {
    field: string
    parent: string | null
    expected: string
    description?: string
  }) =>
    `missing required field "${p.field}"${p.parent === null ? ' at the top level' : ` in ${p.parent}`}; add it (${expected(p.expected)}${p.description === undefined ? '' : `: ${p.description}`})`,
  'schema.invalidType': (p: { expected: string; got: Shown; hint: TypeHint | null }) =>
    `expected ${expected(p.expected)}, got ${received(p.got)}${hint(p.hint)}`,
  'schema.badVersion': (p: { got: Shown; version: string }) =>
    `${shown(p.got)} is not a version this twokeys reads; write version: ${p.version}`,
  'schema.expectedValue': (p: { expected: string; got: Shown }) =>
    `expected ${p.expected}, got ${shown(p.got)}`,
  'schema.notAllowed': (p: { got: Shown; allowed: string[]; near?: string }) =>
    p.near !== undefined
      ? `${shown(p.got)} is not allowed; did you mean "${p.near}"? (one of ${p.allowed.join(', ')})`
      : `${shown(p.got)} is not allowed; use one of ${p.allowed.join(', ')}`,
  'schema.emptyList': (p: { minimum: number; field: string }) =>
    `the list is empty; add at least ${p.minimum === 1 ? 'one' : p.minimum} ${ITEM[p.field] ?? 'item'}`,
  'schema.emptyText': (p: { got: Shown; field: string }) => `${shown(p.got)} is empty; write the ${p.field}`,
  'schema.textTooShort': (p: { got: Shown; minimum: number }) =>
    `${shown(p.got)} is too short; write at least ${p.minimum} characters`,
  'schema.lessThan': (p: { got: Shown; minimum: number }) =>
    `${shown(p.got)} is less than ${p.minimum}; use ${p.minimum} or more`,
  'schema.notGreaterThan': (p: { got: Shown; minimum: number }) =>
    `${shown(p.got)} is too small; use a number greater than ${p.minimum}`,
  'schema.listTooLong': (p: { length: number | null; maximum: number }) =>
    `the list has ${p.length ?? 'too many'} items; keep at most ${p.maximum}`,
  'schema.textTooLong': (p: { length: number | null; maximum: number }) =>
    `the text is ${p.length ?? 'too many'} characters long; shorten it to at most ${p.maximum}`,
  'schema.aboveMaximum': (p: { got: Shown; maximum: number }) =>
    `${shown(p.got)} is more than the maximum ${p.maximum}; use ${p.maximum} or less`,
  'schema.invalidFormat': (p: { got: Shown; field: string; rule: string; example?: string }) =>
    `${shown(p.got)} is not a valid ${p.field}: ${p.rule}${p.example === undefined ? '' : `, e.g. "${p.example}"`}`,
  // zod's rare issues: zod's own English as it is; another language words them from their parameters
  'schema.noVariant': (p: { message: string; discriminator: string | null; options: string[] }) => p.message,
  'schema.badKey': (p: { message: string; key: string | null }) => p.message,
  'schema.notMultipleOf': (p: { message: string; got: Shown; divisor: number }) => p.message,
  /** An id checked by its schema (`RecordIdSchema`): the id check's own phrase. */
  'schema.badId': (p: { problem: RecordIdProblem }) => recordIdProblemText(p.problem),
  /** Any other zod issue (a check's own message): its English, in every language. */
  'schema.other': (p: { message: string }) => p.message,
  // a simulation scenario's own checks (ScenarioSchema's refinements)
  'scenario.sharesSum': (p: { approve: number; refuse: number; amend: number }) =>
    `approve + refuse + amend must add up to 1 (they add up to ${Number((p.approve + p.refuse + p.amend).toFixed(6))}); change the shares`,
  'scenario.warmupPastHorizon': (p: { warmupDays: number; horizonDays: number }) =>
    `the warm-up (${p.warmupDays} days) must end before the horizon (${p.horizonDays} days); shorten warmupDays or lengthen horizonDays`,
  'policy.tooManyIssues': (p: { more: number; next: string }) =>
    `… and ${p.more} more issues, the next at ${p.next}; fix these and check again`,
  // the text itself (safeLoadDocument)
  'syntax.yaml': (p: { detail: string; advice: SyntaxAdvice | null }) =>
    `YAML syntax error: ${p.detail}; ${p.advice === null ? 'fix the YAML so that it parses' : SYNTAX_ADVICE[p.advice]}`,
  'syntax.tooDeep': (p: { detail: string }) =>
    `YAML syntax error: the document nests too deeply to read (${p.detail}); flatten it`,
  'syntax.fieldTwice': (p: { field: string }) =>
    `YAML syntax error: the field ${quoteText(p.field)} appears twice in one mapping; keep one`,
  // references between parts of a policy (checkPolicyReferences)
  'references.duplicateId': (p: { kind: ItemKind; id: string; where: string; first: number }) =>
    `duplicate ${p.kind} id "${p.id}" (first defined at ${p.where}[${p.first}]); give each ${p.kind} its own id`,
  'references.noHolders': (p: { key: string }) =>
    `key "${p.key}" has no holders; list at least one principal who can turn it`,
  'references.quorumAboveHolders': (p: { quorum: number; holders: number; key: string }) =>
    `${p.quorum} is more than the ${p.holders} holder${p.holders === 1 ? '' : 's'} of "${p.key}"; lower the quorum or add holders`,
  'references.institutionTwice': (p: { institution: string; other: string }) =>
    `institution "${p.institution}" already holds key "${p.other}"; two keys of one institution are not two keys (TK2), so give each key its own institution`,
  'references.holderTwice': (p: { holder: string; key: string }) =>
    `"${p.holder}" is listed twice as a holder of "${p.key}"; remove the second entry`,
  'references.holderNotPrincipal': (p: { holder: string; key: string; fix: PrincipalFix }) =>
    `holder "${p.holder}" of key "${p.key}" is not a principal; ${fixPrincipal(p.fix)}`,
  'references.holdsTwoKeys': (p: { holder: string; other: string; key: string }) =>
    `"${p.holder}" already holds key "${p.other}"; one principal may hold only one key (TK2), so pick another holder for "${p.key}"`,
  'references.holderOutsideInstitution': (p: {
    holder: string
    institution: string
    key: string
    keyInstitution: string
  }) =>
    `holder "${p.holder}" belongs to "${p.institution}", but key "${p.key}" is the right of "${p.keyInstitution}"; pick a holder from "${p.keyInstitution}" or add it to the principal's affiliations`,
  'references.noMaxDays': (p: { key: string }) =>
    `key "${p.key}" allows deputies but gives no maxDays; set how long a delegation may last, e.g. maxDays: 14`,
  'references.deputyNotPrincipal': (p: { deputy: string; key: string; fix: PrincipalFix }) =>
    `eligible deputy "${p.deputy}" of key "${p.key}" is not a principal; ${fixPrincipal(p.fix)}`,
  'references.behindTwoKeys': (p: { id: string; key: string; institution: string; other: string }) =>
    `"${p.id}" acts for key "${p.key}" but also belongs to "${p.institution}", the institution of key "${p.other}"; one principal would sit behind two keys (TK2) — remove that affiliation or choose another principal`,
  'references.governorNotPrincipal': (p: { governor: string; region: string; fix: PrincipalFix }) =>
    `governor "${p.governor}" of region "${p.region}" is not a principal; ${fixPrincipal(p.fix)}`,
  'references.translationUnknown': (p: { id: string; kind: ItemKind; field: string; known: Listed }) =>
    `"${p.id}" is not ${p.kind === 'objective' ? 'an' : 'a'} ${p.kind} of the policy; translate only its ${p.field} (${listed(p.known)})`,
  'references.memberNotPrincipal': (p: { member: string; fix: PrincipalFix }) =>
    `member "${p.member}" is not a principal; ${fixPrincipal(p.fix)}`,
  'references.memberTwice': (p: { member: string }) =>
    `member "${p.member}" is listed twice; list each member once`,
  'references.plenaryQuorumAboveMembers': (p: { quorum: number; members: number }) =>
    `${p.quorum} is more than the ${p.members} member${p.members === 1 ? '' : 's'} of the commission; lower the quorum or add members`,
  'references.commissionLapses': (_: Record<string, never>) =>
    'the commission votes in a plenary session, but a closed window lapses (onClose: lapse); set onClose: plenary or remove commission',
  'references.noSponsor': (_: Record<string, never>) =>
    'no principal has the role "sponsor", so no initiative can be proposed; add roles: [sponsor] to one',
  'references.unknownObjective': (p: { objective: string; objectives: Listed; near?: string }) =>
    `objective "${p.objective}" is not one of the policy's objectives (${listed(p.objectives)}); ${
      p.near === undefined ? 'add it to objectives or fix the name' : `did you mean "${p.near}"?`
    }`,
  'references.trackNeedsScope': (p: { track: string; needs: 'regional' | 'export'; others: string[] }) =>
    `track "${p.track}" needs ${p.needs === 'regional' ? 'a regional' : 'an export'} scope (its ${p.needs === 'regional' ? 'regions' : 'destinations'}), but this rule also matches scope ${p.others
      .map((s) => `"${s}"`)
      .join(', ')}; add when.scope: [${p.needs}]`,
  'references.noRegions': (_: Record<string, never>) =>
    'routing has a regional track but no regions are defined; add regions with their governors',
  // keys that apply by condition (checkKeyConditions)
  'conditions.allConditional': (_: Record<string, never>) =>
    'every key applies only by condition, so an initiative that meets none would be approved by no one; leave appliesIf off at least one key',
  'conditions.parse': (p: { key: string; at: number; detail: string; condition: string }) =>
    `condition of key "${p.key}" does not parse at character ${p.at + 1}: ${p.detail}\n${p.condition}\n${' '.repeat(p.at)}^\nsee "Keys that apply by condition" in the README for the grammar`,
  'conditions.notSubstantive': (p: { key: string; field: string; content: string }) =>
    `key "${p.key}" applies by "${p.field}", but "${p.content}" is not in amendments.substantive: an amendment could cross the condition and keep its approvals; add "${p.content}" to amendments.substantive`,
  'conditions.unknownObjective': (p: { key: string; value: string; objectives: string[]; near?: string }) =>
    `key "${p.key}": objective "${p.value}" is not one of the policy's objectives (${p.objectives.join(', ')})${p.near === undefined ? '' : `; did you mean "${p.near}"?`}`,
  'conditions.unknownScope': (p: { key: string; value: string }) =>
    `key "${p.key}": scope "${p.value}" is not a kind of scope; use federal, regional or export`,
  // what a valid policy permits that it probably should not (policyWarnings)
  'warnings.amendmentReroutes': (p: {
    field: 'objective' | 'scope'
    rule: number
    route: RouteWords | null
    before: string
    beforeTrack: string
    after: string
    afterTrack: string
  }) =>
    `leaves out "${p.field}", which routing reads (${p.route === null ? `routing[${p.rule}]` : `routing[${p.rule}]: ${describeWhen(p.route)} → track ${p.route.track}`}): an initiative some keys approved as ${p.before} (track ${p.beforeTrack}) can be amended to ${p.after} without a new revision, keep those approvals and be routed to ${p.afterTrack}; add "${p.field}" to amendments.substantive`,
} as const

/** What a routing rule matches and where it sends, as a message's data. */
export type RouteWords = Pick<RoutingRule, 'when' | 'track'>

/** Advice for yaml's syntax errors, by the usual cause (see safeLoadDocument). */
export const SYNTAX_ADVICE = {
  unique: 'a field appears twice in one mapping; keep one',
  colon: 'is a colon missing after a field name (as in `quorum: 1`)?',
  tabs: 'indent with spaces, not tabs',
  quote: 'close the quote',
  commas: 'separate the items with commas',
  brackets: 'close every [ and { that was opened',
  indent: 'check the indentation',
  documents: 'a policy is one document; remove the `---` line or split the file',
} as const
export type SyntaxAdvice = keyof typeof SYNTAX_ADVICE

/** A policy message's key. */
export type PolicyMessageKey = keyof typeof POLICY_MESSAGES
/** The parameters of a policy message. */
export type PolicyMessageParams<K extends PolicyMessageKey> = Parameters<(typeof POLICY_MESSAGES)[K]>[0]
/** A catalogue of policy messages in one language: every key, with the English parameters. */
export type PolicyMessages = { readonly [K in PolicyMessageKey]: (params: PolicyMessageParams<K>) => string }
/** A policy message as data. */
export type PolicyPhrase = { [K in PolicyMessageKey]: Phrased<K, PolicyMessageParams<K>> }[PolicyMessageKey]

/**
 * Makes a phrase; its English is {@link renderPolicyPhrase}.
 *
 * @example
 * policyPhrase('references.noHolders', { key: 'government-apparatus' })
 */
export const policyPhrase = <K extends PolicyMessageKey>(
  key: K,
  params: PolicyMessageParams<K>,
): PolicyPhrase => ({ key, params }) as PolicyPhrase

/**
 * A phrase in words, from `messages` (English by default; `POLICY_MESSAGES_RU` for Russian).
 *
 * @example
 * renderPolicyPhrase(policyPhrase('references.noHolders', { key: 'ga' })) // 'key "ga" has no holders; …'
 */
export function renderPolicyPhrase(phrase: PolicyPhrase, messages: PolicyMessages = POLICY_MESSAGES): string {
  return (messages[phrase.key] as (params: unknown) => string)(phrase.params)
}
