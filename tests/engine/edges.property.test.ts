import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import type { CommandInput } from '../../src/domain/Command.js'
import { createEngine, type Engine } from '../../src/engine/createEngine.js'
import { manualClock } from '../../src/engine/systemClock.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { type Policy, PolicySchema } from '../../src/policy/PolicySchema.js'
import type { Store } from '../../src/stores/Store.js'
import {
  memoryTarget,
  postgresTarget,
  reportSkipped,
  type StoreTarget,
  sqliteTarget,
  targets,
} from '../stores/support/storeTargets.js'

const HOUR = 3_600_000
const START = Date.parse('2026-03-01T09:00:00Z')
const twoKeys = loadPolicyFile('machines/policies/two-keys.yaml')
/** Approvals that expire inside the window, and a window that lapses: every kind of deadline binds. */
const shortLived = PolicySchema.parse({
  ...twoKeys,
  id: 'two-keys-short-lived',
  approvals: { lifetimeDays: 4 },
  review: { windowDays: 12, onClose: 'plenary', plenaryDays: 5 },
})
const KEYS = ['presidential-administration', 'government-apparatus']
const ACTORS = ['minzifry', 'oreshkin', 'grigorenko', 'pa-aide', 'ga-aide', 'gov-tatarstan', 'nobody']
const SEED = Number(process.env.TWOKEYS_SEED ?? 20260301)

/** One step of a run: the clock moves, maybe someone calls tick(), then a command arrives. */
interface Step {
  advanceHours: number
  tickFirst: boolean
  command: Omit<CommandInput, 'initiativeId'> & { initiative: 0 | 1 }
}

const actor = fc.constantFrom(...ACTORS)
const key = fc.constantFrom(...KEYS)
const initiative = fc.constantFrom(0 as const, 1 as const)
const commandArb = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      type: fc.constant('decide' as const),
      initiative,
      by: actor,
      key,
      decision: fc.constantFrom('approve' as const, 'refuse' as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('amend' as const),
      initiative,
      by: actor,
      summary: fc.constantFrom('a', 'b', 'c'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('amend' as const),
      initiative,
      by: actor,
      title: fc.constantFrom('x', 'y'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('revoke' as const), initiative, by: actor, key }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('submit' as const), initiative, by: actor }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('withdraw' as const), initiative, by: actor }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('complete' as const), initiative, by: actor }) },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('delegate' as const),
      initiative,
      by: actor,
      key,
      deputy: actor,
      untilHours: fc.integer({ min: 1, max: 20 * 24 }),
    }),
  },
)
const stepArb: fc.Arbitrary<Step> = fc.record({
  advanceHours: fc.oneof(
    fc.constant(0),
    fc.integer({ min: 1, max: 24 }),
    fc.integer({ min: 24, max: 20 * 24 }),
  ),
  tickFirst: fc.boolean(),
  command: commandArb as fc.Arbitrary<Step['command']>,
})
const runArb = fc.record({
  policy: fc.constantFrom(twoKeys, shortLived),
  steps: fc.array(stepArb, { maxLength: 25 }),
})

/** The command a step sends at time `now`, on the run's two initiatives. */
function commandOf(step: Step, ids: string[], now: number): CommandInput {
  const { initiative: which, ...rest } = step.command as Step['command'] & { untilHours?: number }
  const initiativeId = ids[which] as string
  if (rest.type === 'delegate') {
    const { untilHours, ...delegate } = rest as typeof rest & { untilHours: number }
    return { ...delegate, initiativeId, until: now + untilHours * HOUR } as CommandInput
  }
  return { ...rest, initiativeId } as CommandInput
}

type Outcome = { ok: true } | { ok: false; code: string | undefined }

/** Runs the steps on a fresh engine; `tickBefore` decides where tick() is called. */
async function run(
  policy: Policy,
  store: Store,
  steps: Step[],
  tickBefore: (step: Step) => boolean,
  check?: (engine: Engine, command: CommandInput) => Promise<void>,
) {
  let n = 0
  const clock = manualClock(START)
  const engine = createEngine({ policy, store, clock, ids: () => `id-${++n}` })
  const ids: string[] = []
  for (const scope of [{ kind: 'federal' as const }, { kind: 'regional' as const, regions: ['tatarstan'] }]) {
    const { initiativeId } = await engine.propose({
      by: 'minzifry',
      title: 't',
      objective: 'infrastructure',
      scope,
    })
    await engine.submit(initiativeId, { by: 'minzifry' })
    ids.push(initiativeId)
  }
  const outcomes: Outcome[] = []
  for (const step of steps) {
    clock.advance({ ms: step.advanceHours * HOUR })
    if (tickBefore(step)) await engine.tick()
    const command = commandOf(step, ids, clock())
    if (check !== undefined) await check(engine, command)
    outcomes.push(
      await engine.dispatch(command).then(
        (): Outcome => ({ ok: true }),
        (e: { code?: string }): Outcome => ({ ok: false, code: e.code }),
      ),
    )
  }
  clock.advance({ ms: 60 * 24 * HOUR })
  await engine.tick()
  const histories = []
  for (const id of ids) {
    histories.push({
      phase: (await engine.status(id)).phase,
      events: (await engine.history(id)).map((r) => ({ seq: r.seq, event: r.event, revision: r.revision })),
    })
  }
  return { outcomes, histories }
}

const kinds = [memoryTarget, sqliteTarget, postgresTarget]
reportSkipped(kinds)

describe.each(targets(kinds))('edges, as properties ($name)', (kind) => {
  let opened: StoreTarget[] = []
  afterEach(async () => {
    for (const t of opened) await t.dispose()
    opened = []
  })
  const freshStore = async () => {
    const target = await kind.create()
    opened.push(target)
    return target.open()
  }
  // Durable stores cost a commit per command: fewer runs there, the same laws.
  const numRuns = Math.min(kind.name === 'memory' ? 300 : 15, Number(process.env.TWOKEYS_RUNS ?? 300))

  it('any placement of tick() gives the histories of ticking before every command', async () => {
    await fc.assert(
      fc.asyncProperty(runArb, async ({ policy, steps }) => {
        const random = await run(policy, await freshStore(), steps, (s) => s.tickFirst)
        const always = await run(policy, await freshStore(), steps, () => true)
        const never = await run(policy, await freshStore(), steps, () => false)
        expect(random).toEqual(always)
        expect(never).toEqual(always)
      }),
      { seed: SEED, numRuns },
    )
  }, 240_000)

  it('explain() answers exactly as the command is then answered', async () => {
    await fc.assert(
      fc.asyncProperty(runArb, async ({ policy, steps }) => {
        const explained: Outcome[] = []
        const { outcomes } = await run(
          policy,
          await freshStore(),
          steps,
          (s) => s.tickFirst,
          async (engine, command) => {
            const e = await engine.explain(command).then(
              (x): Outcome => (x.allowed ? { ok: true } : { ok: false, code: x.code ?? 'REFUSED' }),
              (error: { code?: string }): Outcome => ({ ok: false, code: error.code }),
            )
            explained.push(e)
          },
        )
        expect(explained).toEqual(outcomes)
      }),
      { seed: SEED, numRuns },
    )
  }, 240_000)
})
