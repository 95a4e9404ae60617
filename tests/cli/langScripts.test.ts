import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { PHASES } from '../../machines/describeState.js'
import { setCliLanguage } from '../../src/cli/cliLanguage.js'
import { narrationIn, ScriptSchema } from '../../src/script/ScriptSchema.js'
import { ru } from '../../web/src/i18n/ru.js'
import { twokeys } from '../support/runCli.js'
import { latinWords, policyIds } from './latinWords.js'

const CYRILLIC = /[А-Яа-яЁё]/
const SCRIPTS: [string, Record<string, string> | undefined][] = [
  ['examples/seed-walkthrough.yaml', ru.seedSay],
  ['examples/seed-reach-walkthrough.yaml', ru.reachSay],
]
const read = (file: string) => ScriptSchema.parse(parse(readFileSync(file, 'utf8')))

afterEach(() => setCliLanguage('en'))

describe("a script's narration in Russian (translations.ru)", () => {
  it.each(SCRIPTS)('%s says every step in Russian, as the page does', (file, page) => {
    const script = read(file)
    expect(script.translations?.ru?.title).toMatch(CYRILLIC)
    for (const [i, step] of script.steps.entries()) {
      if (step.say === undefined) continue
      const russian = step.translations?.ru?.say
      expect(russian, `${file} step ${i}`).toMatch(CYRILLIC)
      // While the page keeps its own copy of the narration, the two say the same.
      if (page !== undefined) expect(russian, `${file} step ${i}`).toBe(page[`s${i}`])
    }
  })

  it('takes a translation only where the step narrates, and only in a language it knows', () => {
    const base = { policy: 'p.yaml', start: '2026-03-02' }
    const orphan = ScriptSchema.safeParse({
      ...base,
      steps: [{ translations: { ru: { say: 'Орешкин' } }, submit: { initiative: 'a', by: 'b' } }],
    })
    expect(orphan.success).toBe(false)
    expect(JSON.stringify(orphan.error?.issues)).toContain('needs the narration itself')
    const unknown = ScriptSchema.safeParse({
      ...base,
      steps: [{ say: 'x', translations: { fr: { say: 'y' } } }],
    })
    expect(unknown.success).toBe(false)
    const step = {
      say: 'Oreshkin turns the first key.',
      translations: { ru: { say: 'Орешкин поворачивает первый ключ.' } },
    }
    expect(narrationIn(step, 'ru')).toBe('Орешкин поворачивает первый ключ.')
    expect(narrationIn(step, 'en')).toBe('Oreshkin turns the first key.')
    expect(narrationIn({ say: 'untranslated' }, 'ru')).toBe('untranslated')
  })

  it('twokeys --lang ru walkthrough: the title, narration, action lines and phases in Russian', async () => {
    const run = await twokeys('--lang', 'ru', 'walkthrough')
    expect(run.code, run.stderr).toBe(0)
    const script = read('examples/seed-walkthrough.yaml')
    expect(run.stdout).toContain(`\n${script.translations?.ru?.title}\n`)
    // Each narration, wrapped as printed, and never its English.
    const flat = run.stdout.replace(/\s+/g, ' ')
    for (const step of script.steps) {
      if (step.say === undefined) continue
      expect(flat).toContain(step.translations?.ru?.say)
      expect(flat).not.toContain(step.say.replace(/\s+/g, ' '))
    }
    expect(run.stdout).toContain('✓ принято → региональное внедрение (regionalRollout)')
    expect(run.stdout).toMatch(
      /^ {2}8 {2}2026-03-08 10:00 {2}grigorenko {7}одобряет по ключу government-apparatus \[kazan-datacentre\]$/m,
    )
    // A signature check's refusal (no reason of the rules): worded from its phrase.
    expect(flat).toContain(
      '✖ отказано UNAUTHENTICATED (как и ожидалось) ключ «pa-aide-demo» принадлежит «pa-aide», а команда действует от имени «grigorenko»',
    )
    expect(flat).not.toContain('belongs to')
    // Nothing of the run's own is English: ids (the policy's, the phases', the script's names and
    // amended fields), the initiatives' titles and codes aside.
    const own = run.stdout
    const proposals = script.steps.flatMap((s) => (s.propose === undefined ? [] : [s.propose]))
    const scripted = [
      ...proposals.flatMap((p) => [p.as, p.title]),
      ...script.steps.flatMap((s) =>
        Object.keys(s.amend ?? {}).filter((k) => !['initiative', 'by'].includes(k)),
      ),
    ]
    const allowed = [
      ...policyIds('machines/policies/two-keys.yaml'),
      ...PHASES,
      ...scripted,
      // a board's track, by its id
      'regional',
      'Ed25519',
      'identity: signed',
      'atlantis',
    ]
    expect(latinWords(own, allowed)).toEqual([])
  })

  it('twokeys --lang en walkthrough: the English narration and action lines as before', async () => {
    const run = await twokeys('--lang', 'en', 'walkthrough')
    expect(run.stdout).toContain('\nTwo keys — the national AI headquarters at work\n')
    expect(run.stdout).toContain('  Oreshkin turns the first key.\n')
    expect(run.stdout).toContain(
      '  5  2026-03-05 09:00  oreshkin         approve presidential-administration [kazan-datacentre]\n                        ✓ accepted → review  (presidential-administration ✓, government-apparatus ○)',
    )
    expect(run.stdout).toContain('✓ accepted → regionalRollout\n')
    expect(run.stdout).toContain(
      '✖ refused UNAUTHENTICATED (as expected)\n                          key "pa-aide-demo" belongs to "pa-aide", but the command acts as "grigorenko"\n',
    )
    expect(CYRILLIC.test(run.stdout)).toBe(false)
  })

  it('twokeys run --json: the same bytes in both languages', async () => {
    const en = await twokeys('--lang', 'en', 'run', 'examples/seed-reach-walkthrough.yaml', '--json')
    const ru = await twokeys('--lang', 'ru', 'run', 'examples/seed-reach-walkthrough.yaml', '--json')
    expect(en.code, en.stderr).toBe(0)
    expect(ru.stdout).toBe(en.stdout)
  })
})
