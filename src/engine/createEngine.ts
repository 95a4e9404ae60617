import type { AnyMachineSnapshot } from 'xstate'
import { type Phase, phaseOf } from '../../machines/describeState.js'
import type { InitiativeContext } from '../../machines/InitiativeContext.js'
import { phrase } from '../../machines/refusalMessages.js'
import { toMachineEvent } from '../../machines/toMachineEvent.js'
import type { Command, CommandInput, CommandOf } from '../domain/Command.js'
import { canonicalHash, canonicalJsonWith, sha256Hex } from '../domain/canonicalHash.js'
import { eventHash } from '../domain/eventHash.js'
import type { InitiativeEvent } from '../domain/InitiativeEvent.js'
import { newRecordId } from '../domain/newRecordId.js'
import { parseCommand as parse } from '../domain/parseCommand.js'
import type { RecordedEvent } from '../domain/RecordedEvent.js'
import { recordIdProblem } from '../domain/RecordIdSchema.js'
import { isTwoKeysError, TwoKeysError } from '../domain/TwoKeysError.js'
import type { InitiativeSnapshot } from '../explore/InitiativeSnapshot.js'
import { stepperFor } from '../explore/stepper.js'
import { applyKeyringChange } from '../identity/applyKeyringChange.js'
import { type CommandTexts, commandTexts } from '../identity/commandTexts.js'
import { type KeyringChangeInput, KeyringChangeSchema } from '../identity/KeyringChange.js'
import type { Keyring } from '../identity/KeyringSchema.js'
import { type AppliedBody, replayKeyring } from '../identity/replayKeyring.js'
import type { SignatureMemo } from '../identity/signatureMemo.js'
import { verifyCommandSignature } from '../identity/verifyCommandSignature.js'
import { hashPolicy } from '../policy/hashPolicy.js'
import type { Policy } from '../policy/PolicySchema.js'
import { memoryStore } from '../stores/memoryStore.js'
import type { CommandOutcome, RefusalRecord, Store } from '../stores/Store.js'
import type { WitnessList } from '../tlog/witnessList.js'
import { checkpointTrustOf } from './checkpointTrust.js'
import { type DueTick, dueTicks } from './dueTicks.js'
import { type Explanation, explainEvent } from './explainEvent.js'
import { createInitiativeLoader, type Loaded } from './initiativeLoader.js'
import { type Board, keyBoard } from './keyBoard.js'
import { createKeyedLock } from './keyedLock.js'
import { LazyReceipt, type Receipt } from './LazyReceipt.js'
import { snapshotKeyBytes } from './snapshotSeal.js'
import { type Clock, systemClock } from './systemClock.js'

export type { Receipt }

export interface EngineOptions {
  /** The policy new initiatives start under; running ones keep the policy they started with. */
  policy: Policy
  /** Where events live; in memory by default. */
  store?: Store
  /** Epoch milliseconds; the wall clock by default. */
  clock?: Clock
  /** Makes initiative and command ids; 21 random letters and digits (nanoid) by default. */
  ids?: () => string
  /**
   * Saves a sealed machine snapshot every this many events of an initiative, if the store keeps
   * snapshots and a `snapshotKey` is given, so loading replays only the events after it; 50 by
   * default, 0 for never.
   */
  snapshotEvery?: number
  /**
   * The engine's own secret (at least 16 bytes), kept outside the database — a file or an
   * environment variable. Snapshots are sealed with it and only sealed ones are trusted, so whoever
   * can write the database cannot plant a state. Without it no snapshot is saved or read: loading
   * replays the log (checked event by event) once per process.
   */
  snapshotKey?: string | Uint8Array
  /**
   * The witnesses file (its text, or parsed): a snapshot whose state digest is on a log leaf that
   * the latest stored checkpoint covers, cosigned by a witness of every institution listed (and
   * signed by the log's key, if the list names it), is trusted without replay — no snapshot key
   * needed. The engine then saves snapshots every `snapshotEvery` events and records each one's
   * state digest on its event's log leaf. Needs a store with snapshots and a Merkle log.
   */
  witnesses?: WitnessList | string
  /**
   * Signatures already verified elsewhere in this process (`twokeys serve`'s rate limiter shares
   * one with its engine): the Ed25519 check of a command seen there is not done twice. Every other
   * check of the signature still runs. See `createSignatureMemo`.
   */
  signatureMemo?: SignatureMemo
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
  /** The engine's clock (epoch ms): what its background jobs read the time from too. */
  readonly clock: Clock
  dispatch(command: CommandInput): Promise<Receipt>
  propose(command: Omit<CommandOf<'propose'>, 'type'>): Promise<Receipt>
  submit(initiativeId: string, command: Args<'submit'>): Promise<Receipt>
  amend(initiativeId: string, command: Args<'amend'>): Promise<Receipt>
  decide(initiativeId: string, command: Args<'decide'>): Promise<Receipt>
  revoke(initiativeId: string, command: Args<'revoke'>): Promise<Receipt>
  withdraw(initiativeId: string, command: Args<'withdraw'>): Promise<Receipt>
  delegate(initiativeId: string, command: Args<'delegate'>): Promise<Receipt>
  respond(initiativeId: string, command: Args<'respond'>): Promise<Receipt>
  /** A ministry named by a federal initiative accepts or declines its rollout (`rollout.federal: ministries`). */
  ministry(initiativeId: string, command: Args<'ministry'>): Promise<Receipt>
  /** A commission member votes in the plenary to return the initiative (policies with `commission`). */
  plenary(initiativeId: string, command: Args<'plenary'>): Promise<Receipt>
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
  /** The current keyring, checked change by change; null before the first keyring change. */
  keyring(): Promise<Keyring | null>
  /**
   * Applies a keyring change signed by a key of every key-holding institution (see
   * `signKeyringChange`) and stores it; UNAUTHENTICATED when a signature is missing or bad.
   */
  changeKeyring(change: KeyringChangeInput): Promise<Keyring>
  close(): Promise<void>
}

const commandHashOf = (command: Command) => {
  const { commandId: _id, ...rest } = command
  return canonicalHash(rest)
}

const tickHashOf = (at: number) => canonicalHash({ type: 'tick', at })

/** An initiative id passed to a read, checked as a command's would be: a bad one is COMMAND_INVALID, never a crash. */
function checkedId(value: unknown, where: string): string {
  const problem =
    typeof value === 'string'
      ? recordIdProblem(value)
      : `expected an initiative id (a string), not ${value === null ? 'null' : typeof value}`
  if (problem !== undefined) throw new TwoKeysError('COMMAND_INVALID', `${where}: ${problem}`)
  return value as string
}

/** One event about to be appended, with the state it leads to. */
interface Step {
  event: InitiativeEvent
  snapshot: AnyMachineSnapshot
  commandId: string
  commandHash: string
  /**
   * The signed command and the keyring version it was checked against, kept with the event, and
   * the command's canonical JSON (`text`), rendered once for the signature and reused for the hash.
   */
  signed?: { command: Command; keyring: number; text: string }
}

/** What the machine makes of a command now: the deadlines due first, then the command itself. */
interface Verdict {
  ticks: DueTick[]
  /** The state after the due deadlines, in which the command is judged. */
  due: AnyMachineSnapshot
  event: InitiativeEvent
  next: AnyMachineSnapshot
  /** Present only when the machine refused the event. */
  explanation: Explanation | undefined
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
  const ids = options.ids ?? newRecordId
  const loader = createInitiativeLoader({
    store,
    policy,
    policyHash,
    snapshotKey: options.snapshotKey === undefined ? undefined : snapshotKeyBytes(options.snapshotKey),
    checkpoints: checkpointTrustOf(store, options.witnesses),
    snapshotEvery: options.snapshotEvery ?? 50,
    keyrings: {
      get: (version) => keyringSource.get(version),
      refresh: () => keyringSource.refresh(),
    },
  })
  const withLock = createKeyedLock()
  let policyStored = false

  // Every version of the keyring, each checked; refreshed from the store (other instances may change it).
  let keyrings: Keyring[] = []
  const keyringSource = {
    get: (version: number) => keyrings[version - 1],
    async refresh() {
      const fresh = await store.keyringChanges(keyrings.length)
      if (fresh.length > 0) keyrings = replayKeyring(policy, fresh, keyrings)
    },
  }

  /**
   * Who is acting: under `identity: signed`, the signature of the command's actor, checked against
   * the current keyring at the engine's time; a signature is checked whenever one is present.
   * `keyring` is the version to record with the event (undefined: the command is not signed).
   */
  async function authenticate(
    loaded: Loaded,
    command: Command,
    texts?: CommandTexts,
  ): Promise<{ ok: true; keyring: number | undefined } | { ok: false; reason: string }> {
    if (loaded.policy.identity !== 'signed' && command.signature === undefined)
      return { ok: true, keyring: undefined }
    await keyringSource.refresh()
    const keyring = keyrings.at(-1)
    if (keyring === undefined) {
      return {
        ok: false,
        reason: `${command.type} by "${command.by}" cannot be authenticated: the store has no keyring yet; apply one signed by every key-holding institution (\`twokeys keys apply\`)`,
      }
    }
    const at = Math.max(clock(), (loaded.snapshot.context as InitiativeContext).now)
    const memo = options.signatureMemo
    const verdict =
      memo === undefined
        ? verifyCommandSignature(keyring, command, at, texts?.unsigned)
        : memo.verify(keyring, command, at, texts?.unsigned ?? commandTexts(command).unsigned)
    return verdict.ok ? { ok: true, keyring: keyring.version } : { ok: false, reason: verdict.reason }
  }

  /**
   * Judges a command as the machine would take it now: every deadline that has passed is applied
   * first (to a fixed point), then the command, at the engine's clock clamped to the machine's —
   * instance clocks drift, and the machine's clock never runs back.
   */
  function judge(loaded: Loaded, command: Command, initiativeId: string): Verdict {
    const now = Math.max(clock(), (loaded.snapshot.context as InitiativeContext).now)
    const { ticks, snapshot: due } = dueTicks(loaded.machine, loaded.policy, loaded.snapshot, now)
    const at = Math.max(now, (due.context as InitiativeContext).now)
    const event = toMachineEvent(command, initiativeId, due.context as InitiativeContext, at)
    const next = stepperFor(loaded.machine)(due as InitiativeSnapshot, event)
    // XState hands back the very same snapshot when no transition is taken: only then are words needed.
    const explanation = next === due ? explainEvent(loaded.machine, loaded.policy, due, event) : undefined
    return { ticks, due, event, next, explanation }
  }

  const tickSteps = (ticks: DueTick[]): Step[] =>
    ticks.map((t) => ({
      event: t.event,
      snapshot: t.snapshot,
      commandId: ids(),
      commandHash: tickHashOf(t.event.at),
    }))

  /** Chains the steps onto `loaded` and appends them in one transaction: all of them or none. */
  async function commit(
    loaded: Loaded,
    initiativeId: string,
    steps: Step[],
  ): Promise<{ loaded: Loaded; last: RecordedEvent }> {
    let { seq, lastHash } = loaded
    const records = steps.map((step) => {
      const unsigned = {
        initiativeId,
        seq: ++seq,
        commandId: step.commandId,
        commandHash: step.commandHash,
        event: step.event,
        policyHash: loaded.policyHash,
        revision: (step.snapshot.context as InitiativeContext).revision.hash,
        prevHash: lastHash,
        ...(step.signed === undefined ? {} : { command: step.signed.command, keyring: step.signed.keyring }),
      }
      // With a signed command, its text is already rendered: the same hash as eventHash(unsigned).
      const hash =
        step.signed === undefined
          ? eventHash(unsigned)
          : sha256Hex(canonicalJsonWith(unsigned, 'command', step.signed.text))
      const record: RecordedEvent = { ...unsigned, hash }
      lastHash = record.hash
      return record
    })
    const snapshot = steps.at(-1)?.snapshot ?? loaded.snapshot
    const next = { ...loaded, snapshot, seq, lastHash }
    const point = loader.snapshotPoint(initiativeId, loaded.seq, next)
    try {
      await store.append(initiativeId, loaded.seq, records, point && { state: point.digest })
    } catch (error) {
      loader.forget(initiativeId)
      throw error
    }
    const updated = loader.remember(initiativeId, next)
    if (point !== undefined) await loader.saveSnapshot(initiativeId, point)
    return { loaded: updated, last: records.at(-1) as RecordedEvent }
  }

  function receiptOf(loaded: Loaded, event: RecordedEvent, replayed: boolean): Receipt {
    return new LazyReceipt(event, replayed, () => keyBoard(loaded.policy, loaded.snapshot, clock()))
  }

  /**
   * Keeps a refusal in the security log and throws it — unless the command id already has an
   * outcome (the same command raced in from elsewhere): then that first outcome is the answer.
   */
  async function refuse(
    command: Command,
    initiativeId: string | null,
    commandId: string,
    error: TwoKeysError,
  ): Promise<Receipt> {
    const earlier = await store.recordRefusal({
      initiativeId,
      commandId,
      commandHash: commandHashOf(command),
      command,
      at: clock(),
      code: error.code,
      reasons: error.reasons.length > 0 ? error.reasons : [error.message],
    })
    if (earlier !== undefined) return replay(command, commandId, earlier)
    throw error
  }

  /**
   * Offers one command to the machine and appends it, with the deadlines due before it, if taken;
   * re-offers once on CONFLICT. The cached state is trusted optimistically: a stale cache shows up
   * as a CONFLICT on append, and a refusal is only given after re-reading the store.
   */
  async function offer(
    command: Command,
    initiativeId: string,
    commandId: string,
    attempt = 0,
  ): Promise<Receipt> {
    const cached = loader.cached(initiativeId)
    let loaded =
      cached ??
      (command.type === 'propose'
        ? ((await loader.load(initiativeId)) ?? (await loader.startOf(initiativeId, policyHash)))
        : await loader.mustLoad(initiativeId))
    // A signed command is rendered once, for its signing bytes, its command hash and its event's hash.
    const texts = command.signature === undefined ? undefined : commandTexts(command)
    const signed = await authenticate(loaded, command, texts)
    if (!signed.ok) {
      return refuse(
        command,
        initiativeId,
        commandId,
        new TwoKeysError('UNAUTHENTICATED', signed.reason, { reasons: [signed.reason] }),
      )
    }
    let verdict = judge(loaded, command, initiativeId)
    if (verdict.explanation !== undefined && !verdict.explanation.allowed && cached !== undefined) {
      // Refuse only on what the store holds now, not on what this process last saw.
      loaded = (await loader.load(initiativeId)) ?? loaded
      verdict = judge(loaded, command, initiativeId)
    }
    const { ticks, event, next, explanation } = verdict
    if (explanation !== undefined && !explanation.allowed) {
      const code = explanation.code ?? 'REFUSED'
      const message = `${command.type} by "${command.by}" refused: ${explanation.reasons.join('; ')}`
      return refuse(
        command,
        initiativeId,
        commandId,
        new TwoKeysError(code, message, { reasons: explanation.reasons, phrases: explanation.phrases }),
      )
    }
    if (command.type === 'propose' && !policyStored) {
      await store.putPolicy(policyHash, policy)
      policyStored = true
    }
    const steps: Step[] = [
      ...tickSteps(ticks),
      {
        event,
        snapshot: next,
        commandId,
        commandHash: texts === undefined ? commandHashOf(command) : sha256Hex(texts.hashed),
        ...(signed.keyring === undefined || texts === undefined
          ? {}
          : { signed: { command, keyring: signed.keyring, text: texts.whole } }),
      },
    ]
    try {
      const { loaded: updated, last } = await commit(loaded, initiativeId, steps)
      return receiptOf(updated, last, false)
    } catch (error) {
      if (!(isTwoKeysError(error) && error.code === 'CONFLICT')) throw error
      // The id may have been taken meanwhile (the same command from elsewhere, or a reuse).
      const outcome = await store.findCommand(commandId)
      if (outcome !== undefined) return replay(command, commandId, outcome)
      if (attempt > 0) throw error
      // Someone else appended first: re-read and offer the command once more.
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

  /**
   * One id names one command: a repeat gets the first outcome (the receipt again, or the same
   * refusal); the id reused for another command or initiative is COMMAND_INVALID.
   */
  async function replay(command: Command, commandId: string, previous: CommandOutcome): Promise<Receipt> {
    const first = previous.kind === 'accepted' ? previous.event : previous.refusal
    if (first.commandHash !== commandHashOf(command)) {
      throw new TwoKeysError(
        'COMMAND_INVALID',
        `command id "${commandId}" was already used for a different command${first.initiativeId === null ? '' : ` on initiative "${first.initiativeId}"`}; use a new id for a new command`,
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
    return receiptOf(await loader.mustLoad(previous.event.initiativeId), previous.event, true)
  }

  /** Records every deadline of one initiative due by `now`, in one append. */
  async function tickOne(initiativeId: string, now: number): Promise<Receipt | undefined> {
    const loaded = await loader.mustLoad(initiativeId)
    const { ticks } = dueTicks(loaded.machine, loaded.policy, loaded.snapshot, now)
    if (ticks.length === 0) return undefined
    try {
      const { loaded: updated, last } = await commit(loaded, initiativeId, tickSteps(ticks))
      return receiptOf(updated, last, false)
    } catch (error) {
      // Another engine stored first; it applied the same deadlines before its own event.
      if (isTwoKeysError(error) && error.code === 'CONFLICT') return undefined
      throw error
    }
  }

  /** The state as of now: deadlines that have passed show, though nothing has recorded them yet. */
  function asOfNow(loaded: Loaded, now: number): AnyMachineSnapshot {
    const clamped = Math.max(now, (loaded.snapshot.context as InitiativeContext).now)
    return dueTicks(loaded.machine, loaded.policy, loaded.snapshot, clamped).snapshot
  }

  const on =
    <T extends Command['type']>(type: T) =>
    (initiativeId: string, command: Args<T>) =>
      dispatch({ ...command, type, initiativeId } as CommandInput)

  return {
    policy,
    policyHash,
    store,
    clock,
    dispatch,
    propose: (command) => dispatch({ ...command, type: 'propose' }),
    submit: on('submit'),
    amend: on('amend'),
    decide: on('decide'),
    revoke: on('revoke'),
    withdraw: on('withdraw'),
    delegate: on('delegate'),
    respond: on('respond'),
    ministry: on('ministry'),
    plenary: on('plenary'),
    destination: on('destination'),
    complete: on('complete'),
    async tick(at?: number) {
      if (at !== undefined && !(Number.isSafeInteger(at) && at >= 0)) {
        throw new TwoKeysError(
          'COMMAND_INVALID',
          `tick(now): ${typeof at === 'number' ? String(at) : `a ${at === null ? 'null' : typeof at}`} is not a time; give whole epoch milliseconds (Date.parse(…)) or nothing for the engine's clock`,
        )
      }
      const now = at ?? clock()
      const receipts: Receipt[] = []
      const failures: string[] = []
      let firstFailure: TwoKeysError | undefined
      for (const initiativeId of await store.listInitiatives()) {
        try {
          const receipt = await withLock(initiativeId, () => tickOne(initiativeId, now))
          if (receipt !== undefined) receipts.push(receipt)
        } catch (error) {
          // One broken initiative must not stop every other deadline from firing.
          const wrapped = isTwoKeysError(error)
            ? error
            : new TwoKeysError('INTERNAL', `initiative "${initiativeId}": ${String(error)}`, { cause: error })
          firstFailure ??= wrapped
          failures.push(wrapped.message)
        }
      }
      if (firstFailure !== undefined) {
        throw new TwoKeysError(
          firstFailure.code,
          `tick fired the deadlines of every other initiative (${receipts.length} changed), but ${failures.length} could not be ticked:\n${failures.map((f) => `  ✖ ${f}`).join('\n')}`,
          { reasons: failures, cause: firstFailure },
        )
      }
      return receipts
    },
    async explain(input) {
      const command = parse(input)
      const initiativeId = command.initiativeId
      // A proposal without an id is judged as a new initiative: nothing is loaded, no id is used up.
      const loaded =
        command.type === 'propose'
          ? ((initiativeId === undefined ? undefined : await loader.load(initiativeId)) ??
            (await loader.startOf(initiativeId ?? '', policyHash)))
          : await loader.mustLoad(initiativeId as string)
      // The rules are explained before anyone signs; a signature, when present, is checked as a command's would be.
      if (command.signature !== undefined) {
        const signed = await authenticate(loaded, command)
        if (!signed.ok)
          return {
            allowed: false,
            reasons: [signed.reason],
            phrases: [phrase('text', { text: signed.reason })],
            rules: [],
            code: 'UNAUTHENTICATED',
          }
      }
      const verdict = judge(loaded, command, initiativeId ?? '')
      return verdict.explanation ?? explainEvent(loaded.machine, loaded.policy, verdict.due, verdict.event)
    },
    async status(id) {
      const initiativeId = checkedId(id, 'status()')
      const loaded = await loader.mustLoad(initiativeId)
      const now = clock()
      return keyBoard(loaded.policy, asOfNow(loaded, now), now)
    },
    async history(id) {
      const initiativeId = checkedId(id, 'history()')
      await loader.mustLoad(initiativeId)
      return store.readEvents(initiativeId)
    },
    securityLog: async (id) => store.refusals(id === undefined ? undefined : checkedId(id, 'securityLog()')),
    async list() {
      const summaries: InitiativeSummary[] = []
      const now = clock()
      for (const initiativeId of await store.listInitiatives()) {
        const loaded = await loader.mustLoad(initiativeId)
        const snapshot = asOfNow(loaded, now)
        const context = snapshot.context as InitiativeContext
        summaries.push({
          initiativeId,
          title: context.content?.title ?? null,
          phase: phaseOf(snapshot),
          seq: loaded.seq,
        })
      }
      return summaries
    },
    async snapshot(id) {
      return (await loader.mustLoad(checkedId(id, 'snapshot()'))).snapshot
    },
    async keyring() {
      await keyringSource.refresh()
      return keyrings.at(-1) ?? null
    },
    async changeKeyring(input) {
      const parsed = KeyringChangeSchema.safeParse(input)
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({
          code: i.code,
          path: i.path as (string | number)[],
          message: i.message,
        }))
        throw new TwoKeysError(
          'COMMAND_INVALID',
          `invalid keyring change:\n${issues.map((i) => `  ✖ ${i.path.join('.') || '(change)'}: ${i.message}`).join('\n')}`,
          { issues },
        )
      }
      await keyringSource.refresh()
      const appliedAt = clock()
      const next = applyKeyringChange(policy, keyrings.at(-1) ?? null, parsed.data, appliedAt)
      const body: AppliedBody = { appliedAt, change: parsed.data }
      await store.appendKeyringChange({ version: next.version, change: body })
      keyrings = [...keyrings, next]
      return next
    },
    close: () => store.close(),
  }
}
