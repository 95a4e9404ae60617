import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { AnyMachineSnapshot } from 'xstate'
import { createInitiativeMachine, type InitiativeMachine } from '../../machines/initiative.js'
import { eventHash } from '../../src/domain/eventHash.js'
import { isTwoKeysError } from '../../src/domain/TwoKeysError.js'
import { createEngine, type Engine, type Receipt } from '../../src/engine/createEngine.js'
import { foldEvents } from '../../src/engine/foldEvents.js'
import type { Board } from '../../src/engine/keyBoard.js'
import { manualClock } from '../../src/engine/systemClock.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import type { Policy } from '../../src/policy/PolicySchema.js'
import { memoryStore } from '../../src/stores/memoryStore.js'
import type { Store } from '../../src/stores/Store.js'

const POLICIES = [
  loadPolicyFile('machines/policies/two-keys.yaml'),
  // Three keys, a 2-of-3 council without veto, approvals that expire after 30 days, lapse on close.
  loadPolicyFile('machines/policies/council.yaml'),
]
const START = Date.parse('2026-03-01T09:00:00Z')
const DAY = 86_400_000
const REFUSAL_CODES = ['NOT_AUTHORIZED', 'KEY_ALREADY_USED', 'STALE_REVISION', 'WINDOW_CLOSED', 'REFUSED']
const MAX_INITIATIVES = 2

const REGIONS = ['tatarstan', 'novosibirsk', 'nizhny-novgorod']
/** Outsiders: an unknown principal and a ministry that holds no key. */
const OUTSIDERS = ['nobody', 'minek']

/** Who acts: the initiative's own sponsor, or a principal by id (a holder, deputy, other sponsor, outsider). */
type Actor = 'the sponsor' | string

type Action =
  | { type: 'submit' | 'withdraw' | 'complete'; by: Actor }
  | { type: 'amend'; by: Actor; substantive: boolean }
  | { type: 'decide'; by: Actor; key: string; decision: 'approve' | 'refuse'; onFirstRevision: boolean }
  | { type: 'revoke'; by: Actor; key: string }
  | { type: 'delegate'; by: Actor; key: string; deputy: string; startDays: number; days: number }
  | { type: 'respond'; by: Actor; region: string; accept: boolean }
  | { type: 'destination'; by: Actor; destination: string; agreed: boolean }

/** Random actions under `policy`, by every kind of principal. */
function actionsFor(policy: Policy) {
  const ids = (role: string) =>
    policy.principals.filter((p) => p.roles.includes(role as never)).map((p) => p.id)
  const holders = [...new Set(policy.keys.flatMap((k) => k.holders))]
  const deputies = ids('deputy')
  const actor: fc.Arbitrary<Actor> = fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...holders) },
    { weight: 2, arbitrary: fc.constantFrom(...deputies) },
    { weight: 3, arbitrary: fc.constant('the sponsor') },
    // Any sponsor, usually not this initiative's, and outsiders.
    { weight: 1, arbitrary: fc.constantFrom(...ids('sponsor'), ...OUTSIDERS) },
  )
  const key = fc.constantFrom(...policy.keys.map((k) => k.id), 'treasury')
  /** Mostly the sponsor, sometimes anyone: for what only the sponsor may do. */
  const sponsorMostly = fc.oneof({ weight: 4, arbitrary: fc.constant<Actor>('the sponsor') }, actor)
  /** Mostly a holder, or a deputy who may be named, on their own key; sometimes anyone on any key. */
  const onKey = fc.oneof(
    {
      weight: 4,
      arbitrary: fc.constantFrom(
        ...policy.keys.flatMap((k) =>
          [...k.holders, ...(k.deputies.eligible ?? [])].map((by) => [by, k.id] as const),
        ),
      ),
    },
    { weight: 1, arbitrary: fc.tuple(actor, key) },
  )
  const decide = fc
    .tuple(
      onKey,
      fc.constantFrom<'approve' | 'refuse'>('approve', 'approve', 'approve', 'approve', 'refuse'),
      fc.nat(9),
    )
    // One decision in ten names the first revision, which is stale once a substantive amendment came.
    .map(
      ([[by, key], decision, n]): Action => ({ type: 'decide', by, key, decision, onFirstRevision: n === 0 }),
    )
  const action: fc.Arbitrary<Action> = fc.oneof(
    { weight: 10, arbitrary: decide },
    { weight: 2, arbitrary: fc.record({ type: fc.constant('submit' as const), by: sponsorMostly }) },
    { weight: 2, arbitrary: fc.record({ type: fc.constant('complete' as const), by: sponsorMostly }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('withdraw' as const), by: actor }) },
    {
      weight: 2,
      arbitrary: fc.record({
        type: fc.constant('amend' as const),
        by: sponsorMostly,
        substantive: fc.boolean(),
      }),
    },
    { weight: 1, arbitrary: onKey.map(([by, key]): Action => ({ type: 'revoke', by, key })) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          onKey,
          fc.constantFrom(...deputies, 'minek', 'the sponsor'),
          fc.integer({ min: -2, max: 5 }),
          fc.integer({ min: 1, max: 16 }),
        )
        .map(
          ([[by, key], deputy, startDays, days]): Action => ({
            type: 'delegate',
            by,
            key,
            deputy,
            startDays,
            days,
          }),
        ),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        type: fc.constant('respond' as const),
        by: actor,
        region: fc.constantFrom(...REGIONS),
        accept: fc.boolean(),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        type: fc.constant('destination' as const),
        by: sponsorMostly,
        destination: fc.constantFrom('belarus', 'kazakhstan', 'mars'),
        agreed: fc.boolean(),
      }),
    },
  )
  return { action, decide, proposers: [...ids('sponsor'), 'grigorenko', 'nobody'] }
}

/** The small model: which initiatives exist and how many events each has. */
interface Model {
  ids: string[]
  seqs: Map<string, number>
}
interface Real {
  engine: Engine
  store: Store
  clock: ReturnType<typeof manualClock>
  policy: Policy
  machine: InitiativeMachine
  /** Per initiative: the hashes already checked and the snapshot folded from them. */
  replayed: Map<string, { hashes: string[]; snapshot: AnyMachineSnapshot | undefined }>
  /** The governor of each region, who answers respond actions. */
  governors: Map<string, string>
}

const pick = <T>(items: readonly T[], index: number): T | undefined =>
  items[index % Math.max(1, items.length)]

/** What an action needs to know about its initiative before it is sent. */
interface Target {
  id: string
  sponsor: string
  firstRevision: string | undefined
}

async function target(real: Real, id: string): Promise<Target> {
  const [board, history] = await Promise.all([real.engine.status(id), real.engine.history(id)])
  return { id, sponsor: board.sponsor ?? 'nobody', firstRevision: history[0]?.revision }
}

/** Sends `action` through the engine's sugar methods, synchronously: the returned promise is in flight. */
function send(real: Real, { id, sponsor, firstRevision }: Target, a: Action): Promise<Receipt> {
  const { engine, clock } = real
  const as = (who: Actor) => (who === 'the sponsor' ? sponsor : who)
  const by = as(a.by)
  switch (a.type) {
    case 'submit':
    case 'withdraw':
    case 'complete':
      return engine[a.type](id, { by })
    case 'amend':
      return engine.amend(
        id,
        a.substantive ? { by, summary: `revised at ${clock()}` } : { by, title: `Title ${clock()}` },
      )
    case 'decide': {
      const revision = a.onFirstRevision && firstRevision !== undefined ? { revision: firstRevision } : {}
      return engine.decide(id, { by, key: a.key, decision: a.decision, ...revision })
    }
    case 'revoke':
      return engine.revoke(id, { by, key: a.key })
    case 'delegate': {
      const from = clock() + a.startDays * DAY
      return engine.delegate(id, { by, key: a.key, deputy: as(a.deputy), from, until: from + a.days * DAY })
    }
    case 'respond':
      // Mostly the region's own governor answers; the sponsor and outsiders try too.
      return engine.respond(id, {
        by: a.by === 'the sponsor' || OUTSIDERS.includes(a.by) ? by : (real.governors.get(a.region) ?? by),
        region: a.region,
        accept: a.accept,
      })
    case 'destination':
      return engine.destination(id, { by, destination: a.destination, agreed: a.agreed })
  }
}

/** A refusal must be a TwoKeysError with a refusal code; anything else fails the run. */
function expectRefusal(error: unknown) {
  if (!isTwoKeysError(error)) throw error
  expect(REFUSAL_CODES, error.message).toContain(error.code)
}

const INSTITUTIONS = (policy: Policy, id: string) => {
  const p = policy.principals.find((x) => x.id === id)
  return p === undefined ? [] : [p.institution, ...p.affiliations]
}

/** TK1/TK2/TK3/TK6 on the board: past review, every key is turned by distinct, authorised, non-sponsor principals. */
function expectDualKey(policy: Policy, board: Board) {
  if (!['approved', 'federalRollout', 'regionalRollout', 'exportRollout', 'completed'].includes(board.phase))
    return
  expect(board.track).not.toBeNull()
  const principals = new Set<string>()
  const institutions = new Map<string, string>()
  for (const line of board.keys) {
    const key = policy.keys.find((k) => k.id === line.key)!
    expect(line.status, `${line.key} on a ${board.phase} initiative`).toBe('turned')
    expect(new Set(line.approvals.map((a) => a.seat)).size).toBeGreaterThanOrEqual(key.quorum)
    for (const approval of line.approvals) {
      expect(approval.by).not.toBe(board.sponsor)
      expect(approval.seat).not.toBe(board.sponsor)
      expect(key.holders).toContain(approval.seat)
      if (approval.by !== approval.seat) expect(key.deputies.allowed).toBe(true)
      expect(principals.has(approval.by), `${approval.by} counts twice`).toBe(false)
      principals.add(approval.by)
      for (const institution of INSTITUTIONS(policy, approval.by)) {
        const other = institutions.get(institution)
        expect(
          other === undefined || other === line.key,
          `${institution} counts for ${other} and ${line.key}`,
        ).toBe(true)
        institutions.set(institution, line.key)
      }
    }
  }
}

/** After every step: seqs, chain, replay and the dual-key property, for every initiative. */
async function checkAll(model: Model, real: Real) {
  for (const id of model.ids) {
    const history = await real.engine.history(id)
    expect(history.map((e) => e.seq)).toEqual(
      Array.from({ length: model.seqs.get(id) ?? 0 }, (_, i) => i + 1),
    )
    history.forEach((record, i) => {
      expect(record.prevHash).toBe(i === 0 ? '' : history[i - 1]?.hash)
      expect(record.hash).toBe(eventHash({ ...record }))
      expect(record.policyHash).toBe(real.engine.policyHash)
    })
    // Replay (TK12), folding only what is new since the last check; the checked prefix must not change.
    const seen = real.replayed.get(id) ?? { hashes: [], snapshot: undefined }
    expect(history.slice(0, seen.hashes.length).map((e) => e.hash)).toEqual(seen.hashes)
    const fresh = history.slice(seen.hashes.length)
    const snapshot = foldEvents(
      real.machine,
      real.engine.policyHash,
      fresh.map((e) => e.event),
      seen.snapshot,
    )
    real.replayed.set(id, { hashes: history.map((e) => e.hash), snapshot })
    const engineSnapshot = await real.engine.snapshot(id)
    expect(real.machine.getPersistedSnapshot(snapshot)).toEqual(
      real.machine.getPersistedSnapshot(engineSnapshot),
    )
    expectDualKey(real.policy, await real.engine.status(id))
  }
}

/** Applies the outcome of one command to the model, checking its receipt or refusal. */
function settle(model: Model, id: string, outcome: PromiseSettledResult<Receipt>) {
  if (outcome.status === 'rejected') return expectRefusal(outcome.reason)
  expect(outcome.value.replayed).toBe(false)
  expect(outcome.value.initiativeId).toBe(id)
  const seq = (model.seqs.get(id) ?? 0) + 1
  expect(outcome.value.seq).toBe(seq)
  model.seqs.set(id, seq)
}

type Scope = 'federal' | 'regional' | 'export'

class Propose implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly by: string,
    readonly scope: Scope,
    readonly regions: number,
    readonly submitNow: boolean,
  ) {}
  check = (model: Readonly<Model>) => model.ids.length < MAX_INITIATIVES
  async run(model: Model, real: Real) {
    const scope =
      this.scope === 'federal'
        ? { kind: 'federal' as const }
        : this.scope === 'regional'
          ? { kind: 'regional' as const, regions: REGIONS.slice(0, this.regions) }
          : { kind: 'export' as const, destinations: ['belarus', 'kazakhstan'] }
    const objective = this.scope === 'export' ? 'export' : 'infrastructure'
    try {
      const receipt = await real.engine.propose({ by: this.by, title: 'Initiative', objective, scope })
      expect(receipt.seq).toBe(1)
      model.ids.push(receipt.initiativeId)
      model.seqs.set(receipt.initiativeId, 1)
      if (this.submitNow) {
        const submit = await real.engine.submit(receipt.initiativeId, { by: this.by })
        settle(model, receipt.initiativeId, { status: 'fulfilled', value: submit })
      }
    } catch (error) {
      expectRefusal(error)
    }
    await checkAll(model, real)
  }
  toString = () =>
    `propose(${this.by}, ${this.scope}${this.scope === 'regional' ? ` ×${this.regions}` : ''})${this.submitNow ? ' + submit' : ''}`
}

class Act implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly which: number,
    readonly action: Action,
  ) {}
  check = (model: Readonly<Model>) => model.ids.length > 0
  async run(model: Model, real: Real) {
    const id = pick(model.ids, this.which)!
    const [outcome] = await Promise.allSettled([send(real, await target(real, id), this.action)])
    settle(model, id, outcome)
    await checkAll(model, real)
  }
  toString = () => `#${this.which} ${JSON.stringify(this.action)}`
}

/** Several commands on one initiative at once, none awaited before the next is sent. */
class Concurrently implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly which: number,
    readonly actions: Action[],
  ) {}
  check = (model: Readonly<Model>) => model.ids.length > 0
  async run(model: Model, real: Real) {
    const id = pick(model.ids, this.which)!
    const on = await target(real, id)
    // Every command is sent before any is awaited.
    const outcomes = await Promise.allSettled(this.actions.map((a) => send(real, on, a)))
    const before = model.seqs.get(id) ?? 0
    const seqs = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value.seq] : []))
    // No two commands got the same seq, and together they took the next ones.
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs.map((_, i) => before + i + 1))
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') expectRefusal(outcome.reason)
      else expect(outcome.value.replayed).toBe(false)
    }
    model.seqs.set(id, before + seqs.length)
    await checkAll(model, real)
  }
  toString = () => `#${this.which} concurrently ${JSON.stringify(this.actions)}`
}

/** Time passes and the engine's tick fires what is due. */
class Tick implements fc.AsyncCommand<Model, Real> {
  constructor(readonly hours: number) {}
  check = () => true
  async run(model: Model, real: Real) {
    real.clock.advance({ hours: this.hours })
    for (const receipt of await real.engine.tick()) {
      expect(receipt.event.event.type).toBe('TICK')
      settle(model, receipt.initiativeId, { status: 'fulfilled', value: receipt })
    }
    await checkAll(model, real)
  }
  toString = () => `tick(+${this.hours}h)`
}

/** The commands of one run under `policy`. */
function commandsFor(policy: Policy) {
  const { action, decide, proposers } = actionsFor(policy)
  const act = fc.tuple(fc.nat(), action).map(([which, a]) => new Act(which, a))
  return fc.commands(
    [
      fc
        .tuple(
          fc.constantFrom(...proposers),
          fc.constantFrom<Scope>('federal', 'regional', 'export'),
          fc.integer({ min: 1, max: 2 }),
          fc.nat(4),
        )
        .map(([by, scope, regions, n]) => new Propose(by, scope, regions, n > 0)),
      act,
      act,
      act,
      fc
        .tuple(
          fc.nat(),
          fc.array(fc.oneof({ weight: 4, arbitrary: decide }, action), { minLength: 2, maxLength: 4 }),
        )
        .map(([which, actions]) => new Concurrently(which, actions)),
      fc.integer({ min: 1, max: 8 * 24 }).map((hours) => new Tick(hours)),
    ],
    { maxCommands: 40, size: 'max' },
  )
}
// Chosen by id, so a counterexample prints "two-keys", not the whole policy.
const policyById = (id: string) => POLICIES.find((p) => p.id === id)!
const runs = fc
  .constantFrom(...POLICIES.map((p) => p.id))
  .chain((id) => fc.tuple(fc.constant(id), commandsFor(policyById(id))))

describe('the engine against a model (fc.commands)', () => {
  it('keeps seqs unique, the chain linked, replay exact and both keys turned by distinct non-sponsors', async () => {
    await fc.assert(
      fc.asyncProperty(runs, async ([policyId, cmds]) => {
        const policy = policyById(policyId)
        let n = 0
        const store = memoryStore()
        const clock = manualClock(START)
        const engine = createEngine({ policy, store, clock, ids: () => `id-${++n}` })
        const real: Real = {
          engine,
          store,
          clock,
          policy,
          machine: createInitiativeMachine(policy),
          replayed: new Map(),
          governors: new Map(policy.regions.map((r) => [r.id, r.governor])),
        }
        const model: Model = { ids: [], seqs: new Map() }
        await fc.asyncModelRun(() => ({ model, real }), cmds)

        // At the end, a second engine that has never seen these initiatives loads them from the
        // store alone, and a full fold from scratch agrees with it.
        const cold = createEngine({ policy, store, clock, ids: () => `cold-${++n}` })
        for (const id of model.ids) {
          const events = (await store.readEvents(id)).map((e) => e.event)
          const full = foldEvents(real.machine, engine.policyHash, events)
          expect(real.machine.getPersistedSnapshot(await cold.snapshot(id))).toEqual(
            real.machine.getPersistedSnapshot(full),
          )
          expect(await cold.status(id)).toEqual(await engine.status(id))
        }
      }),
      { numRuns: 300 },
    )
  })
})
