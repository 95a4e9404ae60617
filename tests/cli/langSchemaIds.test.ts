import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { RecordIdSchema } from '../../src/domain/RecordIdSchema.js'
import { describeIssue } from '../../src/policy/describeIssue.js'
import { issueMessage } from '../../src/policy/phrasedIssue.js'
import { POLICY_MESSAGES_RU } from '../../src/policy/policyMessages.ru.js'
import { twokeys } from '../support/runCli.js'

// An id checked by a script's or a key file's schema (RecordIdSchema): its issue carries the id
// check's phrase, so --lang ru words it; the English is byte for byte what it was.
const RULE_EN = 'use 1–128 characters of A–Z a–z 0–9 . _ : ~ -'
const RULE_RU = 'используйте от 1 до 128 символов из A–Z a–z 0–9 . _ : ~ -'
const dir = mkdtempSync(join(tmpdir(), 'twokeys-lang-schema-ids-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const at = (name: string) => join(dir, name)

describe('an id checked by a schema, under --lang ru', () => {
  it("the zod issue's phrase: the English as the id check says it, the Russian from its table", () => {
    const parsed = RecordIdSchema.safeParse('a/b')
    expect(parsed.success).toBe(false)
    const [zodIssue] = parsed.error?.issues ?? []
    if (zodIssue === undefined) throw new Error('no issue')
    const [issue] = describeIssue(zodIssue, 'a/b', RecordIdSchema)
    if (issue === undefined) throw new Error('not described')
    expect(issue.message).toBe(`"a/b" has "/" (character 2); ${RULE_EN}`)
    expect(issueMessage(issue, POLICY_MESSAGES_RU)).toBe(`в «a/b» есть символ «/» (символ 2); ${RULE_RU}`)
  })

  it("a script's initiative name (twokeys run): in Russian, the English unchanged", async () => {
    const script = at('bad-name.yaml')
    writeFileSync(
      script,
      [
        `policy: ${resolve('machines/policies/two-keys.yaml')}`,
        'start: 2026-03-01',
        'steps:',
        '  - say: hi',
        '  - propose: { as: kazan datacentre, by: minzifry, title: T, objective: infrastructure, scope: { kind: federal } }',
        '',
      ].join('\n'),
    )
    const en = await twokeys('--lang', 'en', 'run', script)
    const ru = await twokeys('--lang', 'ru', 'run', script)
    expect([en.code, ru.code]).toEqual([2, 2])
    expect(en.stderr).toBe(
      [
        `✖ script ${script} is invalid:`,
        `✖ steps[1].propose.as: "kazan datacentre" has a space (character 6); ${RULE_EN}`,
        `  → at ${script}:5:20`,
        '',
      ].join('\n'),
    )
    expect(ru.stderr).toBe(
      [
        `✖ в сценарии прогона ${script} есть ошибки:`,
        `✖ steps[1].propose.as: в «kazan datacentre» есть пробел (символ 6); ${RULE_RU}`,
        `  → в ${script}:5:20`,
        '',
      ].join('\n'),
    )
  })

  it("a private key file's kid: in Russian, zod's own text still quoted, the English unchanged", async () => {
    const key = JSON.parse(readFileSync('examples/demo-keys/oreshkin.key.json', 'utf8'))
    const file = at('bad.key.json')
    writeFileSync(file, JSON.stringify({ ...key, kid: 'oreshkin 2026', d: 'AAAA' }))
    const args = [
      'submit',
      'x',
      '--key',
      file,
      '--db',
      at('none.db'),
      '--policy',
      'machines/policies/two-keys.yaml',
    ]
    const en = await twokeys('--lang', 'en', ...args)
    const ru = await twokeys('--lang', 'ru', ...args)
    expect([en.code, ru.code]).toEqual([2, 2])
    expect(en.stderr).toBe(
      `✖ key file "${file}" is not a twokeys private key (d: d must be a 32-byte seed, base64url; kid: "oreshkin 2026" has a space (character 9); ${RULE_EN}); make one with \`twokeys keys new <principal>\`\n`,
    )
    expect(ru.stderr).toBe(
      `✖ файл «${file}» — не закрытый ключ twokeys (\`d\`: «d must be a 32-byte seed, base64url»; \`kid\`: в «oreshkin 2026» есть пробел (символ 9); ${RULE_RU}); создайте ключ: \`twokeys keys new <principal>\`\n`,
    )
  })
})
