import { afterEach, describe, expect, it } from 'vitest'
import { setCliLanguage } from '../../src/cli/cliLanguage.js'
import { saidForPeople } from '../../src/cli/errorForPeople.js'
import { checkpointText } from '../../src/tlog/checkpoint.js'
import { leafHash } from '../../src/tlog/merkle.js'
import { formatNoteSigner, signerFromSeed, verifierKeyOf } from '../../src/tlog/noteKey.js'
import { NOTE_ED25519, signNote } from '../../src/tlog/signedNote.js'
import { type AddCheckpointOutcome, addCheckpoint } from '../../src/witness/addCheckpoint.js'
import {
  ADD_CHECKPOINT_BODY_MESSAGES,
  ADD_CHECKPOINT_MESSAGES,
} from '../../src/witness/addCheckpointMessages.js'
import { emptyWitnessState, type WitnessState } from '../../src/witness/WitnessState.js'
import { twokeys } from '../support/runCli.js'
import { body, makeLog, ORIGIN, paWitness, seed } from '../witness/logFixture.js'
import { latinWords } from './latinWords.js'
import { scratchFiles } from './scratchFiles.js'

// A witness's own answer to add-checkpoint (`witness cosign`, `witness serve`'s log lines): the
// English as it always was, byte for byte, and under --lang ru each worded from its phrase.
const CYRILLIC = /[А-Яа-яЁё]/
const NOW = 1_772_400_000
const { at } = scratchFiles('twokeys-lang-cosign-')
afterEach(() => setCliLanguage('en'))

const log = makeLog().append(12)
const decide = (state: WitnessState, request: string | Uint8Array, logKeys = [log.vkey]) =>
  addCheckpoint({ state, logKeys, signer: paWitness, request, now: NOW })
const fresh = emptyWitnessState(paWitness.name)
const at12 = decide(fresh, log.request(0)).newState as WitnessState
const impostor = signerFromSeed(ORIGIN, NOTE_ED25519, seed(8))
const signed = (text: string) => signNote(text, log.signer.name, log.signer.seed, log.signer.publicKey)
const aHash = leafHash(new Uint8Array([1]))
const longer = makeLog().append(15)
const evil = makeLog().append(11).fork('evil').append(4)

/** Each answer a witness gives: the outcome, its status, the English as before and the Russian. */
const CASES: [AddCheckpointOutcome, number, string, string][] = [
  [
    decide(fresh, 'old 3\n'),
    400,
    'malformed add-checkpoint body: the proof lines end with an empty line before the checkpoint',
    'тело запроса `add-checkpoint` искажено: после строк доказательства перед контрольной точкой нужна пустая строка',
  ],
  [
    decide(fresh, new Uint8Array([0xff, 0x0a])),
    400,
    'malformed add-checkpoint body: the body is not UTF-8 text',
    'тело запроса `add-checkpoint` искажено: тело запроса — не текст в UTF-8',
  ],
  [
    decide(fresh, 'old 0'),
    400,
    'malformed add-checkpoint body: the body starts with a line "old <size>" ending in a newline',
    'тело запроса `add-checkpoint` искажено: тело запроса начинается строкой `old <size>`, которая заканчивается переводом строки',
  ],
  [
    decide(fresh, 'old 03\n'),
    400,
    'malformed add-checkpoint body: the first line is "old <size>" (a decimal with no leading zeros), not "old 03"',
    'тело запроса `add-checkpoint` искажено: первая строка — `old <size>` (десятичное число без ведущих нулей), а не «old 03»',
  ],
  [
    decide(fresh, body(0, Array(64).fill(aHash), log.note())),
    400,
    'malformed add-checkpoint body: more than 63 consistency proof lines',
    'тело запроса `add-checkpoint` искажено: строк доказательства согласованности больше 63',
  ],
  [
    decide(fresh, 'old 0\nzz\n\n'),
    400,
    'malformed add-checkpoint body: proof line 1 "zz" is not a base64 SHA-256 hash',
    'тело запроса `add-checkpoint` искажено: строка доказательства 1 «zz» — не хеш SHA-256 в base64',
  ],
  [
    decide(fresh, 'old 0\n\nno note\n'),
    400,
    'malformed add-checkpoint body: the checkpoint is a signed note: its text, an empty line, then signature lines',
    'тело запроса `add-checkpoint` искажено: контрольная точка — подписанная заметка: её текст, пустая строка, затем строки подписей',
  ],
  [
    decide(fresh, 'old 0\n\no\n\n— o AAAAAAA=\n'),
    400,
    'malformed add-checkpoint body: the checkpoint is malformed: a checkpoint has an origin, a size and a root, one per line',
    'тело запроса `add-checkpoint` искажено: контрольная точка искажена: у контрольной точки есть источник, размер и корень, каждый на своей строке',
  ],
  [
    decide(fresh, log.request(0), []),
    404,
    'unknown log "twokeys.example/log": this witness has no verifier key for that origin (its operator adds one with --log-key)',
    'неизвестный журнал «twokeys.example/log»: у этого свидетеля нет проверочного ключа для этого источника (его оператор добавляет ключ параметром --log-key)',
  ],
  [
    decide(fresh, body(0, [], signNote(log.text(), ORIGIN, impostor.seed, impostor.publicKey))),
    403,
    'the checkpoint of "twokeys.example/log" is not validly signed by its log: no signature from a trusted key',
    'контрольная точка «twokeys.example/log» не подписана как следует своим журналом: нет ни одной подписи доверенным ключом',
  ],
  [
    decide(fresh, body(20, [], log.note())),
    400,
    "old size 20 is larger than the checkpoint's size 12",
    'прежний размер 20 больше размера контрольной точки 12',
  ],
  [
    decide(at12, log.request(5)),
    409,
    'I last cosigned size 12 of "twokeys.example/log", not 5; send "old 12" and a proof from there',
    'последним я подписал размер 12 журнала «twokeys.example/log», а не 5; пришлите `old 12` и доказательство от этого размера',
  ],
  [
    decide(fresh, body(0, [], signed(checkpointText({ origin: ORIGIN, size: 0, root: aHash })))),
    422,
    'a checkpoint of size 0 must have the empty tree’s root, SHA-256("")',
    'у контрольной точки размера 0 корень должен быть корнем пустого дерева, SHA-256("")',
  ],
  [
    decide(fresh, body(0, [aHash], log.note())),
    422,
    'from old size 0 the consistency proof must be empty',
    'от прежнего размера 0 доказательство согласованности должно быть пустым',
  ],
  [
    decide(at12, body(12, [], makeLog().append(11).fork('evil').append(1).note())),
    422,
    `split view: I cosigned size 12 of "twokeys.example/log" with root ${at12.logs[ORIGIN]?.root}, and this checkpoint gives the same size another root`,
    `расщеплённое представление: я подписал размер 12 журнала «twokeys.example/log» с корнем ${at12.logs[ORIGIN]?.root}, а эта контрольная точка даёт тому же размеру другой корень`,
  ],
  [
    decide(at12, body(12, evil.proof(12), longer.note())),
    422,
    'the consistency proof from size 12 to 15 of "twokeys.example/log" does not verify: the checkpoint does not extend the one I cosigned',
    'доказательство согласованности от размера 12 до 15 журнала «twokeys.example/log» не сходится: контрольная точка не продолжает ту, что я подписал',
  ],
  [
    decide(at12, body(12, [aHash], log.note())),
    422,
    'for a checkpoint of the size I cosigned the consistency proof must be empty',
    'для контрольной точки того размера, что я подписал, доказательство согласованности должно быть пустым',
  ],
  [
    decide(fresh, log.request(0)),
    200,
    'cosigned size 12 of "twokeys.example/log"',
    'подписан размер 12 журнала «twokeys.example/log»',
  ],
]

describe("a witness's answer to add-checkpoint, under --lang ru", () => {
  it('each answer: the English as before, its phrase in Russian', () => {
    const keys = new Set<string>()
    for (const [outcome, status, english, russian] of CASES) {
      expect([outcome.status, outcome.reason]).toEqual([status, english])
      if (status !== 200 && status !== 409) expect(outcome.body).toBe(`${english}\n`)
      keys.add(outcome.said.key)
      const inner = (outcome.said.params as { problem?: { key: string } }).problem
      if (inner !== undefined) keys.add(inner.key)
      expect(saidForPeople(outcome.said, outcome.reason)).toBe(english)
      setCliLanguage('ru')
      const said = saidForPeople(outcome.said, outcome.reason)
      setCliLanguage('en')
      expect(said).toBe(russian)
      expect(said).toMatch(CYRILLIC)
      expect(latinWords(said, ['UTF-8', 'SHA-256', 'base64'])).toEqual([])
    }
    // every answer but the server's own (a body too large, said before any is read)
    const all = [...Object.keys(ADD_CHECKPOINT_MESSAGES), ...Object.keys(ADD_CHECKPOINT_BODY_MESSAGES)]
    expect(all.filter((k) => !keys.has(k))).toEqual(['addCheckpoint.bodyTooLarge'])
  })
})

describe('twokeys witness cosign, under --lang ru', () => {
  at('pa.key', `${formatNoteSigner(paWitness)}\n`)
  at('log.vkey', `${verifierKeyOf(log.signer)}\n`)
  const cosign = (lang: string, request: string, ...more: string[]) =>
    twokeys(
      '--lang',
      lang,
      ...['witness', 'cosign', '--key', at('pa.key'), '--state', at('state.json')],
      ...['--log-key', at('log.vkey'), '--request', at('request.txt', request), ...more],
    )

  it('a refusal and a cosignature in Russian, the English unchanged', async () => {
    const ru = await cosign('ru', log.request(0), '--init', '--out', at('cosig.txt'))
    expect(ru.code, ru.stderr).toBe(0)
    expect(ru.stdout).toBe(
      `✓ подписан размер 12 журнала «twokeys.example/log»; подпись свидетеля — в ${at('cosig.txt')}\n`,
    )
    const en = await cosign('en', log.request(5))
    expect(en.code).toBe(1)
    expect(en.stderr).toBe(
      '✖ 409 conflict: I last cosigned size 12 of "twokeys.example/log", not 5; send "old 12" and a proof from there\n',
    )
    const refused = await cosign('ru', log.request(5))
    expect(refused.code).toBe(1)
    expect(refused.stderr).toBe(
      '✖ 409 конфликт: последним я подписал размер 12 журнала «twokeys.example/log», а не 5; пришлите `old 12` и доказательство от этого размера\n',
    )
  })

  it('a malformed request: its own reason, in Russian (exit 2)', async () => {
    const en = await cosign('en', 'old 03\n')
    const ru = await cosign('ru', 'old 03\n')
    expect([en.code, ru.code]).toEqual([2, 2])
    expect(en.stderr).toBe(
      '✖ 400 bad request: malformed add-checkpoint body: the first line is "old <size>" (a decimal with no leading zeros), not "old 03"\n',
    )
    expect(ru.stderr).toBe(
      '✖ 400 неверный запрос: тело запроса `add-checkpoint` искажено: первая строка — `old <size>` (десятичное число без ведущих нулей), а не «old 03»\n',
    )
  })
})
