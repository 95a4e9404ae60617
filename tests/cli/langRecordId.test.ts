import { describe, expect, it } from 'vitest'
import { setCliLanguage } from '../../src/cli/cliLanguage.js'
import { saidForPeople } from '../../src/cli/errorForPeople.js'
import { recordIdPhrase, recordIdProblem } from '../../src/domain/RecordIdSchema.js'
import { RECORD_ID_MESSAGES } from '../../src/domain/recordIdMessages.js'
import type { TwoKeysError } from '../../src/domain/TwoKeysError.js'
import { createEngine } from '../../src/engine/createEngine.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { memoryStore } from '../../src/stores/memoryStore.js'
import { twokeys } from '../support/runCli.js'

// An id check's text (recordIdProblem): the English as it always was, byte for byte, and under
// --lang ru worded from its phrase rather than quoted.
const RULE_EN = 'use 1–128 characters of A–Z a–z 0–9 . _ : ~ -'
const RULE_RU = 'используйте от 1 до 128 символов из A–Z a–z 0–9 . _ : ~ -'
const CASES: [string, string, string][] = [
  ['', `the id is empty; ${RULE_EN}`, `идентификатор пуст; ${RULE_RU}`],
  [
    'kazan datacentre',
    `"kazan datacentre" has a space (character 6); ${RULE_EN}`,
    `в «kazan datacentre» есть пробел (символ 6); ${RULE_RU}`,
  ],
  ['a/b', `"a/b" has "/" (character 2); ${RULE_EN}`, `в «a/b» есть символ «/» (символ 2); ${RULE_RU}`],
  [
    'tab\there',
    `"tab\\there" has \\t (character 4); ${RULE_EN}`,
    `в «tab\\there» есть символ \\t (символ 4); ${RULE_RU}`,
  ],
  [
    'x'.repeat(129),
    `"${'x'.repeat(40)}…" is 129 characters long; ${RULE_EN}`,
    `«${'x'.repeat(40)}…»: 129 символов, это слишком длинно; ${RULE_RU}`,
  ],
]

describe('an id check, under --lang ru', () => {
  it('each problem: the English as before, its phrase in Russian', () => {
    const keys = new Set<string>()
    for (const [id, english, russian] of CASES) {
      const problem = recordIdPhrase(id)
      if (problem === undefined) throw new Error(`"${id}" is an id`)
      keys.add(problem.key)
      expect(recordIdProblem(id)).toBe(english)
      setCliLanguage('ru')
      const said = saidForPeople(problem, english)
      setCliLanguage('en')
      expect(said).toBe(russian)
    }
    expect(recordIdPhrase('kazan-datacentre')).toBeUndefined()
    // the engine's read of a non-string is the fourth, below
    expect(Object.keys(RECORD_ID_MESSAGES).filter((k) => !keys.has(k))).toEqual(['recordId.notAString'])
  })

  it("the engine's read of an id that is not a string", async () => {
    const engine = createEngine({
      policy: loadPolicyFile('machines/policies/two-keys.yaml'),
      store: memoryStore(),
    })
    const error = (await engine.status(42 as unknown as string).catch((e: unknown) => e)) as TwoKeysError
    expect(error.message).toBe('status(): expected an initiative id (a string), not number')
    setCliLanguage('ru')
    const said = saidForPeople(error.said, error.message)
    setCliLanguage('en')
    expect(said).toBe(
      '`status()`: не идентификатор инициативы: ожидается идентификатор инициативы (строка), а не number',
    )
  })

  it('twokeys history with a malformed id: in Russian, the English unchanged', async () => {
    const args = ['history', 'bad id', '--db', 'none.db']
    const en = await twokeys('--lang', 'en', ...args)
    const ru = await twokeys('--lang', 'ru', ...args)
    expect([en.code, ru.code]).toEqual([2, 2])
    expect(en.stderr).toBe(`✖ not an initiative id: "bad id" has a space (character 4); ${RULE_EN}\n`)
    expect(ru.stderr).toBe(`✖ не идентификатор инициативы: в «bad id» есть пробел (символ 4); ${RULE_RU}\n`)
  })
})
