import { writeFileSync } from 'node:fs'
import { TwoKeysError } from '../index.js'
import { cliErrorWords } from './cliErrorWords.js'

/**
 * Writes a file a command was asked to write (--report, --out); a path that cannot be written — a
 * missing folder, a directory, a full disk — is a clear error naming it, never an internal one.
 */
export function writeOutputFile(path: string, text: string, what: string): void {
  try {
    writeFileSync(path, text)
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code ?? String(cause)
    throw new TwoKeysError('COMMAND_INVALID', cliErrorWords().cannotWrite(what, path, reason), { cause })
  }
}

/**
 * Writes a new key file, readable by its owner only (mode 0600); an existing file is never
 * overwritten, so a key cannot be lost to a typo.
 */
export function writeNewKeyFile(path: string, text: string, mode = 0o600): void {
  try {
    writeFileSync(path, text, { mode, flag: 'wx' })
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code
    throw new TwoKeysError(
      'COMMAND_INVALID',
      code === 'EEXIST'
        ? cliErrorWords().keyFileExists(path)
        : cliErrorWords().cannotWriteKey(path, code ?? String(cause)),
      { cause },
    )
  }
}
