import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { verifyStore } from '../../src/audit/verifyStore.js'
import { canonicalJson } from '../../src/domain/canonicalHash.js'
import { isTwoKeysError } from '../../src/domain/TwoKeysError.js'
import { createEngine, type Engine, type Receipt } from '../../src/engine/createEngine.js'
import { manualClock } from '../../src/engine/systemClock.js'
import { memoryStore } from '../../src/stores/memoryStore.js'
import { postgresStore } from '../../src/stores/postgresStore.js'
import type { Store } from '../../src/stores/Store.js'
import { sqliteStore } from '../../src/stores/sqliteStore.js'
import { freshSchema, pgUrl } from '../stores/support/postgres.js'
import { type Attempt, COMMAND_CODES, type EngineCase, engineCase, policy, START } from './commandAttempts.js'
import type { FuzzTarget } from './FuzzTarget.js'
import { broken, errorLaw, OK, type Verdict } from './laws.js'

type StoreKind = 'memory' | 'sqlite' | 'postgres'

/** One store the engine inputs write to, with every receipt it acknowledged. */
interface LiveStore {
  kind: StoreKind
  store: Store
  /** `${initiativeId}#${seq}` → the hash of the acknowledged event. */
  accepted: Map<string, string>
  dispose(): Promise<void>
}

async function openStore(kind: StoreKind): Promise<LiveStore> {
  const accepted = new Map<string, string>()
  if (kind === 'memory') return { kind, store: memoryStore(), accepted, dispose: async () => {} }
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'twokeys-fuzz-'))
    const store = sqliteStore(join(dir, 'fuzz.db'))
    return {
      kind,
      store,
      accepted,
      dispose: async () => {
        await store.close()
        rmSync(dir, { recursive: true, force: true })
      },
    }
  }
  if (pgUrl === undefined) throw new Error('no PostgreSQL')
  const { schema, drop } = await freshSchema(pgUrl)
  const store = postgresStore(pgUrl, { schema, poolSize: 2 })
  return {
    kind,
    store,
    accepted,
    dispose: async () => {
      await store.close()
      await drop()
    },
  }
}

/** The laws about what a store kept: it verifies and holds every event it acknowledged. */
export async function storeKept(live: LiveStore): Promise<Verdict> {
  const report = await verifyStore(live.store)
  if (!report.ok) {
    return broken(
      'stored data verifies',
      `${live.kind} store fails verifyStore`,
      JSON.stringify({ audit: report.audit, policies: report.policies, snapshots: report.snapshots }),
    )
  }
  const byInitiative = new Map<string, Map<number, string>>()
  for (const initiativeId of await live.store.listInitiatives()) {
    byInitiative.set(
      initiativeId,
      new Map((await live.store.readEvents(initiativeId)).map((e) => [e.seq, e.hash])),
    )
  }
  for (const [where, hash] of live.accepted) {
    const cut = where.lastIndexOf('#')
    const stored = byInitiative.get(where.slice(0, cut))?.get(Number(where.slice(cut + 1)))
    if (stored !== hash) {
      return broken(
        'acknowledged events kept',
        `${live.kind}: an acknowledged event is ${stored === undefined ? 'gone' : 'changed'}`,
        where,
      )
    }
  }
  return OK
}

/** What an attempt did, in words that must agree across stores. */
type Outcome = { text: string; verdict: Verdict }

const READ_CODES = new Set(['NOT_FOUND', 'COMMAND_INVALID'])
const TICK_CODES = new Set(['COMMAND_INVALID'])

/** The live initiative's log as it stands (or that it is missing): a refusal must leave it so. */
async function look(engine: Engine, id: string): Promise<string> {
  try {
    return (await engine.history(id)).map((e) => e.hash).join()
  } catch (error) {
    return isTwoKeysError(error) ? `missing (${error.code})` : `unreadable: ${String(error)}`
  }
}

const asksForRevision = (value: unknown) =>
  typeof value === 'object' && value !== null && (value as { revision?: unknown }).revision === 'current'

async function runAttempt(engine: Engine, live: LiveStore, id: string, a: Attempt): Promise<Outcome> {
  const revision =
    (a.via === 'sugar' && asksForRevision(a.fields)) || ('input' in a && asksForRevision(a.input))
      ? await engine.status(id).then(
          (b) => b.revision.hash,
          () => 'none',
        )
      : 'none'

  // Fills in the live initiative's id and revision where the attempt asks for them.
  const resolve = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return value
    const fields = value as Record<string, unknown>
    return {
      ...fields,
      ...(fields.initiativeId === 'live' ? { initiativeId: id } : {}),
      ...(fields.revision === 'current' ? { revision } : {}),
    }
  }
  const target = (x: unknown) => (x === 'live' ? id : x)
  // biome-ignore lint/suspicious/noExplicitAny: the point is to call the API with what its types forbid
  const api = engine as any
  const before = await look(engine, id)

  if (a.via === 'tick' || a.via === 'read') {
    try {
      const result = a.via === 'tick' ? await api.tick(a.now) : await api[a.method](target(a.id))
      const text =
        a.via === 'tick'
          ? `tick ${(result as Receipt[]).map((r) => r.event.hash).join(',')}`
          : a.method === 'snapshot'
            ? 'snapshot'
            : `${a.method} ${canonicalJson(result)}`
      if (a.via === 'tick')
        for (const r of result as Receipt[]) live.accepted.set(`${r.initiativeId}#${r.seq}`, r.event.hash)
      return { text, verdict: OK }
    } catch (error) {
      return {
        text: `${a.via} ${isTwoKeysError(error) ? error.code : 'threw'}`,
        verdict: errorLaw(error, a.via === 'tick' ? TICK_CODES : READ_CODES),
      }
    }
  }

  let outcome: unknown
  try {
    outcome =
      a.via === 'sugar'
        ? a.method === 'propose'
          ? await api.propose(resolve(a.fields))
          : await api[a.method](target(a.id), resolve(a.fields))
        : a.via === 'dispatch'
          ? await engine.dispatch(resolve(a.input) as never)
          : await engine.explain(resolve(a.input) as never)
  } catch (error) {
    const verdict = errorLaw(error, COMMAND_CODES)
    const text = `refused ${isTwoKeysError(error) ? error.code : 'threw'}`
    if (!verdict.ok) return { text, verdict }
    const after = await look(engine, id)
    if (after !== before)
      return {
        text,
        verdict: broken(
          'a refusal changes nothing',
          `${live.kind}: ${a.via} refused yet the initiative changed`,
          `${before}\n→\n${after}`,
        ),
      }
    return { text, verdict: OK }
  }
  if (a.via === 'explain') {
    const explanation = outcome as { allowed?: unknown; code?: unknown }
    if (typeof explanation?.allowed !== 'boolean') {
      return {
        text: 'explain ?',
        verdict: broken('explain answers', 'explain returned no allowed flag', String(outcome)),
      }
    }
    const after = await look(engine, id)
    if (after !== before)
      return {
        text: 'explain',
        verdict: broken('explain never acts', `${live.kind}: explain changed the initiative`),
      }
    return { text: `explain ${explanation.allowed} ${String(explanation.code)}`, verdict: OK }
  }
  // Taken: the receipt's event is in its initiative's log.
  const receipt = outcome as Receipt
  const log = await engine.history(receipt.initiativeId)
  if (log.find((e) => e.seq === receipt.seq)?.hash !== receipt.event.hash) {
    return {
      text: 'accepted',
      verdict: broken('a receipt is stored', `${live.kind}: the receipt's event is not in the log`),
    }
  }
  live.accepted.set(`${receipt.initiativeId}#${receipt.seq}`, receipt.event.hash)
  return {
    text: `accepted ${receipt.initiativeId} ${receipt.seq} ${receipt.event.hash} ${receipt.replayed}`,
    verdict: OK,
  }
}

/** One input on one store: a fresh engine, the live initiative, then each attempt. */
async function runCase(
  live: LiveStore,
  input: EngineCase,
  n: number,
): Promise<{ outcomes: string[]; verdict: Verdict }> {
  let k = 0
  const clock = manualClock(START)
  const engine = createEngine({ policy, clock, store: live.store, ids: () => `f${n}-${++k}` })
  const id = input.edgyLive ?? `live-${n}`
  const outcomes: string[] = []
  for (const command of [
    {
      type: 'propose',
      initiativeId: id,
      by: 'minzifry',
      title: 'GPU cluster',
      objective: 'infrastructure',
      scope: { kind: 'federal' },
    },
    { type: 'submit', initiativeId: id, by: 'minzifry' },
  ] as const) {
    const setup = await runAttempt(engine, live, id, { via: 'dispatch', input: command })
    if (!setup.verdict.ok) return { outcomes, verdict: setup.verdict }
    outcomes.push(setup.text)
  }
  clock.advance({ days: input.days })
  for (const a of input.attempts) {
    const { text, verdict } = await runAttempt(engine, live, id, a)
    if (!verdict.ok) return { outcomes, verdict }
    outcomes.push(text)
  }
  if (({} as Record<string, unknown>).polluted !== undefined || Object.hasOwn(Object.prototype, 'polluted')) {
    return { outcomes, verdict: broken('no prototype pollution', 'Object.prototype was polluted') }
  }
  return { outcomes, verdict: OK }
}

interface EngineState {
  kinds: StoreKind[]
  live: LiveStore[]
  n: number
  /** Inputs per set of stores: then they are checked and replaced, so tick() stays cheap. */
  batch: number
  storeVerdicts: Verdict[]
}

async function rotate(state: EngineState): Promise<void> {
  for (const live of state.live) {
    state.storeVerdicts.push(await storeKept(live).catch((e) => errorLaw(e)))
    await live.dispose()
  }
  state.live = []
}

function engineTarget(
  name: string,
  kinds: StoreKind[],
  weight: number,
  batch: number,
): FuzzTarget<EngineCase, EngineState> {
  return {
    name,
    weight,
    arbitrary: engineCase,
    timeLimitMs: 20_000,
    ...(kinds.includes('postgres')
      ? { skip: () => (pgUrl === undefined ? 'no PostgreSQL server' : undefined) }
      : {}),
    setup: async () => ({ kinds, live: [], n: 0, batch, storeVerdicts: [] }),
    async run(input, state) {
      if (state.live.length === 0) state.live = await Promise.all(state.kinds.map(openStore))
      const n = state.n++
      const runs = []
      for (const live of state.live) runs.push(await runCase(live, input, n))
      const failed = runs.find((r) => !r.verdict.ok)
      // A store that stopped mid-input holds less than the others: start every store afresh.
      if (state.n % state.batch === 0 || failed !== undefined) await rotate(state)
      if (failed !== undefined) return failed.verdict
      // Every store gives the same answers: the same receipts, refusals and reads.
      const [first, ...others] = runs
      for (const [i, other] of others.entries()) {
        const at = other.outcomes.findIndex((o, j) => o !== first?.outcomes[j])
        if (at !== -1 || other.outcomes.length !== first?.outcomes.length) {
          const kind = state.kinds[i + 1]
          return broken(
            'stores agree',
            `${kind} answered step ${at} unlike memory: ${(other.outcomes[at] ?? '').split(' ').slice(0, 2).join(' ')} vs ${(first?.outcomes[at] ?? '').split(' ').slice(0, 2).join(' ')}`,
            `memory: ${first?.outcomes[at]}\n${kind}: ${other.outcomes[at]}`,
          )
        }
      }
      return OK
    },
    async finish(state) {
      await rotate(state)
      return state.storeVerdicts.filter((v) => !v.ok)
    },
    async teardown(state) {
      for (const live of state.live) await live.dispose()
    },
    reproducer: (input) => ({
      files: { 'case.txt': `${fc.stringify(input)}\n` },
      command: `# an EngineCase for tests/fuzz/engineTargets.ts runCase on ${kinds.join(', ')}`,
    }),
  }
}

/** Commands through the public API on the memory store: many and fast. */
export const engineMemoryTarget = engineTarget('engine-memory', ['memory'], 30, 200)

/** The same inputs on memory, SQLite and PostgreSQL in lockstep: each store's laws, and all agree. */
export const engineStoresTarget = engineTarget(
  'engine-stores',
  pgUrl === undefined ? ['memory', 'sqlite'] : ['memory', 'sqlite', 'postgres'],
  5,
  100,
)
