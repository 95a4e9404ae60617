import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createEngine } from '../../../src/engine/createEngine.js'
import { manualClock } from '../../../src/engine/systemClock.js'
import { loadPolicyFile } from '../../../src/policy/loadPolicyFile.js'
import type { Policy } from '../../../src/policy/PolicySchema.js'
import type { Store } from '../../../src/stores/Store.js'
import { sqliteStore } from '../../../src/stores/sqliteStore.js'

export const DAY = 86_400_000
export const START = Date.parse('2026-03-01T09:00:00Z')
export const day = (n: number) => START + n * DAY
export const PA = 'presidential-administration'
export const GA = 'government-apparatus'
export const TWO_KEYS = 'machines/policies/two-keys.yaml'
export const SINGLE_KEY = 'machines/policies/single-key.yaml'
export const SHORT_WINDOW = 'tests/fixtures/policies/analyze-replay-short-window.yaml'
export const twoKeys = loadPolicyFile(TWO_KEYS)
export const singleKey = loadPolicyFile(SINGLE_KEY)
export const shortWindow = loadPolicyFile(SHORT_WINDOW)

const federal = (title: string) => ({
  title,
  objective: 'infrastructure',
  scope: { kind: 'federal' as const },
})

/** A temporary folder and a SQLite file in it; `remove()` deletes both. */
export function tempDb(): { file: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'twokeys-replay-'))
  return { file: join(dir, 'twokeys.db'), remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/**
 * The history the replay tests judge, run through the engine under two-keys.yaml (window 30 days,
 * plenary 14, approvals 90), every command at a chosen day:
 * - `approved`: submitted day 0, oreshkin day 1, grigorenko day 2, completed by the sponsor day 3;
 * - `one-key`: submitted day 22, oreshkin day 33 — still in review (its window closes day 52);
 * - `lapsed`: submitted day 0, nobody decides; a tick on day 45 records the window closing (day 30)
 *   and the plenary closing (day 44): lapsed.
 * The store's last event is the plenary's close, day 44.
 */
export async function recordTwoKeys(store: Store, policy: Policy = twoKeys) {
  const clock = manualClock(day(0))
  let n = 0
  const engine = createEngine({ policy, store, clock, ids: () => `c${++n}` })
  await engine.propose({ initiativeId: 'approved', by: 'minzifry', ...federal('GPU cluster') })
  await engine.submit('approved', { by: 'minzifry' })
  await engine.propose({ initiativeId: 'lapsed', by: 'minpromtorg', ...federal('Chip plant') })
  await engine.submit('lapsed', { by: 'minpromtorg' })
  clock.set(day(1))
  await engine.decide('approved', { by: 'oreshkin', key: PA, decision: 'approve' })
  clock.set(day(2))
  await engine.decide('approved', { by: 'grigorenko', key: GA, decision: 'approve' })
  clock.set(day(3))
  await engine.complete('approved', { by: 'minzifry' })
  clock.set(day(22))
  await engine.propose({ initiativeId: 'one-key', by: 'minek', ...federal('Data centre') })
  await engine.submit('one-key', { by: 'minek' })
  clock.set(day(33))
  await engine.decide('one-key', { by: 'oreshkin', key: PA, decision: 'approve' })
  clock.set(day(45))
  await engine.tick()
  return engine
}

/** Under single-key.yaml: `running` approved by oreshkin alone on day 1, in federal rollout since. */
export async function recordSingleKey(store: Store) {
  const clock = manualClock(day(0))
  let n = 0
  const engine = createEngine({ policy: singleKey, store, clock, ids: () => `c${++n}` })
  await engine.propose({ initiativeId: 'running', by: 'minzifry', ...federal('GPU cluster') })
  await engine.submit('running', { by: 'minzifry' })
  clock.set(day(1))
  await engine.decide('running', { by: 'oreshkin', key: PA, decision: 'approve' })
  return engine
}

/** A SQLite store holding `record`'s history, closed again: the file is what the replay reads. */
export async function sqliteHistory(file: string, record: (store: Store) => Promise<unknown>) {
  const store = sqliteStore(file)
  try {
    await record(store)
  } finally {
    await store.close()
  }
}
