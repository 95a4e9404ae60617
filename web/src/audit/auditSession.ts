import type { Keyring } from '../../../src/identity/KeyringSchema.js'
import type { Policy } from '../../../src/policy/PolicySchema.js'
import type { RecordedEvent } from '../../../src/stores/Store.js'
import { makeSessionKeys, type SessionKeys } from './principalKeys.js'
import { createWitnessedLog, type WitnessedLog } from './witnessedLog.js'

/** The principal the page lets students act as who is in no institution (see createRoleSwitcher). */
export const OUTSIDER_ID = 'outsider'

/**
 * What one playground session adds to its engine so that neither the operator nor one institution
 * can rewrite it: a key per principal made in the browser, the keyring (once the engine has
 * applied it), and a witnessed Merkle log over the trail.
 */
export interface AuditSession {
  keys: SessionKeys
  /** The engine's keyring, once applied; null when the policy runs unsigned. */
  keyring: Keyring | null
  /** The engine runs with `identity: signed`. */
  signedRequired: boolean
  log: WitnessedLog
}

/**
 * Keys for every principal (and the outsider) and a witnessed log; the policy the engine should
 * run: `identity: signed` when the first keyring can be made, the policy as given otherwise.
 */
export function createAuditSession(policy: Policy): { session: AuditSession; policy: Policy } {
  const keys = makeSessionKeys(policy, [OUTSIDER_ID])
  const signedRequired = keys.keyringChange !== null
  return {
    session: { keys, keyring: null, signedRequired, log: createWitnessedLog() },
    policy: signedRequired ? { ...policy, identity: 'signed' } : policy,
  }
}

/** After the log grew: publish a checkpoint over it and have both witnesses cosign it. */
export function publishGrowth(session: AuditSession, history: readonly RecordedEvent[], now: number): void {
  const latest = session.log.latest()
  if (history.length === 0 || (latest !== null && latest.size === history.length)) return
  session.log.publish(history, Math.floor(now / 1000))
}
