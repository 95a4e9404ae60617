import type { Command, CommandInput, CommandOf } from '../domain/Command.js'
import { newRecordId } from '../domain/newRecordId.js'
import { hashPolicy } from '../policy/hashPolicy.js'
import { memoryStore } from '../stores/memoryStore.js'
import { createAuthenticate } from './authenticate.js'
import { changeKeyring } from './changeKeyring.js'
import { checkpointTrustOf } from './checkpointTrust.js'
import { createCommandOutcomes } from './commandOutcomes.js'
import { createCommandPath } from './commandPath.js'
import type { Engine, EngineOptions } from './Engine.js'
import type { EngineCore } from './EngineCore.js'
import { engineReads } from './engineReads.js'
import { createInitiativeLoader } from './initiativeLoader.js'
import { createKeyedLock } from './keyedLock.js'
import { createKeyringSource } from './keyringSource.js'
import type { Receipt } from './LazyReceipt.js'
import { snapshotKeyBytes } from './snapshotSeal.js'
import { systemClock } from './systemClock.js'
import { tickAll } from './tickAll.js'

export type { Engine, EngineOptions, InitiativeSummary } from './Engine.js'
export type { Receipt }

/**
 * Creates an engine that runs initiatives through a policy's statechart. Commands are
 * validated, offered to the machine and, if taken, appended to the initiative's
 * hash-chained log. A refusal throws a {@link TwoKeysError} whose `reasons` say why and is kept
 * in a security log; it never changes state. The engine adds no governance rule of its own.
 *
 * It is composed of: the initiative loader (cache, trusted snapshots, pinned policies), a keyed
 * lock (one writer per initiative in this process), the keyring source, and the command path
 * (authenticate, judge, append, replay by command id); reads and `tick` share the loader.
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
  const keyrings = createKeyringSource(store, policy)
  const loader = createInitiativeLoader({
    store,
    policy,
    policyHash,
    snapshotKey: options.snapshotKey === undefined ? undefined : snapshotKeyBytes(options.snapshotKey),
    checkpoints: checkpointTrustOf(store, options.witnesses),
    snapshotEvery: options.snapshotEvery ?? 50,
    keyrings,
  })
  const core: EngineCore = { policy, policyHash, store, clock, ids: options.ids ?? newRecordId, loader }
  const withLock = createKeyedLock()
  const outcomes = createCommandOutcomes(core)
  const authenticate = createAuthenticate(keyrings, clock, options.signatureMemo)
  const { dispatch, explain } = createCommandPath(core, withLock, authenticate, outcomes)

  const on =
    <T extends Command['type']>(type: T) =>
    (initiativeId: string, command: Omit<CommandOf<T>, 'type' | 'initiativeId'>) =>
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
    tick: (at) => tickAll(core, withLock, outcomes.receiptOf, at),
    explain,
    ...engineReads(core),
    async keyring() {
      await keyrings.refresh()
      return keyrings.latest() ?? null
    },
    changeKeyring: (input) => changeKeyring(core, keyrings, input),
    close: () => store.close(),
  }
}
