import { afterEach, describe, expect, it } from 'vitest'
import { setCliLanguage } from '../../src/cli/cliLanguage.js'
import { twokeys } from '../support/runCli.js'

describe('twokeys --lang: the refusal reasons in Russian or English', () => {
  const saved = process.env.LC_ALL
  afterEach(() => {
    if (saved === undefined) delete process.env.LC_ALL
    else process.env.LC_ALL = saved
    setCliLanguage('en')
  })

  it('--lang ru words every refusal of the walkthrough in Russian; the steps, outcomes and codes are the same', async () => {
    const ru = await twokeys('--lang', 'ru', 'walkthrough')
    expect(ru.code).toBe(0)
    expect(ru.stdout).toContain(
      'ответить за регион «tatarstan» может только его губернатор («gov-tatarstan»)',
    )
    expect(ru.stdout).not.toContain('only the governor of "tatarstan"')
    const en = await twokeys('--lang', 'en', 'walkthrough')
    expect(en.stdout).toContain('only the governor of "tatarstan" ("gov-tatarstan") may answer for it')
    // The same steps, outcomes, phases and codes, line for line: only the words differ (a step's
    // action line is worded; its number, time, actor and initiative stay; a phase keeps its id).
    const outline = (text: string) =>
      text
        .split('\n')
        .filter((l) => /^\s*\d+ {2}|^ {24}(✓|✖) /.test(l))
        .map((l) =>
          l
            .replace(/^(\s*\d+ {2}\S+ \S+ {2}\S*\s+).*?( \[[^\]]+\])?$/, '$1…$2')
            .replace(/✓ (accepted|принято)/, '✓')
            .replace(/→ [^(→]*\((\w+)\)/g, '→ $1')
            .replace(/✖ (refused|отказано) (\S+).*/, '✖ $2'),
        )
    expect(outline(ru.stdout)).toEqual(outline(en.stdout))
  })

  it('follows the locale (LC_ALL, LC_MESSAGES, LANG) when --lang is not given', async () => {
    process.env.LC_ALL = 'ru_RU.UTF-8'
    const run = await twokeys('walkthrough')
    expect(run.stdout).toContain('может только его губернатор')
  })

  it('refuses a language it does not speak, saying which it does', async () => {
    const run = await twokeys('--lang', 'fr', 'walkthrough')
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('--lang "fr" is not a language twokeys speaks; use en or ru')
  })
})
