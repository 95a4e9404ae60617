import { createEngine, type EngineOptions } from '../../../src/engine/createEngine.js'
import { manualClock } from '../../../src/engine/systemClock.js'
import { loadPolicyFile } from '../../../src/policy/loadPolicyFile.js'
import { memoryStore } from '../../../src/stores/memoryStore.js'
import type { RecordedEvent, Store } from '../../../src/stores/Store.js'

export const policy = loadPolicyFile('machines/policies/two-keys.yaml')

const PA = 'presidential-administration'
const GA = 'government-apparatus'

/**
 * A small real log: three initiatives (approved federal, vetoed regional, amended export), their
 * commands interleaved in time, as an export lists them (each initiative's events together).
 */
export async function sampleLog(
  store: Store = memoryStore(),
  options: Pick<EngineOptions, 'snapshotKey' | 'snapshotEvery'> = {},
): Promise<RecordedEvent[]> {
  const clock = manualClock('2026-03-01T09:00:00Z')
  let n = 0
  const engine = createEngine({ policy, store, clock, ids: () => `sample-${++n}`, ...options })
  const step = () => clock.advance({ hours: 3 })
  const a = await engine.propose({
    by: 'minzifry',
    title: 'GPU cluster for federal ministries',
    objective: 'infrastructure',
    scope: { kind: 'federal' },
    commandId: 'a-propose',
  })
  step()
  const b = await engine.propose({
    by: 'gov-tatarstan',
    title: 'Regional data centre',
    objective: 'infrastructure',
    scope: { kind: 'regional', regions: ['tatarstan'] },
  })
  step()
  await engine.submit(a.initiativeId, { by: 'minzifry' })
  const c = await engine.propose({
    by: 'minpromtorg',
    title: 'Export of LLM tooling',
    summary: 'Licences for friendly nations',
    objective: 'export',
    scope: { kind: 'export', destinations: ['belarus', 'kazakhstan'] },
    budget: 1250000.5,
  })
  step()
  await engine.submit(b.initiativeId, { by: 'gov-tatarstan' })
  await engine.decide(a.initiativeId, {
    by: 'oreshkin',
    key: PA,
    decision: 'approve',
    reason: 'Fits the plan',
  })
  step()
  await engine.submit(c.initiativeId, { by: 'minpromtorg' })
  await engine.decide(b.initiativeId, { by: 'oreshkin', key: PA, decision: 'refuse', reason: 'Not now' })
  step()
  await engine.decide(a.initiativeId, { by: 'grigorenko', key: GA, decision: 'approve' })
  await engine.amend(c.initiativeId, { by: 'minpromtorg', title: 'Export of LLM tooling (v2)' })
  step()
  await engine.decide(c.initiativeId, { by: 'grigorenko', key: GA, decision: 'approve' })
  step()
  await engine.decide(c.initiativeId, { by: 'oreshkin', key: PA, decision: 'approve' })
  const events: RecordedEvent[] = []
  for (const id of await store.listInitiatives()) events.push(...(await store.readEvents(id)))
  return events
}

/** The snapshot key the sample engines seal with; the database never holds it. */
export const SNAPSHOT_KEY = 'a snapshot key the database never sees'

/**
 * Four refused attempts on the sample log, each kept in the security log under its command id:
 * `refused-1` … `refused-4`.
 */
export async function refusedAttempts(store: Store): Promise<void> {
  const engine = createEngine({ policy, store, clock: manualClock('2026-03-03T09:00:00Z') })
  const attempts = [
    () => engine.decide('sample-1', { by: 'minzifry', key: PA, decision: 'approve', commandId: 'refused-1' }),
    () => engine.decide('sample-6', { by: 'pa-aide', key: GA, decision: 'approve', commandId: 'refused-2' }),
    () => engine.withdraw('sample-1', { by: 'gov-tatarstan', commandId: 'refused-3' }),
    () => engine.submit('sample-3', { by: 'oreshkin', commandId: 'refused-4' }),
  ]
  for (const attempt of attempts)
    await attempt().then(
      () => {
        throw new Error('the sample attempt was accepted')
      },
      () => undefined,
    )
}
