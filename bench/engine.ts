/**
 * The engine (memory store, manual clock) against XState running the same machine on the same
 * events, without the engine's validation, hashing and log, in the same process, interleaved in
 * slices of 10 initiatives, by CPU time:
 *
 * - a long-lived actor per initiative (`createActor(machine).start()`, then `.send` per event),
 *   the way an application would keep an initiative in memory — the target, ≤ 1.5× its cost;
 * - the stepper (`machine.transition` with one reused actor scope, src/verify/stepper.ts);
 * - bare `transition()`, which builds a throwaway actor per call (XState's slowest path).
 *
 *   npm run bench:engine -- [--rounds 7] [--scale 1]
 *
 * Each initiative is proposed, submitted, approved by both co-chairs and completed: 5 commands.
 * The baselines replay exactly the events the engine records (checked after every round).
 */
import { createActor, getInitialSnapshot, initialTransition, transition } from 'xstate'
import { createInitiativeMachine } from '../machines/initiative.js'
import { createStepper } from '../machines/stepper.js'
import type { InitiativeEvent } from '../src/domain/InitiativeEvent.js'
import { createEngine, type Engine } from '../src/engine/createEngine.js'
import { manualClock } from '../src/engine/systemClock.js'
import { hashPolicy } from '../src/policy/hashPolicy.js'
import { loadPolicyFile } from '../src/policy/loadPolicyFile.js'
import { benchArgs } from './support/benchArgs.js'
import { interleave, roundRatios, roundSeconds } from './support/interleave.js'
import { printHeader, printReport, rate } from './support/printReport.js'
import { singleThreadedGc } from './support/singleThreadedGc.js'
import { spread } from './support/spread.js'

singleThreadedGc()

const { rounds, scale } = benchArgs('npm run bench:engine -- [--rounds 7] [--scale 1]', { rounds: 7 })
const PER_SLICE = 10
const SLICES = Math.max(1, Math.round(100 * scale))
const INITIATIVES = SLICES * PER_SLICE
const COMMANDS = 5
const TARGET = 1.5

const policy = loadPolicyFile(new URL('../machines/policies/two-keys.yaml', import.meta.url).pathname)
const policyHash = hashPolicy(policy)
const machine = createInitiativeMachine(policy)

/** A fresh engine whose ids and clock repeat exactly from one engine to the next. */
function freshEngine(): Engine {
  let n = 0
  return createEngine({ policy, clock: manualClock('2026-03-01T09:00:00Z'), ids: () => `id-${++n}` })
}

async function runInitiative(engine: Engine, i: number): Promise<string> {
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
  return initiativeId
}

/** The events of one round, recorded once by an engine that nothing times. */
async function recordRound(): Promise<{ ids: string[]; events: InitiativeEvent[][] }> {
  const engine = freshEngine()
  const ids: string[] = []
  for (let i = 0; i < INITIATIVES; i++) ids.push(await runInitiative(engine, i))
  const events = await Promise.all(ids.map(async (id) => (await engine.history(id)).map((e) => e.event)))
  await engine.close()
  return { ids, events }
}

const reference = await recordRound()
const sliceOf = (slice: number) => reference.events.slice(slice * PER_SLICE, (slice + 1) * PER_SLICE)
const done = (value: unknown) => {
  if (value !== 'completed') throw new Error(`a baseline ended in ${JSON.stringify(value)}, not completed`)
}

let engine = freshEngine()
const stepper = createStepper(machine)
const [initial] = initialTransition(machine, { policyHash })

printHeader(
  'twokeys engine benchmark',
  `${INITIATIVES} initiatives × ${COMMANDS} commands per round, in slices of ${PER_SLICE} initiatives; ${rounds} rounds after a warm-up`,
)
const timings = await interleave({
  rounds,
  slices: SLICES,
  beforeRound: () => {
    engine = freshEngine()
  },
  afterRound: async () => {
    // The engine must have recorded exactly the events the baselines replayed.
    for (const [i, id] of reference.ids.entries()) {
      const events = (await engine.history(id)).map((e) => e.event)
      if (JSON.stringify(events) !== JSON.stringify(reference.events[i]))
        throw new Error(`engine: ${id} recorded other events than the reference run`)
    }
    await engine.close()
  },
  onRound: (round, t) =>
    console.log(
      `round ${round}: CPU s engine ${t.cpu[0]?.toFixed(3)}, actor ${t.cpu[1]?.toFixed(3)}, stepper ${t.cpu[2]?.toFixed(3)}, transition() ${t.cpu[3]?.toFixed(3)}`,
    ),
  contenders: [
    {
      name: 'engine',
      run: async (slice) => {
        for (let i = slice * PER_SLICE; i < (slice + 1) * PER_SLICE; i++) await runInitiative(engine, i)
      },
    },
    {
      name: 'actor',
      run: (slice) => {
        for (const events of sliceOf(slice)) {
          const actor = createActor(machine, { input: { policyHash } }).start()
          for (const event of events) actor.send(event)
          done(actor.getSnapshot().value)
          actor.stop()
        }
      },
    },
    {
      name: 'stepper',
      run: (slice) => {
        for (const events of sliceOf(slice)) {
          let snapshot = initial
          for (const event of events) snapshot = stepper(snapshot, event)
          done(snapshot.value)
        }
      },
    },
    {
      name: 'transition()',
      run: (slice) => {
        for (const events of sliceOf(slice)) {
          let snapshot = getInitialSnapshot(machine, { policyHash })
          for (const event of events) snapshot = transition(machine, snapshot, event)[0]
          done(snapshot.value)
        }
      },
    },
  ],
})

const perSecond = (name: string) =>
  rate(spread(roundSeconds(timings, 'cpu', name).map((s) => (INITIATIVES * COMMANDS) / s)).median)
const row = (baseline: string, label: string, target?: number) => ({
  benchmark: 'engine commands, memory store',
  baseline: label,
  clock: 'CPU' as const,
  ratios: roundRatios(timings, 'cpu', 'engine', baseline),
  reads: `engine ÷ ${baseline} time`,
  ...(target === undefined ? {} : { target: { op: '≤' as const, value: target } }),
  rates: `${perSecond('engine')} vs ${perSecond(baseline)} commands per CPU second`,
})
printReport([
  row('actor', 'long-lived actor, .send', TARGET),
  row('stepper', 'stepper (reused scope)'),
  row('transition()', 'bare transition()'),
])
