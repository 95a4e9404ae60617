import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { parseAllDocuments } from 'yaml'
import { AUDIT_MESSAGES } from '../../src/audit/auditMessages.js'
import { AUDIT_MESSAGES_RU } from '../../src/audit/auditMessages.ru.js'
import { setCliLanguage } from '../../src/cli/cliLanguage.js'
import { POLICY_MESSAGES } from '../../src/policy/policyMessages.js'
import { POLICY_MESSAGES_RU } from '../../src/policy/policyMessages.ru.js'
import { sqliteStore } from '../../src/stores/sqliteStore.js'
import { asInsider } from '../audit/support/insider.js'
import { refusedAttempts, sampleLog } from '../audit/support/sampleLog.js'
import { twokeys } from '../support/runCli.js'
import { latinWords, policyIds } from './latinWords.js'

const BAD = 'tests/fixtures/policies/bad'
const TWO_KEYS = 'machines/policies/two-keys.yaml'
const REROUTES = 'tests/fixtures/bugs/amendment-reroutes.yaml'
const CYRILLIC = /[А-Яа-яЁё]/
const AUDIT_PROBLEMS = ['malformed', 'edited', 'deleted', 'inserted', 'reordered']

const dir = mkdtempSync(join(tmpdir(), 'twokeys-lang-findings-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
afterEach(() => setCliLanguage('en'))

/** The command in both languages; the same exit code. */
async function both(args: string[]) {
  const en = await twokeys('--lang', 'en', ...args)
  const ru = await twokeys('--lang', 'ru', ...args)
  expect(ru.code, ru.stderr).toBe(en.code)
  return { en, ru }
}

/**
 * The author's own words in a policy file, which stay as written in every language: every
 * id-like scalar (kebab-case), read from the text itself, so a broken file counts too.
 */
function authorsIds(file: string): string[] {
  const ids = new Set<string>()
  const walk = (node: unknown): void => {
    if (typeof node === 'string' && /^[a-z0-9][a-z0-9-]*$/.test(node)) ids.add(node)
    else if (Array.isArray(node)) node.forEach(walk)
    else if (node !== null && typeof node === 'object') Object.values(node).forEach(walk)
  }
  for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
    if ('toJS' in doc && doc.errors.length === 0) walk(doc.toJS())
  }
  return [...ids]
}

/** Each ✖ / ⚠ line without its path head (`keys[1].quorum:`), which is the document's, not words. */
const messagesOf = (text: string) =>
  text
    .split('\n')
    .filter((l) => /^[✖⚠] /.test(l))
    .map((l) => l.replace(/^[✖⚠] (\S+: )?/, ''))

/** Policies broken in the ways the bad fixtures are not: one kind of zod issue or check each. */
const twoKeys = readFileSync(TWO_KEYS, 'utf8')
const variants: Record<string, string> = {
  'empty.yaml': '',
  'text.yaml': 'just some text\n',
  'version.yaml': twoKeys.replace('version: 1', 'version: 2'),
  'quorum-zero.yaml': twoKeys.replace('quorum: 1\n    veto: true', 'quorum: 0\n    veto: "yes"'),
  'empty-label.yaml': twoKeys.replace('label: Government Apparatus', 'label: ""'),
  'objectives-empty.yaml': twoKeys.replace('objectives: [infrastructure, export]', 'objectives: []'),
  'max-days.yaml': twoKeys.replace('maxDays: 14, eligible: [ga-aide]', 'maxDays: 14.5, eligible: [ga-aide]'),
  'unknown-top.yaml': `${twoKeys}colour: red\n`,
  'many-unknown.yaml': twoKeys.replace(
    'label: Government Apparatus',
    `label: Government Apparatus\n${Array.from({ length: 23 }, (_, i) => `    zz${i}: 1`).join('\n')}`,
  ),
  'condition.yaml': twoKeys.replace(
    'label: Government Apparatus',
    'label: Government Apparatus\n    appliesIf: "budget >"',
  ),
  'window-list.yaml': twoKeys.replace('windowDays: 30', 'windowDays: [30]'),
  'commission.yaml': twoKeys
    .replace('onClose: plenary', 'onClose: lapse')
    .replace('regions:\n', 'commission: { members: [minek, minek, nobody], plenaryQuorum: 5 }\nregions:\n'),
}

describe('--lang ru: validate words every issue and warning in Russian', () => {
  const badFiles = readdirSync(BAD).map((f) => join(BAD, f))
  const ownFiles = Object.keys(variants).map((f) => join(dir, f))
  beforeAll(() => {
    for (const [name, text] of Object.entries(variants)) writeFileSync(join(dir, name), text)
  })

  it('the bad fixtures, the variants and a warning: no English of its own in Russian; English and --json as before', async () => {
    const files = [...badFiles, ...ownFiles, REROUTES]
    const { en, ru } = await both(['validate', ...files])
    expect(ru.code).toBe(2)
    // English, as tests/cli/validateCommand.test.ts and the README pin it.
    expect(en.stderr).toContain(
      '✖ keys[1].quorum: 3 is more than the 2 holders of "government-apparatus"; lower the quorum or add holders',
    )
    expect(en.stderr).toContain('✖ keys[1].quorom: unknown field "quorom" in keys[1]; did you mean "quorum"?')
    expect(en.stderr).toContain(
      '✖ review.windowDays: expected a number, got the text "30"; write 30 without quotes',
    )
    expect(en.stdout).toContain(
      '⚠ amendments.substantive: leaves out "scope", which routing reads (routing[0]: scope export → track export)',
    )
    expect(CYRILLIC.test(en.stdout + en.stderr)).toBe(false)
    // The same issues, line for line, each with its location.
    const enIssues = messagesOf(en.stderr)
    const ruIssues = messagesOf(ru.stderr)
    expect(ruIssues).toHaveLength(enIssues.length)
    expect(ru.stderr.match(/^ {2}→ в \S+:\d+:\d+$/gm)?.length).toBe(en.stderr.match(/^ {2}→ at /gm)?.length)
    expect(messagesOf(ru.stdout)).toHaveLength(messagesOf(en.stdout).length)
    for (const message of [...ruIssues, ...messagesOf(ru.stdout)]) expect(message).toMatch(CYRILLIC)
    // Not a word of English of its own: only the authors' ids and the condition they wrote.
    const allowed = [...files.flatMap(authorsIds), 'budget', ...policyIds(TWO_KEYS)]
    expect(latinWords([...ruIssues, ...messagesOf(ru.stdout)].join('\n'), allowed)).toEqual([])
    // Kinds of issue, in Russian.
    expect(ru.stderr).toContain(
      '✖ keys[1].quorum: кворум 3 больше числа держателей ключа «government-apparatus» (2); уменьшите кворум или добавьте держателей',
    )
    expect(ru.stderr).toContain(
      '✖ keys[1].quorom: неизвестное поле "quorom" в `keys[1]`; возможно, имелось в виду `quorum`?',
    )
    expect(ru.stderr).toContain(
      '✖ review.windowDays: ожидается число, а не текст "30"; напишите `30` без кавычек',
    )
    expect(ru.stderr).toContain(
      '✖ review.onClose: "sometimes" не допускается; используйте одно из: "plenary", "lapse"',
    )
    expect(ru.stderr).toContain(
      '✖ keys[1].label: нет обязательного поля `label` в `keys[1]`; добавьте его (текст)',
    )
    expect(ru.stderr).toContain('… и ещё неизвестных полей в `keys[1]`: 3, начиная с "zz20"; удалите их')
    expect(ru.stdout).toContain('⚠ amendments.substantive: не включает `scope`, который читает маршрутизация')
    // --json is the validator's data, in English, the same in both languages.
    const json = await both(['validate', '--json', ...files])
    expect(json.ru.stdout).toBe(json.en.stdout)
    expect(json.en.stdout).not.toContain('"phrase"')
  })
})

describe('--lang ru: a command that cannot load its policy', () => {
  it('prints the issues as validate does, in Russian; English as before', async () => {
    const bad = `${BAD}/no-sponsor.yaml`
    const { en, ru } = await both(['verify', bad])
    expect(en.code).toBe(2)
    expect(en.stderr).toBe(
      `✖ policy ${bad} is invalid:\n✖ principals: no principal has the role "sponsor", so no initiative can be proposed; add roles: [sponsor] to one\n  → at ${bad}:10:3\n`,
    )
    expect(ru.stderr).toBe(
      `✖ в политике ${bad} есть ошибки:\n✖ principals: ни у одного участника нет роли «sponsor», поэтому инициативу нельзя внести; добавьте кому-нибудь \`roles: [sponsor]\`\n  → в ${bad}:10:3\n`,
    )
  })
})

describe('--lang ru: audit verify and import word what was tampered with in Russian', () => {
  const sound = join(dir, 'sound.db')
  const tampered = join(dir, 'tampered.db')
  const exported = join(dir, 'audit.jsonl')
  const ids = [...policyIds(TWO_KEYS), 'sample-1', 'sample-3', 'sample-6', ...AUDIT_PROBLEMS]
  beforeAll(async () => {
    for (const path of [sound, tampered]) {
      const store = sqliteStore(path)
      await sampleLog(store)
      await refusedAttempts(store)
      await store.close()
    }
    // An insider edits a decision, a refusal's reasons, the command index and the pinned policy.
    asInsider(tampered, (db) => {
      db.exec(
        `UPDATE events SET event = replace(event, '"oreshkin"', '"pa-aide"') WHERE initiative_id = 'sample-1' AND seq = 3`,
      )
      db.exec(`UPDATE refusals SET reasons = '["nothing to see"]' WHERE command_id = 'refused-2'`)
      db.exec(
        `UPDATE commands SET outcome = 'refused' WHERE command_id = (SELECT command_id FROM events LIMIT 1)`,
      )
      db.exec(`INSERT INTO commands (command_id, initiative_id, outcome) VALUES ('ghost', NULL, 'accepted')`)
    })
  })

  it('verify --db: every finding in Russian, with no English of its own; English and --json as before', async () => {
    const { en, ru } = await both(['audit', 'verify', '--db', tampered])
    expect(ru.code).toBe(1)
    // English, as tests/audit pins it.
    expect(en.stdout).toContain(
      'position 2 (initiative "sample-1", seq 3): the event no longer matches its hash; it was edited',
    )
    expect(en.stdout).toContain('✖ command index: the command index has "ghost" as accepted (no initiative)')
    expect(CYRILLIC.test(en.stdout)).toBe(false)
    expect(ru.stdout).toContain(
      'позиция 2 (инициатива «sample-1», событие 3): событие больше не совпадает со своим хешем; его изменили',
    )
    expect(ru.stdout).toContain(
      '✖ индекс команд: индекс команд записывает «ghost» как принятую (без инициативы), но такого события в журнале нет',
    )
    expect(ru.stdout).toContain('✖ журнал безопасности: журнал безопасности, позиция 1 (команда «refused-2»)')
    const problems = ru.stdout.split('\n').filter((l) => l.startsWith('✖ '))
    expect(problems.length).toBe(en.stdout.split('\n').filter((l) => l.startsWith('✖ ')).length)
    expect(problems.length).toBeGreaterThanOrEqual(5)
    // The database's path line and the ledger's reason for a broken rule (quoted «…») are not ours.
    const own = ru.stdout.split('\n').slice(1).join('\n')
    expect(latinWords(own, ids)).toEqual([])
    const json = await both(['audit', 'verify', '--db', tampered, '--json'])
    expect(json.ru.stdout).toBe(json.en.stdout)
    expect(json.en.stdout).not.toContain('"phrase')
  })

  it('verify of an exported file and import of a tampered one: the chain finding in Russian', async () => {
    const out = await twokeys('audit', 'export', '--db', sound, '--out', exported)
    expect(out.code).toBe(0)
    const lines = readFileSync(exported, 'utf8').trim().split('\n')
    // A line removed from the middle of sample-1.
    const cut = join(dir, 'cut.jsonl')
    writeFileSync(cut, `${[...lines.slice(0, 1), ...lines.slice(2)].join('\n')}\n`)
    const verified = await both(['audit', 'verify', cut])
    expect(verified.en.stdout).toContain(
      'position 1: initiative "sample-1" is missing seq 2 before seq 3; events were deleted',
    )
    expect(verified.ru.stdout).toContain(
      'позиция 1: у инициативы «sample-1» нет события 2 перед событием 3; события удалены',
    )
    expect(latinWords(verified.ru.stdout, ids)).toEqual([])
    const imported = await both(['audit', 'import', cut, '--db', join(dir, 'copy.db')])
    expect(imported.ru.code).toBe(1)
    expect(imported.en.stderr).toContain(
      `✖ refused to import "${cut}": the audit log was tampered with (deleted): position 1: initiative "sample-1" is missing seq 2 before seq 3; events were deleted. Restore it from a trusted copy; nothing after position 1 can be trusted`,
    )
    expect(imported.ru.stderr).toContain('журнал аудита подделан: событие удалено (deleted): позиция 1:')
    expect(latinWords(imported.ru.stderr.replace(cut, ''), ids)).toEqual([])
  })
})

describe('the catalogues', () => {
  it('have every key in both languages (the typecheck holds it; this says it at run time too)', () => {
    expect(Object.keys(POLICY_MESSAGES_RU).sort()).toEqual(Object.keys(POLICY_MESSAGES).sort())
    expect(Object.keys(AUDIT_MESSAGES_RU).sort()).toEqual(Object.keys(AUDIT_MESSAGES).sort())
  })
})
