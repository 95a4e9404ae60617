import type { Command, CommandInput } from '../domain/Command.js'
import type { CommandSignature } from '../domain/CommandSignature.js'
import { parseCommand } from '../domain/parseCommand.js'
import { fromBase64url, toBase64url } from './base64url.js'
import { ed25519Sign } from './ed25519.js'
import type { PrivateKeyFile } from './PrivateKeyFile.js'
import { signingBytes, signingBytesOfCanonical } from './signingBytes.js'

/** A command with its signature. */
export type SignedCommand = Command & { signature: CommandSignature }

/**
 * The bytes a command's signature covers: `twokeys/command/v1`, a newline, and the RFC 8785 JSON
 * of `{ command, keyId }`, where `command` is the parsed command without its `signature`.
 */
export function commandSigningBytes(command: Command, keyId: string): Uint8Array {
  const { signature: _own, ...unsigned } = command
  return signingBytes('twokeys/command/v1', { command: unsigned, keyId })
}

/**
 * As {@link commandSigningBytes}, from the canonical JSON of the command without its signature,
 * rendered once by a caller that needs it for more than the signature (see `commandTexts`).
 * Same bytes: the payload's two members in canonical order, `command` before `keyId`.
 */
export function commandSigningBytesOfCanonical(unsignedCommand: string, keyId: string): Uint8Array {
  return signingBytesOfCanonical(
    'twokeys/command/v1',
    `{"command":${unsignedCommand},"keyId":${JSON.stringify(keyId)}}`,
  )
}

/**
 * Signs a command with a principal's private key. The command is parsed first (times become epoch
 * milliseconds), and the parsed form is what is signed and returned: send it as it is.
 *
 * @example
 * const signed = signCommand({ type: 'decide', initiativeId: 'kazan', commandId: 'c-17', by: 'oreshkin',
 *   key: 'presidential-administration', decision: 'approve', revision }, oreshkinKey)
 * await engine.dispatch(signed)
 */
export function signCommand(input: CommandInput, key: PrivateKeyFile): SignedCommand {
  const command = parseCommand(input)
  const seed = fromBase64url(key.d) as Uint8Array
  const publicKey = fromBase64url(key.x) as Uint8Array
  const value = toBase64url(ed25519Sign(seed, commandSigningBytes(command, key.kid), publicKey))
  return { ...command, signature: { keyId: key.kid, value } }
}
