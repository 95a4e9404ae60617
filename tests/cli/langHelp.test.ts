import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Command } from 'commander'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { CLI_HELP_RU } from '../../src/cli/cliHelp.ru.js'
import { languageInArgv, setCliLanguage } from '../../src/cli/cliLanguage.js'
import { commanderErrorRu } from '../../src/cli/commanderErrorRu.js'
import type { CommandHelp } from '../../src/cli/localizeHelp.js'
import { createProgram } from '../../src/cli/main.js'
import { startPlayground } from '../../src/cli/playgroundCommand.js'
import { twokeys } from '../support/runCli.js'
import { latinWords, policyIds } from './latinWords.js'

afterEach(() => setCliLanguage('en'))

/** Every command's path in the program: [], ['analyze'], ['audit', 'verify'], … */
function commandPaths(command: Command, prefix: string[] = []): string[][] {
  return [prefix, ...command.commands.flatMap((sub) => commandPaths(sub, [...prefix, sub.name()]))]
}

/** The English help of every command as it was before the help had a second language. */
function pinnedEnglish(): Map<string, string> {
  const text = readFileSync('tests/fixtures/help/en.txt', 'utf8')
  const parts = text.split(/^=== twokeys (.*?) ?--help\n/m).slice(1)
  const pinned = new Map<string, string>()
  for (let i = 0; i < parts.length; i += 2) pinned.set(parts[i] ?? '', parts[i + 1] ?? '')
  return pinned
}

const PATHS = commandPaths(createProgram())
/** Names that stay as they are in Russian: commands, arguments, proper names of tools and formats. */
const KEPT = [
  ...PATHS.flat(),
  'help',
  ...policyIds('machines/policies/two-keys.yaml'),
  'twokeys',
  'JSON Lines',
  'SQLite',
  'PostgreSQL',
  'OpenAPI',
  'Ctrl-C',
]

/** A Russian help text without what is not words: placeholders, flags, examples' command lines. */
function ownWords(help: string, command: Command): string {
  const argumentNames = command.registeredArguments.map((a) => a.name())
  return help
    .split('\n')
    .filter((line) => !/^ {2}(twokeys|node|TWOKEYS_\w+=)/.test(line))
    .join('\n')
    .replace(/[<[][^>\]]*[>\]]/g, ' ')
    .replace(new RegExp(`^ {2}(${argumentNames.join('|') || '$^'})\\b`, 'gm'), ' ')
}

describe('twokeys --help in English and in Russian', () => {
  it('English help of every command is byte for byte what it was (default and --lang en)', async () => {
    const pinned = pinnedEnglish()
    expect([...pinned.keys()].sort()).toEqual(PATHS.map((p) => p.join(' ')).sort())
    for (const path of PATHS) {
      const run = await twokeys('--lang', 'en', ...path, '--help')
      expect(run.code).toBe(0)
      expect(run.stdout, path.join(' ')).toBe(pinned.get(path.join(' ')))
    }
    expect((await twokeys('analyze', '--help')).stdout).toBe(pinned.get('analyze'))
  })

  it('--lang ru: every help has no English words of its own, and commander speaks Russian', async () => {
    const program = createProgram('ru')
    const english: Record<string, string[]> = {}
    for (const path of PATHS) {
      const run = await twokeys('--lang', 'ru', ...path, '--help')
      expect(run.code, run.stderr).toBe(0)
      const command = path.reduce((c, name) => c.commands.find((s) => s.name() === name) as Command, program)
      const words = latinWords(ownWords(run.stdout, command), KEPT)
      if (words.length > 0) english[path.join(' ')] = words
      expect(run.stdout).toMatch(/^Использование: twokeys/)
      expect(run.stdout).toContain('  -h, --help')
    }
    expect(english).toEqual({})
    const diagram = await twokeys('--lang', 'ru', 'diagram', '--help')
    expect(diagram.stdout).toContain(
      '(варианты: "mermaid", "dot", по\n                         умолчанию: "mermaid")',
    )
    expect(diagram.stdout).toContain('Параметры:\n  -f, --format <format>  язык диаграммы')
    const audit = await twokeys('--lang', 'ru', 'audit', 'prove', '--help')
    expect(audit.stdout).toContain('\nПример:\n  twokeys audit prove kazan-dc 4 --db twokeys.db')
    expect(audit.stdout).not.toContain('Example')
    // The locale, too, is read before the program is built.
    expect(languageInArgv(['node', 'twokeys', '--help'], { LANG: 'ru_RU.UTF-8' })).toBe('ru')
  })

  it('the Russian catalogue covers every command, argument and option, and names none that is gone', () => {
    const missing: string[] = []
    const walk = (command: Command, help: CommandHelp | undefined, path: string) => {
      if (help === undefined) return void missing.push(`${path}: the command`)
      for (const a of command.registeredArguments)
        if (a.description && help.arguments?.[a.name()] === undefined) missing.push(`${path} <${a.name()}>`)
      for (const o of command.options)
        if (help.options?.[o.long ?? ''] === undefined) missing.push(`${path} ${o.long}`)
      for (const name of Object.keys(help.options ?? {}))
        if (!command.options.some((o) => o.long === name)) missing.push(`${path} ${name}: no such option`)
      for (const name of Object.keys(help.commands ?? {}))
        if (!command.commands.some((c) => c.name() === name)) missing.push(`${path} ${name}: no such command`)
      const after = (command as unknown as { listenerCount(e: string): number }).listenerCount('afterHelp')
      if (after > 0 && help.after === undefined) missing.push(`${path}: the text after the help`)
      for (const sub of command.commands) walk(sub, help.commands?.[sub.name()], `${path} ${sub.name()}`)
    }
    walk(createProgram(), CLI_HELP_RU, 'twokeys')
    expect(missing).toEqual([])
  })
})

describe('the errors the CLI writes for bad input, in Russian under --lang ru', () => {
  it('a bad --max-states: the same check, the same exit code, Russian words', async () => {
    const en = await twokeys('--lang', 'en', 'verify', '--max-states', '0')
    const ru = await twokeys('--lang', 'ru', 'verify', '--max-states', '0')
    expect(en.code).toBe(2)
    expect(ru.code).toBe(2)
    expect(en.stderr).toBe('✖ --max-states must be a whole number from 1 to 10,000,000, not "0"\n')
    expect(ru.stderr).toBe('✖ --max-states: нужно целое число от 1 до 10\u00a0000\u00a0000, а не «0»\n')
  })

  it("commander's errors: unknown option and command, missing argument, a value not among the choices", async () => {
    const cases: [string[], string, string][] = [
      [['verify', '--nope'], "error: unknown option '--nope'", 'ошибка: неизвестный параметр «--nope»'],
      [
        ['verifyy'],
        "error: unknown command 'verifyy'\n(Did you mean verify?)",
        'ошибка: неизвестная команда «verifyy»\n(может быть, имелось в виду verify?)',
      ],
      [
        ['diagram'],
        "error: missing required argument 'policy'",
        'ошибка: не хватает обязательного аргумента «policy»',
      ],
      [
        ['diagram', 'two-keys.yaml', '-f', 'png'],
        "error: option '-f, --format <format>' argument 'png' is invalid. Allowed choices are mermaid, dot.",
        'ошибка: у параметра «-f, --format <format>» не может быть значения «png»; допустимы: mermaid, dot',
      ],
      [
        ['diagram', 'a', 'b'],
        "error: too many arguments for 'diagram'. Expected 1 argument but got 2.",
        'ошибка: слишком много аргументов у «diagram»: ожидается 1, получено 2',
      ],
      [
        ['history', 'x'],
        "error: required option '--db <db>' not specified",
        'ошибка: не задан обязательный параметр «--db <db>»',
      ],
      [
        ['diagram', 'x', '--out'],
        "error: option '-o, --out <file>' argument missing",
        'ошибка: у параметра «-o, --out <file>» нет значения',
      ],
    ]
    for (const [args, english, russian] of cases) {
      const en = await twokeys('--lang', 'en', ...args)
      const ru = await twokeys('--lang', 'ru', ...args)
      expect([en.code, ru.code]).toEqual([2, 2])
      expect(en.stderr).toBe(`${english}\n(run twokeys --help for usage)\n`)
      expect(ru.stderr).toBe(`${russian}\n(справка: twokeys --help)\n`)
    }
  })

  it('a message commander may write that the table does not know stays as it was', () => {
    expect(commanderErrorRu('error: something new\n')).toBe('error: something new\n')
    expect(commanderErrorRu("error: unknown option '--x'\n(Did you mean one of --xa, --xb?)\n")).toBe(
      'ошибка: неизвестный параметр «--x»\n(может быть, имелось в виду одно из: --xa, --xb?)\n',
    )
  })

  it('--lang is read before the program is built: --lang=ru, anywhere before --', () => {
    expect(languageInArgv(['node', 'twokeys', 'verify', '--lang=ru'], {})).toBe('ru')
    expect(languageInArgv(['node', 'twokeys', '--', '--lang', 'ru'], { LANG: 'C' })).toBe('en')
    expect(languageInArgv(['node', 'twokeys', '--lang', 'fr'], {})).toBeNull()
  })
})

describe("the remaining commands' own words in Russian", () => {
  const dir = mkdtempSync(join(tmpdir(), 'twokeys-lang-help-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('diagram --out says what it wrote; the diagram is the same in both languages', async () => {
    const en = await twokeys(
      '--lang',
      'en',
      'diagram',
      'machines/policies/two-keys.yaml',
      '--out',
      join(dir, 'en.mmd'),
    )
    const ru = await twokeys(
      '--lang',
      'ru',
      'diagram',
      'machines/policies/two-keys.yaml',
      '--out',
      join(dir, 'ru.mmd'),
    )
    expect(en.stdout).toBe(`✓ wrote the mermaid diagram of policy "two-keys" to ${join(dir, 'en.mmd')}\n`)
    expect(ru.stdout).toBe(`✓ диаграмма mermaid политики «two-keys» записана в ${join(dir, 'ru.mmd')}\n`)
    expect(readFileSync(join(dir, 'ru.mmd'), 'utf8')).toBe(readFileSync(join(dir, 'en.mmd'), 'utf8'))
    const bad = await twokeys(
      '--lang',
      'ru',
      'diagram',
      'machines/policies/two-keys.yaml',
      '--out',
      join(dir, 'no', 'x'),
    )
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('✖ не удаётся записать диаграмму в «')
  })

  it('playground: a page that is not built is told in Russian', async () => {
    setCliLanguage('ru')
    await expect(startPlayground({ root: dir, port: 0, host: '127.0.0.1' })).rejects.toThrow(
      /^страница playground не собрана \(нет .*index\.html\); выполните `npm run build:web` в .* \(её собирает и `npm ci`\)$/,
    )
  })
})
