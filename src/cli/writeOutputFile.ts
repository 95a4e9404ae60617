import { writeFileSync } from 'node:fs'
import { TwoKeysError } from '../domain/TwoKeysError.js'

/**
 * Writes a file a command was asked to write (--report, --out); a path that cannot be written — a
 * missing folder, a directory, a full disk — is a clear error naming it, never an internal one.
 */
export function writeOutputFile(path: string, text: string, what: string): void {
  try {
    writeFileSync(path, text)
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code ?? String(cause)
    throw new TwoKeysError(
      'COMMAND_INVALID',
      `cannot write the ${what} to "${path}" (${reason}); choose a file in a folder that exists and can be written`,
      { cause },
    )
  }
}
