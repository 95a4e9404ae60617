/**
 * Commands per second through the engine (memory store, manual clock) against a baseline of
 * bare XState `transition()` calls on the same machine with the same events, in the same run.
 *
 *   npx tsx bench/engine.ts [initiatives per round = 1000] [rounds = 7]
 *
 * Each initiative is proposed, submitted, approved by both co-chairs and completed: 5 commands.
 * The baseline folds exactly the events the engine recorded in that round.
 */
import { getInitialSnapshot, transition } from 'xstate'
import { createInitiativeMachine } from '../machines/initiative.js'
import type { InitiativeEvent } from '../src/domain/InitiativeEvent.js'
import { createEngine } from '../src/engine/createEngine.js'
import { manualClock } from '../src/engine/systemClock.js'
import { hashPolicy } from '../src/policy/hashPolicy.js'
import { loadPolicyFile } from '../src/policy/loadPolicyFile.js'

const INITIATIVES = Number(process.argv[2] ?? 1000)
const ROUNDS = Number(process.argv[3] ?? 7)
const COMMANDS = 5
const TARGET = 2

const policy = loadPolicyFile(new URL('../machines/policies/two-keys.yaml', import.meta.url).pathname)
const policyHash = hashPolicy(policy)
const machine = createInitiativeMachine(policy)

/** One round through the engine: returns the time taken and the events it recorded. */
async function engineRound(): Promise<{ ms: number; events: InitiativeEvent[][] }> {
  let n = 0
  const clock = manualClock('2026-03-01T09:00:00Z')
  const engine = createEngine({ policy, clock, ids: () => `id-${++n}` })
  const ids: string[] = []
  const start = performance.now()
  for (let i = 0; i < INITIATIVES; i++) {
    const { initiativeId } = await engine.propose({
      by: 'minzifry',
      title: `Initiative ${i}`,
      objective: 'infrastructure',
      scope: { kind: 'federal' },
    })
    await engine.submit(initiativeId, { by: 'minzifry' })
    await engine.decide(initiativeId, {
      by: 'oreshkin',
      key: 'presidential-administration',
      decision: 'approve',
    })
    await engine.decide(initiativeId, { by: 'grigorenko', key: 'government-apparatus', decision: 'approve' })
    await engine.complete(initiativeId, { by: 'minzifry' })
    ids.push(initiativeId)
  }
  const ms = performance.now() - start
  const events = await Promise.all(ids.map(async (id) => (await engine.history(id)).map((e) => e.event)))
  return { ms, events }
}

/** The same events through bare `transition()`, from each initiative's initial snapshot. */
function bareRound(events: InitiativeEvent[][]): number {
  const start = performance.now()
  let completed = 0
  for (const sequence of events) {
    let snapshot = getInitialSnapshot(machine, { policyHash })
    for (const event of sequence) snapshot = transition(machine, snapshot, event)[0]
    if (snapshot.value === 'completed') completed++
  }
  const ms = performance.now() - start
  if (completed !== events.length) throw new Error(`baseline: ${events.length - completed} did not complete`)
  return ms
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}
const opsPerSecond = (ms: number) => (INITIATIVES * COMMANDS * 1000) / ms
const format = (x: number) => Math.round(x).toLocaleString('en-US').padStart(10)

// Warm up both paths so the JIT has settled before anything is timed.
for (let i = 0; i < 2; i++) bareRound((await engineRound()).events)

const engineMs: number[] = []
const bareMs: number[] = []
console.log(`${INITIATIVES} initiatives × ${COMMANDS} commands per round, ${ROUNDS} rounds\n`)
console.log('round    engine ops/s    bare ops/s    ratio')
for (let round = 1; round <= ROUNDS; round++) {
  const { ms, events } = await engineRound()
  const bare = bareRound(events)
  engineMs.push(ms)
  bareMs.push(bare)
  console.log(
    `${String(round).padStart(5)}  ${format(opsPerSecond(ms))}      ${format(opsPerSecond(bare))}    ${(ms / bare).toFixed(2)}×`,
  )
}
const ratio = median(engineMs) / median(bareMs)
console.log(
  `median  ${format(opsPerSecond(median(engineMs)))}      ${format(opsPerSecond(median(bareMs)))}    ${ratio.toFixed(2)}×`,
)
console.log(
  `\nengine costs ${ratio.toFixed(1)}× a bare transition (target ≤ ${TARGET}×)${ratio <= TARGET ? '' : ' — MISSED'}`,
)
