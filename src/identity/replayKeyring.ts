import { isTwoKeysError } from '../domain/TwoKeysError.js'
import type { Policy } from '../policy/PolicySchema.js'
import { applyKeyringChange } from './applyKeyringChange.js'
import { identityError, type KeyProblem, keyProblem } from './identityMessages.js'
import { KeyringChangeSchema } from './KeyringChange.js'
import type { Keyring } from './KeyringSchema.js'

/** A keyring change as a store keeps it: the change and when the engine applied it. */
export interface AppliedKeyringChange {
  version: number
  change: unknown
}

/** What the engine stores for a change: the signed change and the engine's time of applying it. */
export interface AppliedBody {
  appliedAt: number
  change: unknown
}

/**
 * Every version of the keyring, from the stored changes: each is checked again — its signatures
 * by every key-holding institution, valid when it was applied — so a keyring row written straight
 * into the database is refused (AUDIT_TAMPERED) instead of trusted. `versions[v - 1]` is version v.
 *
 * @example
 * const versions = replayKeyring(policy, await store.keyringChanges())
 */
export function replayKeyring(
  policy: Policy,
  stored: readonly AppliedKeyringChange[],
  from: Keyring[] = [],
): Keyring[] {
  const versions = [...from]
  for (const entry of stored) {
    const tampered = (problems: KeyProblem[], refused = false) =>
      identityError('AUDIT_TAMPERED', 'keyring.tampered', { version: entry.version, refused, problems })
    const body = entry.change as Partial<AppliedBody> | null
    const parsed = KeyringChangeSchema.safeParse(body?.change)
    if (!parsed.success || typeof body?.appliedAt !== 'number')
      throw tampered([keyProblem('keyring.notAChange', {})])
    if (parsed.data.version !== entry.version || entry.version !== versions.length + 1) {
      throw tampered([keyProblem('keyring.storedAs', { stored: entry.version, makes: parsed.data.version })])
    }
    try {
      versions.push(applyKeyringChange(policy, versions.at(-1) ?? null, parsed.data, body.appliedAt))
    } catch (error) {
      throw tampered(...whyRefused(error))
    }
  }
  return versions
}

/** A refused change's problems as `applyKeyringChange` phrased them; any other error by its text. */
function whyRefused(error: unknown): [KeyProblem[], boolean] {
  if (isTwoKeysError(error) && error.said?.key === 'keyring.refused')
    return [(error.said.params as { problems: KeyProblem[] }).problems, true]
  return [[keyProblem('key.other', { text: error instanceof Error ? error.message : String(error) })], false]
}
