import { closeSync, openSync, readFileSync, readSync } from 'node:fs'
import { StringDecoder } from 'node:string_decoder'
import { type AuditHead, type AuditLine, parseAuditLines, TwoKeysError } from '../index.js'
import { cliErrorWords } from './cliErrorWords.js'

/** A file error as a located message: a missing file or a directory is bad input, not a crash. */
function unreadable(path: string, what: string, cause: unknown): TwoKeysError {
  const code = (cause as NodeJS.ErrnoException).code
  const words = cliErrorWords()
  const reason = code === 'ENOENT' ? words.noSuchFile : code === 'EISDIR' ? words.isDirectory : code
  return new TwoKeysError('NOT_FOUND', words.unreadable(what, path, reason), { cause })
}

export function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (cause) {
    throw unreadable(path, what, cause)
  }
}

/** The lines of a file, read a megabyte at a time: a log larger than a string can hold still reads. */
function* fileLines(path: string): Generator<string> {
  const fd = openSync(path, 'r')
  try {
    const buffer = Buffer.alloc(1 << 20)
    const decoder = new StringDecoder('utf8')
    let rest = ''
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) {
      const lines = (rest + decoder.write(buffer.subarray(0, n))).split('\n')
      rest = lines.pop() ?? ''
      yield* lines
    }
    yield rest + decoder.end()
  } finally {
    closeSync(fd)
  }
}

/**
 * Reads a JSON Lines audit file. A file in which no line is an event at all is bad input, not a
 * tampered log; a log in which some lines are broken is for verification to report.
 */
export function readAuditFile(path: string): AuditLine[] {
  let lines: AuditLine[]
  try {
    lines = parseAuditLines(fileLines(path))
  } catch (cause) {
    throw unreadable(path, 'audit log', cause)
  }
  const looksLikeEvent = (v: unknown) => typeof v === 'object' && v !== null && 'initiativeId' in v
  if (lines.length > 0 && !lines.some((l) => looksLikeEvent(l.value))) {
    throw new TwoKeysError('COMMAND_INVALID', cliErrorWords().notAnAuditLog(path))
  }
  return lines
}

/**
 * The engine's snapshot key for the audit to check seals with: the contents of `file` (one
 * trailing newline dropped, as `openssl rand -hex 32 > key` writes it), else the environment
 * variable TWOKEYS_SNAPSHOT_KEY; none by default.
 */
export function readSnapshotKey(file: string | undefined): string | undefined {
  if (file !== undefined) return readText(file, 'snapshot key file').replace(/\r?\n$/, '')
  const fromEnv = process.env.TWOKEYS_SNAPSHOT_KEY
  return fromEnv === undefined || fromEnv === '' ? undefined : fromEnv
}

/** Reads heads to check against: `twokeys audit verify --json` output, or a plain { id: { seq, hash } } map. */
export function readHeadsFile(path: string): Record<string, AuditHead> {
  let value: unknown
  try {
    value = JSON.parse(readText(path, 'heads file'))
  } catch (cause) {
    if (cause instanceof TwoKeysError) throw cause
    throw new TwoKeysError('COMMAND_INVALID', cliErrorWords().headsNotJson(path), { cause })
  }
  const heads = (value as { heads?: unknown })?.heads ?? value
  const valid =
    typeof heads === 'object' &&
    heads !== null &&
    Object.values(heads).every(
      (h) => typeof h === 'object' && h !== null && typeof h.seq === 'number' && typeof h.hash === 'string',
    )
  if (!valid) {
    throw new TwoKeysError('COMMAND_INVALID', cliErrorWords().noHeads(path))
  }
  return heads as Record<string, AuditHead>
}
