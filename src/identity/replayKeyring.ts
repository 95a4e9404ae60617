import { TwoKeysError } from '../domain/TwoKeysError.js'
import type { Policy } from '../policy/PolicySchema.js'
import { applyKeyringChange } from './applyKeyringChange.js'
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
    const tampered = (why: string) =>
      new TwoKeysError(
        'AUDIT_TAMPERED',
        `keyring change ${entry.version}: ${why}; the stored keyring was altered — run \`twokeys audit verify\` and restore it from a backup`,
      )
    const body = entry.change as Partial<AppliedBody> | null
    const parsed = KeyringChangeSchema.safeParse(body?.change)
    if (!parsed.success || typeof body?.appliedAt !== 'number') throw tampered('it is not a keyring change')
    if (parsed.data.version !== entry.version || entry.version !== versions.length + 1) {
      throw tampered(`it is stored as version ${entry.version} but makes version ${parsed.data.version}`)
    }
    try {
      versions.push(applyKeyringChange(policy, versions.at(-1) ?? null, parsed.data, body.appliedAt))
    } catch (error) {
      throw tampered(error instanceof Error ? error.message : String(error))
    }
  }
  return versions
}
