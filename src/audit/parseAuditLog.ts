/** One entry of a JSON Lines audit file: the parsed value, or the raw text when it is not JSON. */
export interface AuditLine {
  line: number
  value: unknown
  /**
   * The event's position in the exporting store's Merkle log (`logIndex` on the line): not part of
   * the event, so it is taken off `value` here; checked only against a checkpoint.
   */
  logIndex?: unknown
  /** The state digest the event's log leaf records (`logState` on the line), taken off `value` too. */
  logState?: unknown
}

/**
 * Splits a JSON Lines audit file into entries (blank lines skipped). A line that is not JSON is
 * kept as its text, so verification reports it as a malformed entry at its position.
 */
export function parseAuditLog(text: string): AuditLine[] {
  return parseAuditLines(text.split('\n'))
}

/** {@link parseAuditLog} over lines as they are read: a file too large for one string streams. */
export function parseAuditLines(lines: Iterable<string>): AuditLine[] {
  const entries: AuditLine[] = []
  let n = 0
  for (const raw of lines) {
    n++
    const line = raw.trim()
    if (line === '') continue
    let value: unknown = line
    try {
      value = JSON.parse(line)
    } catch {
      // Kept as text: reported as malformed, with its line.
    }
    if (
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      (Object.hasOwn(value, 'logIndex') || Object.hasOwn(value, 'logState'))
    ) {
      const { logIndex, logState, ...event } = value as Record<string, unknown>
      entries.push({ line: n, value: event, logIndex, ...(logState === undefined ? {} : { logState }) })
    } else entries.push({ line: n, value })
  }
  return entries
}
