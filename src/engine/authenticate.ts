import type { InitiativeContext } from '../../machines/InitiativeContext.js'
import type { Command } from '../domain/Command.js'
import type { TwoKeysError } from '../domain/TwoKeysError.js'
import { type CommandTexts, commandTexts } from '../identity/commandTexts.js'
import { type KeyProblem, keyProblem } from '../identity/identityMessages.js'
import type { SignatureMemo } from '../identity/signatureMemo.js'
import { verifyCommandSignature } from '../identity/verifyCommandSignature.js'
import { phraseOf } from '../policy/phrased.js'
import { ENGINE_MESSAGES, engineError } from './engineMessages.js'
import type { Loaded } from './initiativeLoader.js'
import type { KeyringSource } from './keyringSource.js'
import type { Clock } from './systemClock.js'

/**
 * `keyring` is the version to record with the event (undefined: the command is not signed); a
 * refusal is an UNAUTHENTICATED error whose one reason is its message.
 */
export type Authentication = { ok: true; keyring: number | undefined } | { ok: false; error: TwoKeysError }

/** The security log keeps a refusal's reasons: here the one reason is the message itself. */
const noKeyring = (command: Command): Authentication => {
  const params = { type: command.type, by: command.by }
  const reason = ENGINE_MESSAGES['engine.noKeyring'](params)
  return {
    ok: false,
    error: engineError('UNAUTHENTICATED', 'engine.noKeyring', params, { reasons: [reason] }),
  }
}

/** A signature check's refusal, worded from its phrase (an unphrased reason as it is). */
const badSignature = (reason: string, problem: KeyProblem | undefined): Authentication => {
  const params = { problem: problem ?? keyProblem('key.other', { text: reason }) }
  return {
    ok: false,
    error: engineError('UNAUTHENTICATED', 'engine.signature', params, { reasons: [reason] }),
  }
}

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
    if (keyring === undefined) return noKeyring(command)
    const at = Math.max(clock(), (loaded.snapshot.context as InitiativeContext).now)
    const verdict =
      memo === undefined
        ? verifyCommandSignature(keyring, command, at, texts?.unsigned)
        : memo.verify(keyring, command, at, texts?.unsigned ?? commandTexts(command).unsigned)
    return verdict.ok
      ? { ok: true, keyring: keyring.version }
      : badSignature(verdict.reason, phraseOf<KeyProblem>(verdict))
  }
}
