import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recordTwoKeys, sqliteHistory, TWO_KEYS, tempDb } from '../analyze/replay/recordedStore.js'
import { twokeys } from '../support/runCli.js'

// replay's reason for a recorded event with no signed command, under a candidate that says
// identity: signed: a phrase of the refusal catalogue (identity.unsigned), so --lang ru words it;
// the English is byte for byte what it was, and --json carries the phrase beside it.
const db = tempDb()
const candidate = join(db.file, '..', 'signed.yaml')
beforeAll(async () => {
  await sqliteHistory(db.file, (store) => recordTwoKeys(store))
  const text = readFileSync(TWO_KEYS, 'utf8').replace(
    /^id: two-keys$/m,
    'id: two-keys-signed\nidentity: signed',
  )
  writeFileSync(candidate, text)
})
afterAll(() => db.remove())

const replay = (lang: string, ...more: string[]) =>
  twokeys('--lang', lang, 'replay', '--db', db.file, '--policy', candidate, '--migrate', ...more)

describe("replay's unsigned-event reason, under --lang ru", () => {
  it('English as it was; Russian worded from its phrase', async () => {
    const en = await replay('en')
    const ru = await replay('ru')
    expect([en.code, ru.code]).toEqual([1, 1])
    expect(en.stdout).toContain(
      '    seq 3 DECIDE by "oreshkin" (approve presidential-administration) refused by the candidate: DECIDE by "oreshkin" carries no signed command, but policy "two-keys-signed" says identity: signed [UNAUTHENTICATED; identity]\n',
    )
    expect(en.stdout).toContain(
      '    ✖ cannot move: the candidate refuses seq 1: PROPOSE by "minek" carries no signed command, but policy "two-keys-signed" says identity: signed [identity]\n',
    )
    expect(ru.stdout).toContain(
      '    seq 3 DECIDE by "oreshkin" (одобряет presidential-administration): новая политика отказывает: команда «решение» от «oreshkin» записана без подписи, а политика «two-keys-signed» требует подписанных команд (`identity: signed`) [UNAUTHENTICATED; identity]\n',
    )
    expect(ru.stdout).toContain(
      '    ✖ перевести нельзя: новая политика отказывает в seq 1: команда «внесение» от «minek» записана без подписи, а политика «two-keys-signed» требует подписанных команд (`identity: signed`) [identity]\n',
    )
    expect(ru.stdout).not.toContain('carries no signed command')
  })

  it('--json: the English reason and its phrase', async () => {
    const run = await replay('en', '--json')
    const approved = JSON.parse(run.stdout).initiatives.find(
      (r: { initiativeId: string }) => r.initiativeId === 'approved',
    )
    expect(approved.refused[2]).toMatchObject({
      seq: 3,
      code: 'UNAUTHENTICATED',
      rules: ['identity'],
      reasons: [
        'DECIDE by "oreshkin" carries no signed command, but policy "two-keys-signed" says identity: signed',
      ],
      phrases: [
        {
          key: 'identity.unsigned',
          params: { event: { term: 'command.DECIDE' }, by: 'oreshkin', policy: 'two-keys-signed' },
        },
      ],
    })
  })
})
