import { afterEach, describe, expect, it } from 'vitest'
import { createInitiativeMachine } from '../../machines/initiative.js'
import { setCliLanguage } from '../../src/cli/cliLanguage.js'
import { ENGLISH_WORDS, RUSSIAN_WORDS } from '../../src/cli/cliWords.js'
import { keyBoard } from '../../src/engine/keyBoard.js'
import { keySummary } from '../../src/engine/keySummary.js'
import { createExpander } from '../../src/explore/expander.js'
import type { InitiativeSnapshot } from '../../src/explore/InitiativeSnapshot.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { twokeys } from '../support/runCli.js'

// council.yaml's approvals expire after 30 days: deeper in its space, keys show as expired.
const POLICIES: [string, number][] = [
  ['two-keys', 300],
  ['council', 600],
  ['president-over-10bn', 300],
  ['seed', 300],
]

const MONTH = 31 * 24 * 3600 * 1000

/** The boards of the first `max` states the explorer reaches on a shipped policy, breadth first. */
function boardsOf(name: string, max = 300) {
  const policy = loadPolicyFile(`machines/policies/${name}.yaml`)
  const expander = createExpander(policy, createInitiativeMachine(policy), { symmetry: false })
  const queue: InitiativeSnapshot[] = [expander.initial]
  const seen = new Set<string>()
  const boards = []
  while (queue.length > 0 && seen.size < max) {
    const state = queue.shift() as InitiativeSnapshot
    const key = JSON.stringify([state.value, state.context])
    if (seen.has(key)) continue
    seen.add(key)
    // At the state's own time, and a month on: approvals may have expired since the last event.
    if (state.context.sponsor !== null) {
      boards.push(
        keyBoard(policy, state, state.context.now),
        keyBoard(policy, state, state.context.now + MONTH),
      )
    }
    expander.expand(state, (_e, _c, after) => queue.push(after))
  }
  return { policy, boards }
}

describe("the CLI's words", () => {
  afterEach(() => setCliLanguage('en'))

  it('say each key line exactly as the engine’s board does, in English, for every status', () => {
    const statuses = new Set<string>()
    for (const [name, max] of POLICIES) {
      const { policy, boards } = boardsOf(name, max)
      for (const board of boards) {
        const active = !['completed', 'withdrawn', 'lapsed'].includes(board.phase)
        for (const line of board.keys) {
          statuses.add(line.status)
          const key = policy.keys.find((k) => k.id === line.key)
          if (key === undefined) throw new Error(`no key ${line.key}`)
          const facts = { key, lifetimeDays: policy.approvals.lifetimeDays, active }
          // The same facts in Russian: every status has its Russian words, the ids kept.
          const russian = keySummary(line, facts, RUSSIAN_WORDS.summary)
          expect(russian, `${name}: ${JSON.stringify(line)}`).toMatch(/[А-Яа-яЁё]/)
          if (line.status === 'turned') for (const a of line.approvals) expect(russian).toContain(a.by)
          expect(keySummary(line, facts, ENGLISH_WORDS.summary), `${name}: ${JSON.stringify(line)}`).toBe(
            line.summary,
          )
        }
      }
    }
    expect([...statuses].sort()).toEqual(['expired', 'pending', 'refused', 'stale', 'turned', 'waived'])
  })

  it('have a Russian word for everything the English says', () => {
    const shape = (o: object) =>
      Object.entries(o)
        .map(([k, v]) => `${k}:${typeof v === 'object' ? Object.keys(v).sort().join(',') : typeof v}`)
        .sort()
    expect(shape(RUSSIAN_WORDS)).toEqual(shape(ENGLISH_WORDS))
  })

  it('--lang ru prints the run and its boards in Russian; ids, codes and times stay as they are', async () => {
    const ru = await twokeys('--lang', 'ru', 'run', 'examples/seed-reach-walkthrough.yaml')
    expect(ru.code, ru.stderr).toBe(0)
    expect(ru.stdout).toContain('✖ отказано NOT_AUTHORIZED (как и ожидалось)')
    expect(ru.stdout).toContain('Итоговое табло')
    expect(ru.stdout).toContain('— завершена, трек regional · редакция 1')
    expect(ru.stdout).toContain('повёрнут  повернул oreshkin')
    expect(ru.stdout).toContain('не нужен  не применяется: он нужен только когда budget > 10_000_000_000')
    expect(ru.stdout).toContain('внедрение: minzifry принято, minpromtorg принято')
    expect(ru.stdout).toMatch(/принято: 23, отказано: 4$/m)
    for (const english of ['accepted', 'Final board', 'turned by', 'waiting for', 'as expected']) {
      expect(ru.stdout).not.toMatch(new RegExp(`^(?!\\s*\\d+ ).*\\b${english}\\b`, 'm'))
    }
  })
})
