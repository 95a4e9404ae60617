import { type Argument, type Command, Help, type Option } from 'commander'
import { commanderErrorRu } from './commanderErrorRu.js'

/** The headings commander writes in a help text (Help.formatHelp), in Russian. */
const TITLES: Readonly<Record<string, string>> = {
  'Usage:': 'Использование:',
  'Arguments:': 'Аргументы:',
  'Options:': 'Параметры:',
  'Global Options:': 'Общие параметры:',
  'Commands:': 'Команды:',
}

/** commander's placeholders in a usage line: `twokeys audit [options] [command]`. */
function usageRu(usage: string): string {
  return usage.replace('[options]', '[параметры]').replace('[command]', '[команда]')
}

/** What commander adds after a description: `(choices: …, default: …)`, in Russian. */
function extrasRu(description: string, item: Option | Argument, shows: boolean): string {
  const extras: string[] = []
  if (item.argChoices) extras.push(`варианты: ${item.argChoices.map((c) => JSON.stringify(c)).join(', ')}`)
  if (item.defaultValue !== undefined && shows)
    extras.push(`по умолчанию: ${item.defaultValueDescription || JSON.stringify(item.defaultValue)}`)
  if (extras.length === 0) return description
  return description ? `${description} (${extras.join(', ')})` : `(${extras.join(', ')})`
}

/**
 * Makes commander itself speak Russian on a program built for `--lang ru`: the headings and
 * placeholders of every help text, its `-h, --help` and `help` command, the default and choices
 * notes, its error messages and the hint after them. Call before adding subcommands: they copy
 * these settings from their parent when made.
 *
 * @example
 * commanderInRussian(new Command('twokeys')) // `twokeys --lang ru --help` says «Использование:»
 */
export function commanderInRussian(program: Command): void {
  program
    .configureHelp({
      styleTitle: (title) => TITLES[title] ?? title,
      styleUsage: (usage) => Help.prototype.styleUsage.call(new Help(), usageRu(usage)),
      subcommandTerm: (command) => usageRu(Help.prototype.subcommandTerm.call(new Help(), command)),
      optionDescription: (option) =>
        extrasRu(
          option.description,
          option,
          // As commander: a default shows for an option that takes a value, or a boolean one.
          option.required ||
            option.optional ||
            (option.isBoolean() && typeof option.defaultValue === 'boolean'),
        ),
      argumentDescription: (argument) => extrasRu(argument.description, argument, true),
    })
    .configureOutput({ outputError: (text, write) => write(commanderErrorRu(text)) })
    .helpOption('-h, --help', 'показать справку по команде')
    .helpCommand('help [команда]', 'показать справку по команде')
    .showHelpAfterError('(справка: twokeys --help)')
}
