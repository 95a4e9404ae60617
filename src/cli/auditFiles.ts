import { readFileSync } from 'node:fs'
import { type AuditLine, parseAuditLog } from '../audit/parseAuditLog.js'
import type { AuditHead } from '../audit/verifyAudit.js'
import { TwoKeysError } from '../domain/TwoKeysError.js'

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code
    throw new TwoKeysError(
      'NOT_FOUND',
      `cannot read ${what} "${path}" (${reason ?? 'unreadable'}); check the path`,
      {
        cause,
      },
    )
  }
}

/**
 * Reads a JSON Lines audit file. A file in which no line is an event at all is bad input, not a
 * tampered log; a log in which some lines are broken is for verification to report.
 */
export function readAuditFile(path: string): AuditLine[] {
  const lines = parseAuditLog(readText(path, 'audit log'))
  const looksLikeEvent = (v: unknown) => typeof v === 'object' && v !== null && 'initiativeId' in v
  if (lines.length > 0 && !lines.some((l) => looksLikeEvent(l.value))) {
    throw new TwoKeysError(
      'COMMAND_INVALID',
      `"${path}" is not an audit log: no line is an event record; export one with \`twokeys audit export --db <db> --out audit.jsonl\``,
    )
  }
  return lines
}

/** Reads heads to check against: `twokeys audit verify --json` output, or a plain { id: { seq, hash } } map. */
export function readHeadsFile(path: string): Record<string, AuditHead> {
  let value: unknown
  try {
    value = JSON.parse(readText(path, 'heads file'))
  } catch (cause) {
    if (cause instanceof TwoKeysError) throw cause
    throw new TwoKeysError(
      'COMMAND_INVALID',
      `heads file "${path}" is not JSON; pass the output of \`twokeys audit verify --json\``,
      {
        cause,
      },
    )
  }
  const heads = (value as { heads?: unknown })?.heads ?? value
  const valid =
    typeof heads === 'object' &&
    heads !== null &&
    Object.values(heads).every(
      (h) => typeof h === 'object' && h !== null && typeof h.seq === 'number' && typeof h.hash === 'string',
    )
  if (!valid) {
    throw new TwoKeysError(
      'COMMAND_INVALID',
      `heads file "${path}" has no heads ({ "<initiative>": { "seq": n, "hash": "…" } }); pass the output of \`twokeys audit verify --json\``,
    )
  }
  return heads as Record<string, AuditHead>
}
