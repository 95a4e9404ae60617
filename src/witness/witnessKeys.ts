import { existsSync, readFileSync } from 'node:fs'
import { TwoKeysError } from '../domain/TwoKeysError.js'
import { type NoteSigner, parseNoteSigner } from '../tlog/noteKey.js'
import { COSIGNATURE_ED25519, NOTE_ED25519, parseVerifierKey, type VerifierKey } from '../tlog/signedNote.js'

/** The witness's cosigning key from its private key file; a log's key (type 1) is refused. */
export function loadWitnessSigner(path: string): NoteSigner {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code ?? String(cause)
    throw new TwoKeysError(
      'CONFIG_INVALID',
      `cannot read the witness key "${path}" (${code}); make one with \`twokeys witness key new --name <name> --out <file>\``,
      { cause },
    )
  }
  const signer = parseNoteSigner(text)
  if (typeof signer === 'string') throw new TwoKeysError('CONFIG_INVALID', `witness key "${path}": ${signer}`)
  if (signer.type !== COSIGNATURE_ED25519)
    throw new TwoKeysError(
      'CONFIG_INVALID',
      `"${path}" is a log's signing key (type ${signer.type}), not a witness's cosigning key (type 4); make one with \`twokeys witness key new\``,
    )
  return signer
}

/**
 * The log verifier keys a `--log-key` names: a vkey file (one key a line; `#` comments) or the
 * vkey text itself. Each must be a log's key (type 1); its name is the origin it signs for.
 */
export function readLogKeys(value: string): VerifierKey[] {
  const fromFile = existsSync(value)
  const text = fromFile ? readFileSync(value, 'utf8') : value
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
  const where = fromFile ? `the file "${value}"` : `"${value}"`
  if (lines.length === 0)
    throw new TwoKeysError(
      'CONFIG_INVALID',
      `--log-key ${where} holds no verifier key; pass the log's vkey or a file with it`,
    )
  return lines.map((line) => {
    const key = parseVerifierKey(line)
    if (typeof key === 'string')
      throw new TwoKeysError(
        'CONFIG_INVALID',
        `--log-key ${where}: ${key}; pass the log's vkey (its name is the log's origin) or a file with it`,
      )
    if (key.type !== NOTE_ED25519)
      throw new TwoKeysError(
        'CONFIG_INVALID',
        `--log-key ${where}: "${key.name}" is a key of type ${key.type}, not a log's checkpoint key (type 1)`,
      )
    return key
  })
}
