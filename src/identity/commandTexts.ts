import type { Command } from '../domain/Command.js'
import { canonicalMembers, joinMembers } from '../domain/canonicalHash.js'

/** The canonical JSON (RFC 8785) texts of one command that a signed command needs. */
export interface CommandTexts {
  /** The whole command, signature included: what an event keeps and its hash covers. */
  whole: string
  /** Without `signature`: what the signature covers (inside its signing bytes). */
  unsigned: string
  /** Without `commandId`: what the command hash covers (a retry with the same id must match it). */
  hashed: string
}

/**
 * The three texts of a command, from one rendering of its members: a signed command is otherwise
 * canonicalised three times over (signing bytes, command hash, event hash), which was most of the
 * engine's cost for a signature beyond the verification itself. Each text equals
 * `canonicalJson` of the command with that member left out.
 *
 * @example
 * const texts = commandTexts(command)
 * sha256Hex(texts.hashed) === canonicalHash({ ...command, commandId: undefined }) // true
 */
export function commandTexts(command: Command): CommandTexts {
  const members = canonicalMembers(command)
  return {
    whole: joinMembers(members),
    unsigned: joinMembers(members, 'signature'),
    hashed: joinMembers(members, 'commandId'),
  }
}
