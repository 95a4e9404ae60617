import { afterEach, describe, expect, it } from 'vitest'
import type { RefusalKey } from '../../machines/refusalMessages.js'
import { REFUSAL_MESSAGES_RU } from '../../machines/refusalMessages.ru.js'
import type { InitiativeEvent } from '../../src/domain/InitiativeEvent.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { describeEvent, ENGLISH_EVENT_WORDS } from '../../src/render/describeEvent.js'
import { commandWord, decisionWord, eventTypeWord } from '../../web/src/eventTypeWord.js'
import { en } from '../../web/src/i18n/en.js'
import { useLanguage } from '../../web/src/i18n/language.js'
import { ru } from '../../web/src/i18n/ru.js'
import { eventWords } from '../../web/src/pageEventWords.js'

const ruTexts = ru

const at = Date.UTC(2026, 2, 2, 9)
const content = {
  title: 'GPU cloud',
  summary: '',
  objective: 'infrastructure',
  scope: { kind: 'federal', ministries: [] },
}
/** One event of every type, as the audit trail shows them. */
const EVENTS = [
  { type: 'PROPOSE', by: 'minzifry', at, id: 'i', content },
  { type: 'SUBMIT', by: 'minzifry', at },
  { type: 'AMEND', by: 'minzifry', at, content },
  {
    type: 'DECIDE',
    by: 'oreshkin',
    at,
    key: 'presidential-administration',
    revision: 'r',
    decision: 'approve',
  },
  {
    type: 'DECIDE',
    by: 'grigorenko',
    at,
    key: 'government-apparatus',
    revision: 'r',
    decision: 'refuse',
    reason: 'budget',
  },
  { type: 'REVOKE', by: 'oreshkin', at, key: 'presidential-administration' },
  {
    type: 'DELEGATE',
    by: 'oreshkin',
    at,
    key: 'presidential-administration',
    deputy: 'pa-aide',
    from: at,
    until: at + 864e5,
  },
  { type: 'WITHDRAW', by: 'minzifry', at },
  { type: 'TICK', at },
  { type: 'RESPOND', by: 'gov-tatarstan', at, region: 'tatarstan', accept: true },
  { type: 'MINISTRY', by: 'minek', at, ministry: 'minek', accept: false },
  { type: 'PLENARY', by: 'minek', at, vote: 'return' },
  { type: 'DESTINATION', by: 'mid', at, destination: 'belarus', agreed: true },
  { type: 'COMPLETE', by: 'minzifry', at },
] as InitiativeEvent[]

describe("the audit trail's descriptions of events", () => {
  afterEach(() => useLanguage('en'))

  it('read in English exactly as the CLI history says them', () => {
    useLanguage('en')
    expect(EVENTS.map((e) => describeEvent(e, eventWords()))).toEqual(EVENTS.map((e) => describeEvent(e)))
    expect(EVENTS.map((e) => describeEvent(e, ENGLISH_EVENT_WORDS))).toContain(
      'refuse government-apparatus: "budget"',
    )
  })

  it('read in Russian for every event type; ids, titles and times stay as they are', () => {
    useLanguage('ru')
    const ru = EVENTS.map((e) => describeEvent(e, eventWords()))
    const english = EVENTS.map((e) => describeEvent(e))
    EVENTS.forEach((e, i) => {
      // A proposal or amendment: its title as written, its scope in the page's words, its objective
      // by the policy's name for it (without the policy, its id).
      if (e.type === 'PROPOSE' || e.type === 'AMEND')
        expect(ru[i]).toBe(english[i]?.replace(' · federal', ` · ${ruTexts.scope.federal}`))
      else expect(ru[i], e.type).toMatch(/[А-Яа-яЁё]/)
    })
    const seed = loadPolicyFile('machines/policies/seed.yaml')
    const objective = seed.translations?.ru?.objectives?.infrastructure ?? 'no Russian name'
    expect(describeEvent(EVENTS[0] as InitiativeEvent, eventWords(seed))).toBe(
      `"GPU cloud" · ${objective} · ${ruTexts.scope.federal}`,
    )
    expect(objective).toMatch(/[А-Яа-яЁё]/)
    expect(ru).toContain('отказ по ключу government-apparatus: "budget"')
    expect(ru).toContain('minek: внедрение отклонено')
    expect(describeEvent({ type: 'SUBMIT' } as unknown as InitiativeEvent, eventWords())).toBe(
      'подана на рассмотрение',
    )
    expect(describeEvent(null as unknown as InitiativeEvent, eventWords())).toBe('(не читается)')
  })
})

describe('the engine’s event types on the page', () => {
  afterEach(() => useLanguage('en'))
  const TYPES = EVENTS.map((e) => e.type).filter((type, i, all) => all.indexOf(type) === i)

  it('stay the engine’s own in English, but time passing', () => {
    useLanguage('en')
    expect(TYPES.map(eventTypeWord)).toEqual(TYPES.map((type) => (type === 'TICK' ? en.stage.tick : type)))
    expect([commandWord('decide'), decisionWord('approve')]).toEqual(['decide', 'approve'])
  })

  it('read in Russian as the rules’ catalogue says them in a refusal', () => {
    useLanguage('ru')
    expect(eventTypeWord('DECIDE')).toBe('решение')
    expect(eventTypeWord('TICK')).toBe(ru.stage.tick)
    for (const type of TYPES.filter((t) => t !== 'TICK'))
      expect(eventTypeWord(type), type).toBe(REFUSAL_MESSAGES_RU[`command.${type}` as RefusalKey])
    expect(new Set(TYPES.map(eventTypeWord)).size).toBe(TYPES.length)
    expect(commandWord('submit')).toBe(REFUSAL_MESSAGES_RU['command.SUBMIT'])
    expect(decisionWord('refuse')).toBe(REFUSAL_MESSAGES_RU['decision.refuse'])
    // A type the catalogue does not know stays as it is.
    expect([eventTypeWord('NEW_KIND'), commandWord('new-kind')]).toEqual(['NEW_KIND', 'new-kind'])
  })
})
