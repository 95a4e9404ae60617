import { afterEach, describe, expect, it } from 'vitest'
import { createInitiativeMachine } from '../../machines/initiative.js'
import { setCliLanguage } from '../../src/cli/cliLanguage.js'
import { ENGLISH_WORDS, RUSSIAN_WORDS } from '../../src/cli/cliWords.js'
import { keySummary } from '../../src/cli/formatBoard.js'
import { keyBoard } from '../../src/engine/keyBoard.js'
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
  return boards
}

describe("the CLI's words", () => {
  afterEach(() => setCliLanguage('en'))

  it('say each key line exactly as the engine’s board does, in English, for every status', () => {
    const statuses = new Set<string>()
    for (const [name, max] of POLICIES) {
      for (const board of boardsOf(name, max)) {
        const active = !['completed', 'withdrawn', 'lapsed'].includes(board.phase)
        for (const line of board.keys) {
          statuses.add(line.status)
          expect(keySummary(line, ENGLISH_WORDS, active), `${name}: ${JSON.stringify(line)}`).toBe(
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
