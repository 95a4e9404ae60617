/** commander's own error messages, each as commander 14 writes it (lib/command.js), and its Russian. */
const PATTERNS: readonly (readonly [RegExp, (...parts: string[]) => string])[] = [
  [/^error: unknown option '(.*)'$/, (flag) => `ошибка: неизвестный параметр «${flag}»`],
  [/^error: unknown command '(.*)'$/, (name) => `ошибка: неизвестная команда «${name}»`],
  [
    /^error: missing required argument '(.*)'$/,
    (name) => `ошибка: не хватает обязательного аргумента «${name}»`,
  ],
  [/^error: option '(.*)' argument missing$/, (flags) => `ошибка: у параметра «${flags}» нет значения`],
  [
    /^error: required option '(.*)' not specified$/,
    (flags) => `ошибка: не задан обязательный параметр «${flags}»`,
  ],
  [
    /^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    (name, expected, got) =>
      `ошибка: слишком много аргументов${name ? ` у «${name}»` : ''}: ожидается ${expected}, получено ${got}`,
  ],
  [
    /^error: option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/,
    (flags, value, choices) =>
      `ошибка: у параметра «${flags}» не может быть значения «${value}»; допустимы: ${choices}`,
  ],
  [
    /^error: command-argument value '(.*)' is invalid for argument '(.*)'\. Allowed choices are (.*)\.$/,
    (value, name, choices) =>
      `ошибка: у аргумента «${name}» не может быть значения «${value}»; допустимы: ${choices}`,
  ],
  [
    /^error: option '(.*)' argument '(.*)' is invalid\. (.*)$/,
    (flags, value, why) => `ошибка: значение «${value}» параметра «${flags}» не подходит: ${why}`,
  ],
]

/** commander's "(Did you mean …?)" line, which follows an unknown option or command. */
const SUGGESTION = /\n\(Did you mean (one of )?(.*)\?\)$/

/**
 * commander's English error (as its outputError receives it) in Russian; a message this table does
 * not know is kept as it is, so an update of commander can leave English but never lose an error.
 *
 * @example
 * commanderErrorRu("error: unknown option '--nope'\n") // "ошибка: неизвестный параметр «--nope»\n"
 */
export function commanderErrorRu(text: string): string {
  const trimmed = text.replace(/\n$/, '')
  const suggestion = SUGGESTION.exec(trimmed)
  const message = suggestion === null ? trimmed : trimmed.slice(0, suggestion.index)
  for (const [pattern, russian] of PATTERNS) {
    const match = pattern.exec(message)
    if (match === null) continue
    const hint =
      suggestion === null
        ? ''
        : `\n(${suggestion[1] === undefined ? 'может быть, имелось в виду' : 'может быть, имелось в виду одно из:'} ${suggestion[2]}?)`
    return `${russian(...match.slice(1).map((part) => part ?? ''))}${hint}\n`
  }
  return text
}
