import { applyKeyringChange } from '../identity/applyKeyringChange.js'
import { type KeyringChangeInput, KeyringChangeSchema } from '../identity/KeyringChange.js'
import type { Keyring } from '../identity/KeyringSchema.js'
import type { AppliedBody } from '../identity/replayKeyring.js'
import type { EngineCore } from './EngineCore.js'
import { engineError } from './engineMessages.js'
import type { KeyringSource } from './keyringSource.js'

/**
 * Checks a keyring change (shape, then every key-holding institution's signature) against the
 * newest stored keyring, stores it and returns the keyring it makes.
 */
export async function changeKeyring(
  core: EngineCore,
  keyrings: KeyringSource,
  input: KeyringChangeInput,
): Promise<Keyring> {
  const parsed = KeyringChangeSchema.safeParse(input)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      code: i.code,
      path: i.path as (string | number)[],
      message: i.message,
    }))
    const listed = issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
    throw engineError('COMMAND_INVALID', 'engine.keyringChangeInvalid', { issues: listed }, { issues })
  }
  await keyrings.refresh()
  const appliedAt = core.clock()
  const next = applyKeyringChange(core.policy, keyrings.latest() ?? null, parsed.data, appliedAt)
  const body: AppliedBody = { appliedAt, change: parsed.data }
  await core.store.appendKeyringChange({ version: next.version, change: body })
  keyrings.add(next)
  return next
}
