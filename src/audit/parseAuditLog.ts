/** One entry of a JSON Lines audit file: the parsed value, or the raw text when it is not JSON. */
export interface AuditLine {
  line: number
  value: unknown
}

/**
 * Splits a JSON Lines audit file into entries (blank lines skipped). A line that is not JSON is
 * kept as its text, so verification reports it as a malformed entry at its position.
 */
export function parseAuditLog(text: string): AuditLine[] {
  const entries: AuditLine[] = []
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim()
    if (line === '') return
    let value: unknown = line
    try {
      value = JSON.parse(line)
    } catch {
      // Kept as text: reported as malformed, with its line.
    }
    entries.push({ line: i + 1, value })
  })
  return entries
}
