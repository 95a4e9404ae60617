import { describe, expect, it } from 'vitest'
import { PHASES } from '../../machines/describeState.js'
import { PHASE_NAMES_RU } from '../../machines/phaseNames.ru.js'
import { ENGLISH_AUDIT_WORDS, RUSSIAN_AUDIT_WORDS } from '../../src/cli/auditWords.js'
import { ENGLISH_WORDS, RUSSIAN_WORDS } from '../../src/cli/cliWords.js'
import {
  ENGLISH_HISTORY_WORDS,
  RUSSIAN_EVENT_WORDS,
  RUSSIAN_HISTORY_WORDS,
} from '../../src/cli/historyWords.js'
import { russianMetric, russianSimulationWords, russianSweepWords } from '../../src/cli/simulationWords.ru.js'
import { ENGLISH_VALIDATE_WORDS, RUSSIAN_VALIDATE_WORDS } from '../../src/cli/validateWords.js'
import { RUSSIAN_VERIFY_WORDS, russianDay } from '../../src/cli/verifyWords.ru.js'
import { INVARIANTS } from '../../src/invariants/invariants.js'
import { INVARIANT_TEXTS_RU } from '../../src/invariants/invariantTexts.ru.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { ENGLISH_EVENT_WORDS } from '../../src/render/describeEvent.js'
import { RUSSIAN_ACTION_WORDS } from '../../src/script/actionWords.ru.js'
import { ENGLISH_ACTION_WORDS } from '../../src/script/describeAction.js'
import { russianPlural } from '../../src/script/russianPlural.js'
import { describeMetric } from '../../src/simulate/describeMetric.js'
import { ENGLISH_SIMULATION_WORDS, ENGLISH_SWEEP_WORDS } from '../../src/simulate/formatSimulation.js'
import { ENGLISH_VERIFY_WORDS } from '../../src/verify/formatVerifyResult.js'
import { ru } from '../../web/src/i18n/ru.js'

const CYRILLIC = /[А-Яа-яЁё]/

/** A table's keys and what each holds (a word, a function, a nested table), sorted. */
const shape = (o: object): string[] =>
  Object.entries(o)
    .flatMap(([k, v]) =>
      typeof v === 'object' && v !== null ? shape(v).map((s) => `${k}.${s}`) : [`${k}:${typeof v}`],
    )
    .sort()

/** The page's i18next template with its {{parameters}} filled in. */
const fill = (template: string, params: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name]))

describe('the words tables of --lang ru', () => {
  const policy = loadPolicyFile('machines/policies/two-keys.yaml')
  const tables: [string, object, object][] = [
    ['run and board', ENGLISH_WORDS, RUSSIAN_WORDS],
    ['verify', ENGLISH_VERIFY_WORDS, RUSSIAN_VERIFY_WORDS],
    ['simulate and compare', ENGLISH_SIMULATION_WORDS, russianSimulationWords([policy])],
    ['sweep', ENGLISH_SWEEP_WORDS, russianSweepWords(policy)],
    ['validate', ENGLISH_VALIDATE_WORDS, RUSSIAN_VALIDATE_WORDS],
    ['audit', ENGLISH_AUDIT_WORDS, RUSSIAN_AUDIT_WORDS],
    ['history', ENGLISH_HISTORY_WORDS, RUSSIAN_HISTORY_WORDS],
    ['step actions', ENGLISH_ACTION_WORDS, RUSSIAN_ACTION_WORDS],
    ['event details', ENGLISH_EVENT_WORDS, RUSSIAN_EVENT_WORDS],
  ]

  it.each(tables)('%s: a Russian word for everything the English says', (_name, en, ru) => {
    expect(shape(ru)).toEqual(shape(en))
    // Every plain word of the Russian table is Russian (or a mark such as "до").
    for (const [key, value] of Object.entries(ru)) {
      if (typeof value === 'string' && value.trim() !== '') expect(value, key).toMatch(CYRILLIC)
    }
  })

  it("names each invariant in Russian from one source, the page's", () => {
    // The page reads the same object: one text for both faces.
    expect(ru.invariants).toBe(INVARIANT_TEXTS_RU)
    expect(Object.keys(INVARIANT_TEXTS_RU).sort()).toEqual(INVARIANTS.map((i) => i.id).sort())
    for (const { name, statement } of Object.values(INVARIANT_TEXTS_RU)) {
      expect(name).toMatch(CYRILLIC)
      expect(statement).toMatch(CYRILLIC)
    }
  })

  it('names every phase in Russian, each differently', () => {
    expect(Object.keys(PHASE_NAMES_RU).sort()).toEqual([...PHASES].sort())
    for (const name of Object.values(PHASE_NAMES_RU)) expect(name).toMatch(CYRILLIC)
    expect(new Set(Object.values(PHASE_NAMES_RU)).size).toBe(PHASES.length)
  })

  it("words a step's action as the page does in Russian", () => {
    const a = ru.stepActions as Record<string, string>
    const plural = new Intl.PluralRules('ru')
    expect(RUSSIAN_ACTION_WORDS.propose('Kazan DC', 'infrastructure', 'regional')).toBe(
      fill(a.propose as string, { title: 'Kazan DC', objective: 'infrastructure', scope: ru.scope.regional }),
    )
    for (const decision of ['approve', 'refuse'] as const) {
      expect(RUSSIAN_ACTION_WORDS.decision(decision, 'k')).toBe(fill(a[decision] as string, { key: 'k' }))
    }
    expect(RUSSIAN_ACTION_WORDS.revoke('k')).toBe(fill(a.revoke as string, { key: 'k' }))
    for (const days of [1, 2, 5, 11, 14, 21, 22, 1.5]) {
      const template = a[`delegate_${plural.select(days)}`] as string
      expect(RUSSIAN_ACTION_WORDS.delegate('d', 'k', days), String(days)).toBe(
        fill(template, { deputy: 'd', key: 'k', count: days }),
      )
    }
    expect(RUSSIAN_ACTION_WORDS.respond(true, 'r')).toBe(fill(a.accept as string, { target: 'r' }))
    expect(RUSSIAN_ACTION_WORDS.respond(false, 'r')).toBe(fill(a.decline as string, { target: 'r' }))
    expect(RUSSIAN_ACTION_WORDS.ministry(true, 'm')).toBe(fill(a.ministryAccept as string, { target: 'm' }))
    expect(RUSSIAN_ACTION_WORDS.ministry(false, 'm')).toBe(fill(a.ministryDecline as string, { target: 'm' }))
    expect(RUSSIAN_ACTION_WORDS.destination(true, 'x')).toBe(fill(a.agreed as string, { destination: 'x' }))
    expect(RUSSIAN_ACTION_WORDS.destination(false, 'x')).toBe(
      fill(a.declined as string, { destination: 'x' }),
    )
    expect(RUSSIAN_ACTION_WORDS.amend('title')).toBe(fill(a.amend as string, { fields: 'title' }))
    for (const word of ['plenary', 'submit', 'withdraw', 'complete'] as const) {
      expect(RUSSIAN_ACTION_WORDS[word]).toBe(a[word])
    }
  })

  it("words a recorded event as the page's Russian audit trail does", () => {
    const e = ru.events as Record<string, string>
    expect(RUSSIAN_EVENT_WORDS.submitted).toBe(e.submitted)
    expect(RUSSIAN_EVENT_WORDS.decision('approve', 'k')).toBe(fill(e.approve as string, { key: 'k' }))
    expect(RUSSIAN_EVENT_WORDS.decision('refuse', 'k')).toBe(fill(e.refuse as string, { key: 'k' }))
    expect(RUSSIAN_EVENT_WORDS.revokes('k')).toBe(fill(e.revokes as string, { key: 'k' }))
    expect(RUSSIAN_EVENT_WORDS.answers('t', true)).toBe(fill(e.accepts as string, { target: 't' }))
    expect(RUSSIAN_EVENT_WORDS.answers('t', false)).toBe(fill(e.declines as string, { target: 't' }))
    expect(RUSSIAN_EVENT_WORDS.agrees('d', true)).toBe(fill(e.agrees as string, { destination: 'd' }))
    expect(RUSSIAN_EVENT_WORDS.agrees('d', false)).toBe(fill(e.disagrees as string, { destination: 'd' }))
    for (const word of [
      'withdrawn',
      'deadline',
      'plenaryVote',
      'rolloutComplete',
      'until',
      'unreadable',
    ] as const) {
      expect(RUSSIAN_EVENT_WORDS[word]).toBe(e[word])
    }
  })

  it('puts a count in the plural form Russian gives it (Intl.PluralRules is the oracle)', () => {
    const plural = new Intl.PluralRules('ru')
    const forms = { one: 'день', few: 'дня', many: 'дней', other: 'дня' } as const
    for (const n of [...Array.from({ length: 250 }, (_, i) => i), 1001, 1011, 1.5, 0.5]) {
      const form = forms[plural.select(n) as keyof typeof forms]
      expect(russianPlural(n, ['день', 'дня', 'дней']), String(n)).toBe(`${n} ${form}`)
    }
  })

  it('labels every metric a simulation reports in Russian', () => {
    const names = [
      'arrivals',
      'approvedPer30',
      'completedPer30',
      'wip.mean',
      'approvalRate',
      'refusalRate',
      'amendmentRate',
      'amendmentsPerInitiative',
      'escalationRate',
      'lapseRate',
      'withdrawalRate',
      'slaApprovalBreach',
      'slaCompletionBreach',
      'approvalDays.mean',
      'approvalDays.p50',
      'completionDays.p99',
      'lastKey.presidential-administration',
      'utilisation.oreshkin',
      'queue.oreshkin',
    ]
    for (const name of names) {
      // English knows each (an unknown name is its own label) …
      expect(describeMetric(name, 2).label, name).not.toBe(name)
      // … and so does Russian.
      expect(russianMetric(name, 2), name).toMatch(CYRILLIC)
    }
    expect(russianMetric('approvalDays.p50', 3)).toBe('подача → все 3 ключа повёрнуты и направлена (p50)')
  })

  it("counts a counterexample's days from the proposal, as the English does", () => {
    const day = 24 * 3600 * 1000
    const epoch = Date.UTC(2026, 2, 2)
    expect(russianDay(epoch)).toBe('день 0')
    expect(russianDay(epoch + 30 * day + 1)).toBe('день 30 + 1 мс')
    expect(russianDay(epoch + 2 * day + 3_600_000 + 120_000 + 5000)).toBe('день 2 + 1 ч 2 мин 5 с')
  })
})
