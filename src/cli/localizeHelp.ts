import type { EventEmitter } from 'node:events'
import type { Command } from 'commander'

/**
 * One command's help in another language, keyed as the command names things (its arguments by
 * name, its options by long flag, its subcommands by name) so that English stays exactly as the
 * command files write it and a new option without words shows up in a test, not in a user's face.
 */
export interface CommandHelp {
  description: string
  arguments?: Readonly<Record<string, string>>
  options?: Readonly<Record<string, string>>
  /** Replaces the text the command adds after its help (examples, exit codes). */
  after?: string
  commands?: Readonly<Record<string, CommandHelp>>
}

/**
 * Puts a catalogue's words on a built program: its description and those of its arguments,
 * options and subcommands, and the text after its help. What the catalogue lacks keeps its English.
 *
 * @example
 * localizeHelp(createProgram(), CLI_HELP_RU) // `twokeys --help` in Russian
 */
export function localizeHelp(command: Command, help: CommandHelp): void {
  command.description(help.description)
  for (const argument of command.registeredArguments) {
    const words = help.arguments?.[argument.name()]
    if (words !== undefined) argument.description = words
  }
  for (const option of command.options) {
    const words = help.options?.[option.long ?? option.short ?? '']
    if (words !== undefined) option.description = words
  }
  if (help.after !== undefined) {
    // addHelpText('after', …) is a listener; the English one goes, the translation takes its place.
    // (a Command is an EventEmitter, though its typings do not say so).
    ;(command as unknown as EventEmitter).removeAllListeners('afterHelp')
    command.addHelpText('after', help.after)
  }
  for (const sub of command.commands) {
    const words = help.commands?.[sub.name()]
    if (words !== undefined) localizeHelp(sub, words)
  }
}
