import { nanoid } from 'nanoid'
import { type AnyMachineSnapshot, getInitialSnapshot, transition } from 'xstate'
import type { InitiativeContext } from '../../machines/InitiativeContext.js'
import { createInitiativeMachine, type InitiativeMachine } from '../../machines/initiative.js'
import { type Command, type CommandInput, type CommandOf, CommandSchema } from '../domain/Command.js'
import { canonicalHash } from '../domain/canonicalHash.js'
import { eventHash } from '../domain/eventHash.js'
import type { InitiativeEvent } from '../domain/InitiativeEvent.js'
import { type Issue, isTwoKeysError, TwoKeysError } from '../domain/TwoKeysError.js'
import { hashPolicy } from '../policy/hashPolicy.js'
import type { Policy } from '../policy/PolicySchema.js'
import { memoryStore } from '../stores/memoryStore.js'
import type { RecordedEvent, RefusalRecord, Store } from '../stores/Store.js'
import { type Phase, phaseOf } from './describeState.js'
import { type Explanation, explainEvent } from './explainEvent.js'
import { foldEvents } from './foldEvents.js'
import { type Board, keyBoard } from './keyBoard.js'
import { type Clock, systemClock } from './systemClock.js'
import { toMachineEvent } from './toMachineEvent.js'

export interface EngineOptions {
  /** The policy new initiatives start under; running ones keep the policy they started with. */
  policy: Policy
  /** Where events live; in memory by default. */
  store?: Store
  /** Epoch milliseconds; the wall clock by default. */
  clock?: Clock
  /** Makes initiative and command ids; nanoid by default. */
  ids?: () => string
  /**
   * Saves a machine snapshot every this many events of an initiative, if the store keeps
   * snapshots, so loading replays only the events after it; 50 by default, 0 for never.
   */
  snapshotEvery?: number
}

/** What an accepted command returns: the stored event and the board after it. */
export interface Receipt {
  initiativeId: string
  commandId: string
  seq: number
  event: RecordedEvent
  board: Board
  /** True when this command id had been handled before and this is that first result again. */
  replayed: boolean
}

export interface InitiativeSummary {
  initiativeId: string
  title: string | null
  phase: Phase
  seq: number
}

type Args<T extends Command['type']> = Omit<CommandOf<T>, 'type' | 'initiativeId'>

/** The engine's API: commands in, events out. Every method is documented in the README. */
export interface Engine {
  readonly policy: Policy
  readonly policyHash: string
  readonly store: Store
  dispatch(command: CommandInput): Promise<Receipt>
  propose(command: Omit<CommandOf<'propose'>, 'type'>): Promise<Receipt>
  submit(initiativeId: string, command: Args<'submit'>): Promise<Receipt>
  amend(initiativeId: string, command: Args<'amend'>): Promise<Receipt>
  decide(initiativeId: string, command: Args<'decide'>): Promise<Receipt>
  revoke(initiativeId: string, command: Args<'revoke'>): Promise<Receipt>
  withdraw(initiativeId: string, command: Args<'withdraw'>): Promise<Receipt>
  delegate(initiativeId: string, command: Args<'delegate'>): Promise<Receipt>
  respond(initiativeId: string, command: Args<'respond'>): Promise<Receipt>
  destination(initiativeId: string, command: Args<'destination'>): Promise<Receipt>
  complete(initiativeId: string, command: Args<'complete'>): Promise<Receipt>
  /** Fires every deadline due at `now`; returns one receipt per initiative whose state changed. */
  tick(now?: number): Promise<Receipt[]>
  /** Would this command be taken now? Never acts. */
  explain(command: CommandInput): Promise<Explanation>
  status(initiativeId: string): Promise<Board>
  history(initiativeId: string): Promise<RecordedEvent[]>
  securityLog(initiativeId?: string): Promise<RefusalRecord[]>
  list(): Promise<InitiativeSummary[]>
  /** The machine snapshot of an initiative (for diagrams, tests and tools). */
  snapshot(initiativeId: string): Promise<AnyMachineSnapshot>
  close(): Promise<void>
}

type MachineState = ReturnType<InitiativeMachine['resolveState']>

interface Loaded {
  policy: Policy
  policyHash: string
  machine: InitiativeMachine
  snapshot: AnyMachineSnapshot
  seq: number
  lastHash: string
}

const commandHashOf = (command: Command) => {
  const { commandId: _id, ...rest } = command
  return canonicalHash(rest)
}

function invalidCommand(value: unknown, issues: Issue[]): TwoKeysError {
  const raw = typeof value === 'object' && value !== null && 'type' in value ? value.type : undefined
  // Only a short string is worth quoting; anything else (a BigInt, a cycle, a huge object) is not echoed.
  const type = typeof raw === 'string' && raw.length <= 40 ? JSON.stringify(raw) : 'command'
  const lines = issues.map((i) => `  ✖ ${i.path.join('.') || '(command)'}: ${i.message}`)
  return new TwoKeysError('COMMAND_INVALID', `invalid ${type} command:\n${lines.join('\n')}`, { issues })
}

/** A receipt whose board is built when first read: most callers only need to know the command was taken. */
class LazyReceipt implements Receipt {
  readonly initiativeId: string
  readonly commandId: string
  readonly seq: number
  #board: Board | undefined
  constructor(
    readonly event: RecordedEvent,
    readonly replayed: boolean,
    private readonly makeBoard: () => Board,
  ) {
    this.initiativeId = event.initiativeId
    this.commandId = event.commandId
    this.seq = event.seq
  }
  get board(): Board {
    this.#board ??= this.makeBoard()
    return this.#board
  }
  toJSON() {
    const { initiativeId, commandId, seq, event, board, replayed } = this
    return { initiativeId, commandId, seq, event, board, replayed }
  }
}

/**
 * Creates an engine that runs initiatives through a policy's statechart. Commands are
 * validated, offered to the machine and, if taken, appended to the initiative's
 * hash-chained log. A refusal throws a {@link TwoKeysError} whose `reasons` say why and is kept
 * in a security log; it never changes state. The engine adds no governance rule of its own.
 *
 * @example
 * const engine = createEngine({ policy: loadPolicyFile('machines/policies/two-keys.yaml') })
 * const { initiativeId } = await engine.propose({ by: 'minzifry', title: 'GPU cluster',
 *   objective: 'infrastructure', scope: { kind: 'federal' } })
 * await engine.submit(initiativeId, { by: 'minzifry' })
 * await engine.decide(initiativeId, { by: 'oreshkin', key: 'presidential-administration', decision: 'approve' })
 * (await engine.status(initiativeId)).keys[1].summary // 'waiting for 1 of grigorenko'
 */
export function createEngine(options: EngineOptions): Engine {
  const policy = options.policy
  const policyHash = hashPolicy(policy)
  const store = options.store ?? memoryStore()
  const clock = options.clock ?? systemClock
  const ids = options.ids ?? (() => nanoid())
  const snapshotEvery = options.snapshotEvery ?? 50
  const machines = new Map<string, { policy: Policy; machine: InitiativeMachine }>([
    [policyHash, { policy, machine: createInitiativeMachine(policy) }],
  ])
  const cache = new Map<string, Loaded>()
  const locks = new Map<string, Promise<unknown>>()
  let policyStored = false

  /** Runs `work` after every earlier command on the same initiative: one writer per initiative here. */
  function withLock<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = locks.get(key)
    // Nobody waiting: start now, without chaining onto a resolved promise.
    const next = previous === undefined ? work() : previous.then(work, work)
    const settled = next.then(
      () => {
        if (locks.get(key) === settled) locks.delete(key)
      },
      () => {
        if (locks.get(key) === settled) locks.delete(key)
      },
    )
    locks.set(key, settled)
    return next
  }

  async function machineFor(hash: string, initiativeId: string) {
    const known = machines.get(hash)
    if (known !== undefined) return known
    const pinned = await store.getPolicy(hash)
    if (pinned === undefined) {
      throw new TwoKeysError(
        'STORE_FAILED',
        `initiative "${initiativeId}" was started under policy ${hash.slice(0, 12)}, which the store does not have; restore that policy version into the store`,
      )
    }
    if (hashPolicy(pinned) !== hash) {
      throw new TwoKeysError(
        'AUDIT_TAMPERED',
        `the policy pinned as ${hash.slice(0, 12)} by initiative "${initiativeId}" no longer hashes to its pin: it was edited in the store; run \`twokeys audit verify\` and restore it from a backup`,
      )
    }
    const entry = { policy: pinned, machine: createInitiativeMachine(pinned) }
    machines.set(hash, entry)
    return entry
  }

  /** Brings an initiative up to date with the store, folding only the events not yet seen. */
  async function load(initiativeId: string): Promise<Loaded | undefined> {
    let cached = cache.get(initiativeId) ?? (await fromSnapshot(initiativeId))
    let fresh = await store.readEvents(initiativeId, cached?.seq ?? 0)
    if (cached !== undefined && fresh[0] !== undefined && fresh[0].prevHash !== cached.lastHash) {
      // A snapshot that does not chain on to the log is stale or foreign: replay from the start.
      cached = undefined
      fresh = await store.readEvents(initiativeId)
    }
    if (cached !== undefined && fresh.length === 0) {
      cache.set(initiativeId, cached)
      return cached
    }
    const first =
      cached ?? (fresh[0] === undefined ? undefined : await startOf(initiativeId, fresh[0].policyHash))
    if (first === undefined) return undefined
    const last = fresh.at(-1)
    const loaded: Loaded = {
      ...first,
      snapshot: foldEvents(
        first.machine,
        first.policyHash,
        fresh.map((r) => r.event),
        first.snapshot,
      ),
      seq: last?.seq ?? first.seq,
      lastHash: last?.hash ?? first.lastHash,
    }
    cache.set(initiativeId, loaded)
    return loaded
  }

  /** The initiative as of its last saved snapshot, if the store keeps them and has one. */
  async function fromSnapshot(initiativeId: string): Promise<Loaded | undefined> {
    const saved = await store.loadSnapshot?.(initiativeId)
    if (saved === undefined) return undefined
    const { policy: pinned, machine } = await machineFor(saved.policyHash, initiativeId)
    let snapshot: MachineState
    try {
      snapshot = machine.resolveState(saved.state as Parameters<InitiativeMachine['resolveState']>[0])
    } catch {
      return undefined // not a state of this machine: replay the log instead
    }
    return {
      policy: pinned,
      policyHash: saved.policyHash,
      machine,
      snapshot,
      seq: saved.seq,
      lastHash: saved.hash,
    }
  }

  /** Saves a snapshot every `snapshotEvery` events; the event is already stored, so a failure here is harmless. */
  async function maybeSaveSnapshot(initiativeId: string, loaded: Loaded): Promise<void> {
    if (store.saveSnapshot === undefined || snapshotEvery <= 0 || loaded.seq % snapshotEvery !== 0) return
    await store
      .saveSnapshot(initiativeId, {
        seq: loaded.seq,
        hash: loaded.lastHash,
        policyHash: loaded.policyHash,
        state: loaded.machine.getPersistedSnapshot(loaded.snapshot as MachineState),
      })
      .catch(() => undefined)
  }

  async function startOf(initiativeId: string, hash: string): Promise<Loaded> {
    const { policy: pinned, machine } = await machineFor(hash, initiativeId)
    return {
      policy: pinned,
      policyHash: hash,
      machine,
      snapshot: getInitialSnapshot(machine, { policyHash: hash }),
      seq: 0,
      lastHash: '',
    }
  }

  async function mustLoad(initiativeId: string): Promise<Loaded> {
    const loaded = await load(initiativeId)
    if (loaded === undefined) {
      throw new TwoKeysError(
        'NOT_FOUND',
        `no initiative "${initiativeId}" in the ${store.kind} store; check the id (engine.list() shows them)`,
      )
    }
    return loaded
  }

  function parse(input: CommandInput): Command {
    const result = CommandSchema.safeParse(input)
    if (!result.success) {
      throw invalidCommand(
        input,
        result.error.issues.map((i) => ({
          code: i.code,
          path: i.path as (string | number)[],
          message: i.message,
        })),
      )
    }
    return result.data
  }

  function receiptOf(loaded: Loaded, event: RecordedEvent, replayed: boolean): Receipt {
    return new LazyReceipt(event, replayed, () => keyBoard(loaded.policy, loaded.snapshot, clock()))
  }

  /** Appends one event after `loaded` and caches the state it leads to. */
  async function appendEvent(
    loaded: Loaded,
    initiativeId: string,
    event: InitiativeEvent,
    next: AnyMachineSnapshot,
    commandId: string,
    commandHash: string,
  ): Promise<{ loaded: Loaded; record: RecordedEvent }> {
    const unsigned = {
      initiativeId,
      seq: loaded.seq + 1,
      commandId,
      commandHash,
      event,
      policyHash: loaded.policyHash,
      revision: (next.context as InitiativeContext).revision.hash,
      prevHash: loaded.lastHash,
    }
    const record: RecordedEvent = { ...unsigned, hash: eventHash(unsigned) }
    try {
      await store.append(initiativeId, loaded.seq, [record])
    } catch (error) {
      cache.delete(initiativeId)
      throw error
    }
    const updated: Loaded = { ...loaded, snapshot: next, seq: record.seq, lastHash: record.hash }
    cache.set(initiativeId, updated)
    await maybeSaveSnapshot(initiativeId, updated)
    return { loaded: updated, record }
  }

  /**
   * Fires a deadline that has passed by `at` before a command is judged, so a command's answer
   * never depends on whether someone called tick() first. A tick that changes nothing is dropped.
   */
  /** The state after a tick at `at` when a deadline has passed by then and the tick changes it; else the same snapshot. */
  function dueSnapshot(loaded: Loaded, at: number): AnyMachineSnapshot {
    const deadline = (loaded.snapshot.context as InitiativeContext).deadline
    if (loaded.snapshot.status !== 'active' || deadline === null || at < deadline) return loaded.snapshot
    const [next] = transition(loaded.machine, loaded.snapshot, { type: 'TICK', at })
    return JSON.stringify(next.value) === JSON.stringify(loaded.snapshot.value) ? loaded.snapshot : next
  }

  async function refuse(
    command: Command,
    initiativeId: string | null,
    commandId: string,
    error: TwoKeysError,
  ) {
    await store.recordRefusal({
      initiativeId,
      commandId,
      commandHash: commandHashOf(command),
      command,
      at: clock(),
      code: error.code,
      reasons: error.reasons.length > 0 ? error.reasons : [error.message],
    })
    return error
  }

  /**
   * Offers one command to the machine and appends the event if taken; retries once on CONFLICT.
   * The cached state is trusted optimistically: a stale cache shows up as a CONFLICT on append,
   * and a refusal is only given after re-reading the store.
   */
  async function offer(
    command: Command,
    initiativeId: string,
    commandId: string,
    attempt = 0,
  ): Promise<Receipt> {
    const cached = cache.get(initiativeId)
    let loaded =
      cached ??
      (command.type === 'propose'
        ? ((await load(initiativeId)) ?? (await startOf(initiativeId, policyHash)))
        : await mustLoad(initiativeId))
    const at = clock()
    // Judged after any deadline that has passed by now, so an answer never depends on whether
    // someone called tick() first; the tick is recorded only if the command is taken.
    const judge = (state: Loaded) => {
      const due = dueSnapshot(state, at)
      const event = toMachineEvent(command, initiativeId, due.context as InitiativeContext, at)
      const [next] = transition(state.machine, due, event)
      // XState hands back the very same snapshot when no transition is taken: only then are words needed.
      const explanation = next === due ? explainEvent(state.machine, state.policy, due, event) : undefined
      return { due, event, next, explanation }
    }
    let verdict = judge(loaded)
    if (verdict.explanation !== undefined && !verdict.explanation.allowed && cached !== undefined) {
      // Refuse only on what the store holds now, not on what this process last saw.
      loaded = (await load(initiativeId)) ?? loaded
      verdict = judge(loaded)
    }
    const { due, event, next, explanation } = verdict
    if (explanation !== undefined && !explanation.allowed) {
      const code = explanation.code ?? 'REFUSED'
      const message = `${command.type} by "${command.by}" refused: ${explanation.reasons.join('; ')}`
      throw await refuse(
        command,
        initiativeId,
        commandId,
        new TwoKeysError(code, message, { reasons: explanation.reasons }),
      )
    }
    const current =
      due === loaded.snapshot
        ? loaded
        : (
            await appendEvent(
              loaded,
              initiativeId,
              { type: 'TICK', at },
              due,
              ids(),
              canonicalHash({ type: 'tick', at }),
            )
          ).loaded
    if (command.type === 'propose' && !policyStored) {
      await store.putPolicy(policyHash, policy)
      policyStored = true
    }
    try {
      const { loaded: updated, record } = await appendEvent(
        current,
        initiativeId,
        event,
        next,
        commandId,
        commandHashOf(command),
      )
      return receiptOf(updated, record, false)
    } catch (error) {
      if (!(isTwoKeysError(error) && error.code === 'CONFLICT') || attempt > 0) throw error
      // Someone else appended first: re-read and offer the command once more.
      const outcome = await store.findCommand(commandId)
      if (outcome?.kind === 'accepted') return receiptOf(await mustLoad(initiativeId), outcome.event, true)
      return offer(command, initiativeId, commandId, attempt + 1)
    }
  }

  async function dispatch(input: CommandInput): Promise<Receipt> {
    const command = parse(input)
    const commandId = command.commandId ?? ids()
    const previous = command.commandId === undefined ? undefined : await store.findCommand(commandId)
    if (previous !== undefined) return replay(command, commandId, previous)
    const initiativeId = command.initiativeId ?? ids()
    return withLock(initiativeId, async () => {
      // A retry racing its first attempt waited for it here: answer with the first result.
      const first = command.commandId === undefined ? undefined : await store.findCommand(commandId)
      return first === undefined ? offer(command, initiativeId, commandId) : replay(command, commandId, first)
    })
  }

  /** A repeated command id returns the first result, or fails if the id is reused for another command. */
  async function replay(
    command: Command,
    commandId: string,
    previous: NonNullable<Awaited<ReturnType<Store['findCommand']>>>,
  ): Promise<Receipt> {
    const firstHash = previous.kind === 'accepted' ? previous.event.commandHash : previous.refusal.commandHash
    if (firstHash !== commandHashOf(command)) {
      throw new TwoKeysError(
        'COMMAND_INVALID',
        `command id "${commandId}" was already used for a different command; use a new id for a new command`,
      )
    }
    if (previous.kind === 'refused') {
      const { code, reasons } = previous.refusal
      throw new TwoKeysError(
        code as TwoKeysError['code'],
        `${command.type} by "${command.by}" refused: ${reasons.join('; ')}`,
        {
          reasons,
        },
      )
    }
    return receiptOf(await mustLoad(previous.event.initiativeId), previous.event, true)
  }

  async function tickOne(initiativeId: string, now: number): Promise<Receipt | undefined> {
    const loaded = await mustLoad(initiativeId)
    if (loaded.snapshot.status !== 'active') return undefined
    const event = { type: 'TICK' as const, at: now }
    if (!loaded.snapshot.can(event)) return undefined
    const [next] = transition(loaded.machine, loaded.snapshot, event)
    // Only a tick that fires a deadline is a fact worth keeping; one that changes nothing is dropped.
    if (JSON.stringify(next.value) === JSON.stringify(loaded.snapshot.value)) return undefined
    try {
      const { loaded: updated, record } = await appendEvent(
        loaded,
        initiativeId,
        event,
        next,
        ids(),
        canonicalHash({ type: 'tick', at: now }),
      )
      return receiptOf(updated, record, false)
    } catch (error) {
      // Another engine fired it first: the deadline is handled either way.
      if (isTwoKeysError(error) && error.code === 'CONFLICT') return undefined
      throw error
    }
  }

  const on =
    <T extends Command['type']>(type: T) =>
    (initiativeId: string, command: Args<T>) =>
      dispatch({ ...command, type, initiativeId } as CommandInput)

  return {
    policy,
    policyHash,
    store,
    dispatch,
    propose: (command) => dispatch({ ...command, type: 'propose' }),
    submit: on('submit'),
    amend: on('amend'),
    decide: on('decide'),
    revoke: on('revoke'),
    withdraw: on('withdraw'),
    delegate: on('delegate'),
    respond: on('respond'),
    destination: on('destination'),
    complete: on('complete'),
    async tick(now = clock()) {
      const receipts: Receipt[] = []
      for (const initiativeId of await store.listInitiatives()) {
        const receipt = await withLock(initiativeId, () => tickOne(initiativeId, now))
        if (receipt !== undefined) receipts.push(receipt)
      }
      return receipts
    },
    async explain(input) {
      const command = parse(input)
      // A proposal explained without an id is judged as a new initiative; no id is used up.
      const initiativeId = command.initiativeId ?? '(new initiative)'
      const loaded =
        command.type === 'propose'
          ? ((await load(initiativeId)) ?? (await startOf(initiativeId, policyHash)))
          : await mustLoad(initiativeId)
      const at = clock()
      // Judge as a command would be: after any deadline that has passed (without recording it).
      const snapshot = dueSnapshot(loaded, at)
      const event = toMachineEvent(command, initiativeId, snapshot.context as InitiativeContext, at)
      return explainEvent(loaded.machine, loaded.policy, snapshot, event)
    },
    async status(initiativeId) {
      const loaded = await mustLoad(initiativeId)
      const now = clock()
      // As of now: a deadline that has passed shows, though no command has recorded it yet.
      return keyBoard(loaded.policy, dueSnapshot(loaded, now), now)
    },
    async history(initiativeId) {
      await mustLoad(initiativeId)
      return store.readEvents(initiativeId)
    },
    securityLog: (initiativeId) => store.refusals(initiativeId),
    async list() {
      const summaries: InitiativeSummary[] = []
      for (const initiativeId of await store.listInitiatives()) {
        const loaded = await mustLoad(initiativeId)
        const context = loaded.snapshot.context as InitiativeContext
        summaries.push({
          initiativeId,
          title: context.content?.title ?? null,
          phase: phaseOf(loaded.snapshot),
          seq: loaded.seq,
        })
      }
      return summaries
    },
    async snapshot(initiativeId) {
      return (await mustLoad(initiativeId)).snapshot
    },
    close: () => store.close(),
  }
}
