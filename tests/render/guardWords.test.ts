import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createInitiativeMachine } from '../../machines/initiative.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { ENGLISH_GUARD_WORDS } from '../../src/render/guardWords.js'
import { RUSSIAN_GUARD_WORDS } from '../../src/render/guardWords.ru.js'
import { toMermaid } from '../../src/render/toMermaid.js'
import { checkMermaid } from './checkMermaid.js'

const POLICIES = [
  ...readdirSync('machines/policies').map((f) => `machines/policies/${f}`),
  'examples/policies/seed-one-key.yaml',
  'tests/fixtures/policies/three-keys-deputies.yaml',
  'tests/fixtures/policies/analyze-power-council.yaml',
]

/** Every guard condition drawn on a chart: the text inside `[…]` after an event or an arrow. */
const conditions = (mermaid: string) => [...mermaid.matchAll(/ \[([^\]]*)\]/g)].map((m) => m[1] as string)
/** The chart with its conditions left out: what the words must not change. */
const withoutConditions = (mermaid: string) => mermaid.replaceAll(/ \[[^\]]*\]/g, ' […]')

describe("the chart's guard conditions in Russian", () => {
  it.each(POLICIES)('%s: the same chart, every condition in Russian words', (file) => {
    const machine = createInitiativeMachine(loadPolicyFile(file))
    const english = toMermaid(machine)
    const russian = toMermaid(machine, { guardWords: RUSSIAN_GUARD_WORDS })
    expect(withoutConditions(russian)).toBe(withoutConditions(english))
    expect(checkMermaid(russian)).toEqual([])
    const said = conditions(russian)
    expect(said.length).toBe(conditions(english).length)
    // No guard shows its own name and no English phrase is left (policy expressions are the policy's).
    const guardNames = Object.keys(machine.implementations.guards)
    const englishPhrases = Object.values(ENGLISH_GUARD_WORDS.phrases).filter((p): p is string => p !== null)
    for (const text of said) {
      const words = text.replaceAll(/\([^)]*\)|: [a-z_0-9 ><=!.-]+$/g, '')
      for (const name of guardNames) expect(words, text).not.toMatch(new RegExp(`\\b${name}\\b`))
      for (const phrase of [...englishPhrases, 'else', 'rule', 'or', 'not', 'all keys', 'a key'])
        expect(words, text).not.toMatch(new RegExp(`(^|[ ·])${phrase}($|[ ·])`))
    }
  })

  it('says the conditions of the seed commission as the catalogue words them', () => {
    const russian = toMermaid(createInitiativeMachine(loadPolicyFile('machines/policies/seed.yaml')), {
      guardWords: RUSSIAN_GUARD_WORDS,
    })
    const { phrases } = RUSSIAN_GUARD_WORDS
    expect(russian).toContain(`TICK [${phrases.windowClosed}]`)
    expect(russian).toContain(`SUBMIT [${phrases.actorIsSponsor}]`)
    expect(russian).toContain(`DECIDE [${phrases.isApproval} · ${phrases.reachesQuorum}]`)
    expect(russian).toContain(`PLENARY [${phrases.plenaryQuorumReached}]`)
    expect(russian).toContain(`[${RUSSIAN_GUARD_WORDS.rule(2, 'scope regional', 'regional')}]`)
    expect(russian).toContain(`[${RUSSIAN_GUARD_WORDS.notIf('budget > 10_000_000_000')}]`)
    expect(russian).toContain(`[${RUSSIAN_GUARD_WORDS.otherwise}]`)
  })

  it('has a Russian phrase for every guard the English chart words, and for every guard of the machine', () => {
    const machine = createInitiativeMachine(loadPolicyFile('machines/policies/seed.yaml'))
    const named = Object.keys(machine.implementations.guards).filter(
      (g) => g !== 'routeMatches' && g !== 'keyWaived',
    )
    for (const guard of [...Object.keys(ENGLISH_GUARD_WORDS.phrases), ...named])
      expect(RUSSIAN_GUARD_WORDS.phrases, guard).toHaveProperty(guard)
  })
})
