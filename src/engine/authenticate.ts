import type { InitiativeContext } from '../../machines/InitiativeContext.js'
import type { Command } from '../domain/Command.js'
import { type CommandTexts, commandTexts } from '../identity/commandTexts.js'
import type { SignatureMemo } from '../identity/signatureMemo.js'
import { verifyCommandSignature } from '../identity/verifyCommandSignature.js'
import type { Loaded } from './initiativeLoader.js'
import type { KeyringSource } from './keyringSource.js'
import type { Clock } from './systemClock.js'

/** `keyring` is the version to record with the event (undefined: the command is not signed). */
export type Authentication = { ok: true; keyring: number | undefined } | { ok: false; reason: string }

export type Authenticate = (loaded: Loaded, command: Command, texts?: CommandTexts) => Promise<Authentication>

/**
 * Who is acting: under `identity: signed`, the signature of the command's actor, checked against
 * the current keyring at the engine's time; a signature is checked whenever one is present.
 */
export function createAuthenticate(
  keyrings: KeyringSource,
  clock: Clock,
  memo: SignatureMemo | undefined,
): Authenticate {
  return async (loaded, command, texts) => {
    if (loaded.policy.identity !== 'signed' && command.signature === undefined)
      return { ok: true, keyring: undefined }
    await keyrings.refresh()
    const keyring = keyrings.latest()
    if (keyring === undefined) {
      return {
        ok: false,
        reason: `${command.type} by "${command.by}" cannot be authenticated: the store has no keyring yet; apply one signed by every key-holding institution (\`twokeys keys apply\`)`,
      }
    }
    const at = Math.max(clock(), (loaded.snapshot.context as InitiativeContext).now)
    const verdict =
      memo === undefined
        ? verifyCommandSignature(keyring, command, at, texts?.unsigned)
        : memo.verify(keyring, command, at, texts?.unsigned ?? commandTexts(command).unsigned)
    return verdict.ok ? { ok: true, keyring: keyring.version } : { ok: false, reason: verdict.reason }
  }
}
