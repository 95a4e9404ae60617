/**
 * A stored checkpoint note with only the log's own signature (lines named by the origin): what a
 * witness is sent, and what cosignature lines are checked against.
 */
export function logSignedPart(note: string): string {
  const split = note.lastIndexOf('\n\n')
  const origin = note.split('\n')[0] as string
  const lines = note.slice(split + 2, -1).split('\n')
  return `${note.slice(0, split + 2)}${lines.filter((l) => l.startsWith(`\u2014 ${origin} `)).join('\n')}\n`
}
