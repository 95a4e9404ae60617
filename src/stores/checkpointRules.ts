import { storeError } from './storeMessages.js'

/** The note with the cosignature lines appended (each line ends in a newline). */
export function withCosignatures(note: string, lines: readonly string[]): string {
  return note + lines.map((l) => (l.endsWith('\n') ? l : `${l}\n`)).join('')
}

/** One size, one checkpoint: a log that signs two roots for one size has forked, so refuse it. */
export function sameCheckpointOrFail(size: number, stored: string, offered: string): void {
  if (stored !== offered) {
    throw storeError('CONFLICT', 'store.checkpointFork', { size })
  }
}

/** A cosignature line as stored: one `— name base64` line, without its newline. */
export function checkCosignatureLine(line: string): string {
  const trimmed = line.endsWith('\n') ? line.slice(0, -1) : line
  if (!/^\u2014 \S+ [A-Za-z0-9+/=]+$/.test(trimmed)) {
    throw storeError('COMMAND_INVALID', 'store.notCosignatureLine', { line: trimmed.slice(0, 80) })
  }
  return trimmed
}
