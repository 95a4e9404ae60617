import { existsSync, readFileSync } from 'node:fs'
import { type NoteSigner, readNoteSignerText } from '../tlog/noteKey.js'
import { isNoteKeyProblem } from '../tlog/noteKeyMessages.js'
import { COSIGNATURE_ED25519, NOTE_ED25519, readVerifierKey, type VerifierKey } from '../tlog/signedNote.js'
import { witnessError } from './witnessMessages.js'

/** The witness's cosigning key from its private key file; a log's key (type 1) is refused. */
export function loadWitnessSigner(path: string): NoteSigner {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code ?? String(cause)
    throw witnessError('CONFIG_INVALID', 'key.unreadable', { path, code }, { cause })
  }
  const signer = readNoteSignerText(text)
  if (isNoteKeyProblem(signer))
    throw witnessError('CONFIG_INVALID', 'key.malformed', { path, problem: signer })
  if (signer.type !== COSIGNATURE_ED25519)
    throw witnessError('CONFIG_INVALID', 'key.logsKey', { path, type: signer.type })
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
  const at = { value, fromFile }
  if (lines.length === 0) throw witnessError('CONFIG_INVALID', 'logKey.none', { at })
  return lines.map((line) => {
    const key = readVerifierKey(line)
    if (isNoteKeyProblem(key)) throw witnessError('CONFIG_INVALID', 'logKey.malformed', { at, problem: key })
    if (key.type !== NOTE_ED25519)
      throw witnessError('CONFIG_INVALID', 'logKey.notALogKey', { at, name: key.name, type: key.type })
    return key
  })
}
