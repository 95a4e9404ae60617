import { afterEach, describe, expect, it } from 'vitest'
import { setCliLanguage } from '../../src/cli/cliLanguage.js'
import { saidForPeople } from '../../src/cli/errorForPeople.js'
import { createEngine } from '../../src/engine/createEngine.js'
import { publishCheckpoint } from '../../src/log/publishCheckpoint.js'
import { type Fetch, requestCosignatures } from '../../src/log/requestCosignatures.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { memoryStore } from '../../src/stores/memoryStore.js'
import { generateNoteSigner, verifierKeyOf } from '../../src/tlog/noteKey.js'
import { COSIGNATURE_ED25519 } from '../../src/tlog/signedNote.js'
import { parseWitnessList, readWitnessListText } from '../../src/tlog/witnessList.js'
import { twokeys } from '../support/runCli.js'
import { latinWords } from './latinWords.js'
import { scratchFiles } from './scratchFiles.js'

// A witnesses file's problems and a witness's answer under --lang ru: worded from their phrase, no
// English lead; a text from outside (a key parser's, a fetch's, a witness's refusal) stays in «…».
const CYRILLIC = /[А-Яа-яЁё]/
const { at } = scratchFiles('twokeys-lang-witness-errors-')
afterEach(() => setCliLanguage('en'))
const ok = async (...args: string[]) => {
  const run = await twokeys(...args)
  if (run.code !== 0) throw new Error(`twokeys ${args.join(' ')} → ${run.code}\n${run.stderr}`)
  return run.stdout
}
/** The English lead of a line: its first two words in a row (paths and quotes aside). */
const leadOf = (line: string) =>
  line.replace(/\S*[/\\]\S*|"[^"]*"/g, ' ').match(/[A-Za-z]+ [A-Za-z]+/)?.[0] as string

/** Russian with Cyrillic words, no Latin word of its own, and not the English lead. */
function expectRussian(ru: string, en: string, allowed: string[] = []) {
  expect(ru).toMatch(CYRILLIC)
  expect(latinWords(ru, ['twokeys', 'vkey', ...allowed])).toEqual([])
  // "refused (409): 0" has one English word only: no lead to look for
  const lead = leadOf(en.split('\n')[0] ?? '')
  if (en !== 'refused (409): 0') expect(lead).toBeDefined()
  if (lead !== undefined) expect(ru.replace(/«[^»]*»/g, ' ')).not.toContain(lead)
}

describe('a witnesses file that cannot be read, under --lang ru', () => {
  it('each problem a line can have, and a file that names no witness', async () => {
    const logVkey = (await ok('log', 'key', 'new', '--origin', 'o.example/log', '--out', at('l.key'))).trim()
    const wVkey = (await ok('witness', 'key', 'new', '--name', 'w.example', '--out', at('w.key'))).trim()
    const files: [string, RegExp][] = [
      ['gov', /witnesses file ".*1\.txt", line 1: expected "<institution> <witness vkey> \[<url>\]"/],
      [`gov not-a-key`, /witnesses file ".*2\.txt", line 1: /],
      [`log ${wVkey}`, /line 1: the log's key has type 4, not 1 \(Ed25519 note key\)/],
      [`log ${logVkey}\nlog ${logVkey}`, /line 2: a second "log" line; name the log's key once/],
      [`log ${logVkey} http://x.example`, /line 1: the log line takes no URL/],
      [`gov ${logVkey}`, /line 1: the witness key of "gov" has type 1, not 4/],
      [`gov ${wVkey} ftp://x.example`, /line 1: "ftp:\/\/x\.example" is not an http\(s\) URL/],
      [
        `# none\nlog ${logVkey}`,
        /witnesses file ".*8\.txt" names no witness: add "<institution> <witness vkey>" lines/,
      ],
    ]
    for (const [i, [text, english]] of files.entries()) {
      const args = ['log', 'checkpoint', '--db', at('none.db'), '--key', at('l.key')]
      args.push('--witnesses', at(`${i + 1}.txt`, `${text}\n`))
      const en = await twokeys('--lang', 'en', ...args)
      const ru = await twokeys('--lang', 'ru', ...args)
      expect(en.code, en.stderr).toBe(2)
      expect(ru.code).toBe(en.code)
      expect(en.stderr).toMatch(english)
      expect(ru.stderr).toMatch(/^✖ файл свидетелей «/)
      expectRussian(ru.stderr, en.stderr)
    }
  })

  it('the English is what parseWitnessList said before, byte for byte, for a label too', () => {
    expect(parseWitnessList('gov', 'the witnesses option')).toBe(
      'the witnesses option, line 1: expected "<institution> <witness vkey> [<url>]" or "log <log vkey>"',
    )
    expect(parseWitnessList('')).toBe(
      'the witnesses file names no witness: add "<institution> <witness vkey>" lines',
    )
    expect(readWitnessListText('', { file: 'w.txt' })).toEqual({
      key: 'witnessList.noWitness',
      params: { source: { file: 'w.txt' } },
    })
  })
})

describe("a witness's answer to log checkpoint, under --lang ru", () => {
  const store = memoryStore()
  const engine = createEngine({ policy: loadPolicyFile('machines/policies/two-keys.yaml'), store })
  const logKey = generateNoteSigner('commission.example/twokeys')
  const witnessKey = generateNoteSigner('witness.pa.example', COSIGNATURE_ED25519)
  const list = parseWitnessList(`pa ${verifierKeyOf(witnessKey)} http://w.example`)
  if (typeof list === 'string') throw new Error(list)

  /** What the witness answered to the latest checkpoint, the witness answering with `fetch`. */
  async function answerTo(fetch: Fetch) {
    const { answers } = await requestCosignatures(store, list as Exclude<typeof list, string>, { fetch })
    expect(answers).toHaveLength(1)
    return answers[0] as (typeof answers)[0]
  }
  const answering =
    (...bodies: [number, string][]): Fetch =>
    async () => {
      const [status, body] =
        bodies.length > 1 ? (bodies.shift() as [number, string]) : (bodies[0] as [number, string])
      return { status, text: async () => body }
    }

  it('each answer: the English as before, its phrase in Russian', async () => {
    await engine.propose({
      commandId: 'a-p',
      by: 'minzifry',
      title: 'Initiative a',
      objective: 'infrastructure',
      scope: { kind: 'federal' },
    })
    const { size } = await publishCheckpoint(store, logKey)
    const cases: [Fetch, string, string][] = [
      [
        async () => {
          throw new Error('fetch failed')
        },
        'answer.unreachable',
        'could not reach http://w.example: fetch failed',
      ],
      [
        answering([200, '']),
        'answer.noValidCosignature',
        'answered 200 but with no valid cosignature by witness.pa.example',
      ],
      [
        answering([409, '99999']),
        'answer.ahead',
        `has cosigned size 99999 of this log, more than the ${size} it holds now: the log was cut off or forked; do not publish, investigate`,
      ],
      [answering([403, 'unknown log\n']), 'answer.refused', 'refused (403): unknown log'],
      // a second 409 is a refusal: 'answer.kept409' only types the loop's end
      [answering([409, '0'], [409, '0']), 'answer.refused', 'refused (409): 0'],
    ]
    for (const [fetch, key, english] of cases) {
      const answer = await answerTo(fetch)
      expect(answer.ok).toBe(false)
      expect(answer.said.key).toBe(key)
      expect(answer.message).toBe(english)
      expect(saidForPeople(answer.said, answer.message)).toBe(english)
      setCliLanguage('ru')
      const ru = saidForPeople(answer.said, answer.message)
      setCliLanguage('en')
      expectRussian(ru, english, ['http://w.example', 'witness.pa.example'])
    }
  })

  it('an unreachable witness, printed by twokeys log checkpoint in Russian', async () => {
    const db = at('run.db')
    await ok('run', 'examples/seed-walkthrough.yaml', '--db', db)
    await ok('log', 'key', 'new', '--origin', 'o.example/log', '--out', at('run.key'))
    const wVkey = (await ok('witness', 'key', 'new', '--name', 'pa.example', '--out', at('pa.key'))).trim()
    const args = ['log', 'checkpoint', '--db', db, '--key', at('run.key')]
    args.push('--witnesses', at('unreachable.txt', `pa ${wVkey} http://127.0.0.1:1\n`))
    const en = await twokeys('--lang', 'en', ...args)
    const ru = await twokeys('--lang', 'ru', ...args)
    expect(en.code, en.stderr).toBe(1)
    expect(ru.code).toBe(1)
    expect(en.stderr).toContain('pa (pa.example): could not reach http://127.0.0.1:1: ')
    expect(ru.stderr).toContain('pa (pa.example): не удалось связаться с http://127.0.0.1:1: «')
  })
})
