import { describe, expect, it } from 'vitest'
import { safeLoadPolicy } from '../../src/policy/loadPolicy.js'
import { phraseOf } from '../../src/policy/phrased.js'
import {
  POLICY_MESSAGES,
  type PolicyMessageKey,
  type PolicyMessageParams,
  type PolicyPhrase,
  renderPolicyPhrase,
} from '../../src/policy/policyMessages.js'
import { POLICY_MESSAGES_RU } from '../../src/policy/policyMessages.ru.js'
import { latinWords } from '../cli/latinWords.js'

const CYRILLIC = /[А-Яа-яЁё]/
const listed = { ids: ['alpha', 'beta'], total: 12 }
const text = { kind: 'text', text: '"Two Keys"' } as const

/** A sample of every message's parameters: a key without one fails the typecheck. */
const SAMPLES: { [K in PolicyMessageKey]: PolicyMessageParams<K>[] } = {
  'schema.unknownField': [
    { field: 'quorom', where: 'keys[1]', near: 'quorum', fields: [] },
    { field: 'colour', where: null, fields: ['version', 'id'] },
  ],
  'schema.moreUnknownFields': [{ more: 3, where: 'keys[1]', next: 'zz20' }],
  'schema.emptyDocument': [{ what: 'policy' }, { what: 'scenario' }, { what: 'script' }],
  'schema.notAMapping': [
    { what: 'policy', got: { kind: 'list', length: 2 } },
    { what: 'scenario', got: text },
    { what: 'script', got: { kind: 'list', length: 1 } },
  ],
  'schema.missingField': [{ field: 'label', parent: 'keys[1]', expected: 'string', description: 'A label.' }],
  'schema.invalidType': [
    { expected: 'number', got: text, hint: { kind: 'unquote', value: '30' } },
    { expected: 'int', got: { kind: 'number', value: 1.5 }, hint: { kind: 'wholeNumber', example: 2 } },
    { expected: 'boolean', got: text, hint: { kind: 'trueOrFalse' } },
    { expected: 'array', got: text, hint: { kind: 'asList', value: 'alpha' } },
    { expected: 'string', got: { kind: 'boolean', value: true }, hint: { kind: 'quote', value: 'true' } },
    { expected: 'object', got: { kind: 'empty' }, hint: { kind: 'giveValue' } },
    {
      expected: 'object',
      got: { kind: 'nothing' },
      hint: { kind: 'fields', fields: ['allowed', 'maxDays'] },
    },
    { expected: 'null', got: { kind: 'mapping' }, hint: null },
  ],
  'schema.badVersion': [{ got: { kind: 'number', value: 2 }, version: '1' }],
  'schema.expectedValue': [{ expected: '"signed"', got: text }],
  'schema.notAllowed': [
    { got: text, allowed: ['"plenary"', '"lapse"'], near: 'plenary' },
    { got: text, allowed: ['"plenary"', '"lapse"'] },
  ],
  'schema.emptyList': [
    { minimum: 1, field: 'principals' },
    { minimum: 2, field: 'unknown-list' },
  ],
  'schema.emptyText': [{ got: { kind: 'text', text: '""' }, field: 'label' }],
  'schema.textTooShort': [{ got: text, minimum: 3 }],
  'schema.lessThan': [{ got: { kind: 'number', value: 0 }, minimum: 1 }],
  'schema.notGreaterThan': [{ got: { kind: 'number', value: 0 }, minimum: 0 }],
  'schema.listTooLong': [
    { length: 300, maximum: 200 },
    { length: null, maximum: 200 },
  ],
  'schema.textTooLong': [
    { length: 300, maximum: 200 },
    { length: null, maximum: 200 },
  ],
  'schema.aboveMaximum': [{ got: { kind: 'number', value: 400 }, maximum: 365 }],
  'schema.invalidFormat': [
    {
      got: text,
      field: 'id',
      rule: 'use lowercase letters, digits and dashes, starting with a letter or digit',
      example: 'two-keys',
    },
  ],
  'schema.noVariant': [
    { message: 'Invalid input', discriminator: null, options: [] },
    {
      message: "Invalid discriminator value. Expected 'x' | 'y'",
      discriminator: 'kind',
      options: ['x', 'y'],
    },
  ],
  'schema.badKey': [
    { message: 'Invalid key in record', key: 'alpha' },
    { message: 'Invalid key in record', key: null },
  ],
  'schema.notMultipleOf': [
    { message: 'Invalid number: must be a multiple of 5', got: { kind: 'number', value: 7 }, divisor: 5 },
  ],
  'schema.badId': [
    {
      problem: {
        key: 'recordId.badCharacter',
        params: { shown: '"kazan datacentre"', char: ' ', position: 6 },
      },
    },
    { problem: { key: 'recordId.empty', params: {} } },
  ],
  'schema.other': [],
  'scenario.sharesSum': [{ approve: 0.5, refuse: 0.2, amend: 0.2 }],
  'scenario.warmupPastHorizon': [{ warmupDays: 100, horizonDays: 100 }],
  'policy.tooManyIssues': [{ more: 8, next: 'keys[60].holders[0]' }],
  'syntax.yaml': [
    { detail: 'Implicit map keys need to be followed by map values', advice: 'colon' },
    { detail: 'Unexpected scalar', advice: null },
  ],
  'syntax.tooDeep': [{ detail: 'Maximum call stack size exceeded' }],
  'syntax.fieldTwice': [{ field: 'quorum' }],
  'references.duplicateId': [
    { kind: 'principal', id: 'alpha', where: 'principals', first: 0 },
    { kind: 'key', id: 'alpha', where: 'keys', first: 0 },
    { kind: 'region', id: 'alpha', where: 'regions', first: 0 },
    { kind: 'objective', id: 'alpha', where: 'objectives', first: 0 },
  ],
  'references.noHolders': [{ key: 'alpha' }],
  'references.quorumAboveHolders': [{ quorum: 3, holders: 1, key: 'alpha' }],
  'references.institutionTwice': [{ institution: 'alpha', other: 'beta' }],
  'references.holderTwice': [{ holder: 'alpha', key: 'beta' }],
  'references.holderNotPrincipal': [
    { holder: 'alpha', key: 'beta', fix: { near: 'alpha-1' } },
    { holder: 'alpha', key: 'beta', fix: { known: listed } },
  ],
  'references.holdsTwoKeys': [{ holder: 'alpha', other: 'beta', key: 'gamma' }],
  'references.holderOutsideInstitution': [
    { holder: 'alpha', institution: 'beta', key: 'gamma', keyInstitution: 'delta' },
  ],
  'references.noMaxDays': [{ key: 'alpha' }],
  'references.deputyNotPrincipal': [{ deputy: 'alpha', key: 'beta', fix: { known: listed } }],
  'references.behindTwoKeys': [{ id: 'alpha', key: 'beta', institution: 'gamma', other: 'delta' }],
  'references.governorNotPrincipal': [{ governor: 'alpha', region: 'beta', fix: { near: 'alpha-1' } }],
  'references.translationUnknown': [
    { id: 'alpha', kind: 'principal', field: 'principals', known: listed },
    { id: 'alpha', kind: 'objective', field: 'objectives', known: listed },
  ],
  'references.memberNotPrincipal': [{ member: 'alpha', fix: { known: listed } }],
  'references.memberTwice': [{ member: 'alpha' }],
  'references.plenaryQuorumAboveMembers': [{ quorum: 5, members: 1 }],
  'references.commissionLapses': [{}],
  'references.noSponsor': [{}],
  'references.unknownObjective': [
    { objective: 'alpha', objectives: listed, near: 'alpha-1' },
    { objective: 'alpha', objectives: listed },
  ],
  'references.trackNeedsScope': [
    { track: 'regional', needs: 'regional', others: ['federal'] },
    { track: 'export', needs: 'export', others: ['federal', 'regional'] },
  ],
  'references.noRegions': [{}],
  'conditions.allConditional': [{}],
  'conditions.parse': [
    { key: 'alpha', at: 8, detail: '"budget" is a number; found the end', condition: 'budget >' },
  ],
  'conditions.notSubstantive': [{ key: 'alpha', field: 'budget', content: 'budget' }],
  'conditions.unknownObjective': [{ key: 'alpha', value: 'beta', objectives: ['gamma'], near: 'gamma' }],
  'conditions.unknownScope': [{ key: 'alpha', value: 'beta' }],
  'warnings.amendmentReroutes': [
    {
      field: 'scope',
      rule: 0,
      route: { when: { scope: ['export'] }, track: 'export' },
      before: 'federal',
      beforeTrack: 'federal',
      after: 'export',
      afterTrack: 'export',
    },
    {
      field: 'objective',
      rule: 2,
      route: null,
      before: 'alpha',
      beforeTrack: 'federal',
      after: 'beta',
      afterTrack: 'export',
    },
  ],
}

/** The ids and values the samples carry: they stay as written in every language. */
const IDS = [
  'alpha',
  'beta',
  'gamma',
  'delta',
  'alpha-1',
  'federal',
  'regional',
  'export',
  'budget',
  'plenary',
]

describe('the policy messages in Russian', () => {
  const phrases = Object.entries(SAMPLES).flatMap(([key, samples]) =>
    (samples as object[]).map((params) => ({ key, params }) as PolicyPhrase),
  )

  it('word every key, and say no English of their own beyond the ids and what the author or a parser wrote', () => {
    for (const phrase of phrases) {
      const ru = renderPolicyPhrase(phrase, POLICY_MESSAGES_RU)
      expect(ru, phrase.key).toMatch(CYRILLIC)
      // A parser's own words (yaml's, the condition grammar's) are quoted «…»; the README's section title too.
      expect(latinWords(ru.replace(/^budget >$/m, ''), IDS), phrase.key).toEqual([])
    }
    const worded = new Set(phrases.map((p) => p.key))
    // zod's rare issues keep zod's English, in every language.
    expect(Object.keys(POLICY_MESSAGES).filter((k) => !worded.has(k as PolicyMessageKey))).toEqual([
      'schema.other',
    ])
  })

  it("give each issue a phrase whose English is the issue's message, byte for byte", () => {
    const variants = [
      'version: 2\n',
      'version: 1\nid: Two Keys\ntitle: ""\nprincipals: []\nkeys: {}\nzz: 1\n',
      'version: 1\nid: x\ntitle: x\nprincipals: [{ id: a, name: A, institution: a, roles: [sponsor] }]\nkeys: [{ id: k, label: K, institution: a, holders: [b], quorum: 2 }]\n',
    ]
    let checked = 0
    for (const text of variants) {
      const result = safeLoadPolicy(text, 'x.yaml')
      expect(result.success).toBe(false)
      if (result.success) continue
      for (const issue of result.issues) {
        const phrase = phraseOf<PolicyPhrase>(issue)
        expect(phrase, issue.message).toBeDefined()
        if (phrase !== undefined) expect(renderPolicyPhrase(phrase)).toBe(issue.message)
        // The phrase is not part of the issue as data.
        expect(Object.keys(issue)).not.toContain('phrase')
        checked++
      }
    }
    expect(checked).toBeGreaterThan(5)
  })
})
