import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { setCliLanguage } from '../../src/cli/cliLanguage.js'
import { saidForPeople } from '../../src/cli/errorForPeople.js'
import { cosign } from '../../src/tlog/checkpoint.js'
import { COSIGNED_MESSAGES } from '../../src/tlog/cosignedMessages.js'
import { signerFromSeed, verifierKeyOf } from '../../src/tlog/noteKey.js'
import { NOTE_MESSAGES } from '../../src/tlog/noteMessages.js'
import { COSIGNATURE_ED25519, NOTE_ED25519, signatureLine, signNote } from '../../src/tlog/signedNote.js'
import { acceptCheckpoint, checkCosigned, type WitnessList } from '../../src/tlog/witnessList.js'
import { twokeys } from '../support/runCli.js'
import { makeLog, seed, vkeyOf } from '../witness/logFixture.js'
import { latinWords } from './latinWords.js'

// Why a checkpoint is not accepted under a witnesses file: the English as it always was, byte for
// byte, and under --lang ru each reason worded from its phrase (the signatures' own problems too).
const CYRILLIC = /[А-Яа-яЁё]/
const dir = mkdtempSync(join(tmpdir(), 'twokeys-lang-checkpoint-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
afterEach(() => setCliLanguage('en'))
const at = (name: string, text: string) => {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

const log = makeLog().append(3)
const pa = signerFromSeed('pa.example/witness', COSIGNATURE_ED25519, seed(9))
const ga = signerFromSeed('ga.example/witness', COSIGNATURE_ED25519, seed(10))
const other = signerFromSeed('other.example/log', NOTE_ED25519, seed(11))
const cosignedBy = (w: typeof pa, text = log.text()) =>
  cosign(text, w.name, w.seed, w.publicKey, 1_800_000_000)
const list: WitnessList = {
  log: log.vkey,
  witnesses: [
    { institution: 'pa', key: vkeyOf(pa) },
    { institution: 'ga', key: vkeyOf(ga) },
  ],
}
const withoutLog: WitnessList = { witnesses: list.witnesses }
const signedByLog = (text: string) => signNote(text, log.signer.name, log.signer.seed, log.signer.publicKey)
const paLine = cosignedBy(pa)
// a byte of the signature changed, past the key id (the first 6 base64 characters)
const forged = paLine.replace(
  / (\S{20})(\S)(\S*)\n$/,
  (_m, a: string, c: string, rest: string) => ` ${a}${c === 'A' ? 'B' : 'A'}${rest}\n`,
)

/** Each reason a checkpoint can be refused for: the note, the list, the English as before and the Russian. */
const CASES: [string, WitnessList, string, string][] = [
  [
    log.note() + paLine,
    list,
    'no valid cosignature from a witness of "ga": history is settled only when a witness of each institution has cosigned it',
    'нет действительной подписи свидетеля от «ga»: история считается закреплённой, только когда её подписал свидетель каждого учреждения',
  ],
  [
    log.note() + forged + cosignedBy(ga),
    list,
    'the cosignature of "pa.example/witness" does not verify: the checkpoint was altered',
    'подпись свидетеля «pa.example/witness» не сходится: контрольную точку изменили',
  ],
  [
    log.note() + signatureLine(pa.name, pa.keyId, new Uint8Array(10)),
    list,
    'the cosignature of "pa.example/witness" is not a timestamp and an Ed25519 signature',
    'подпись свидетеля «pa.example/witness» — не метка времени с подписью Ed25519',
  ],
  [
    log.note().replace('twokeys.example/log\n3', 'twokeys.example/log\n2') + paLine,
    list,
    'the log\'s signature: the signature of "twokeys.example/log" does not verify: the note was altered',
    'подпись журнала: подпись «twokeys.example/log» не сходится: заметку изменили',
  ],
  [
    signNote(log.text(), other.name, other.seed, other.publicKey),
    list,
    "the log's signature: no signature from a trusted key",
    'подпись журнала: нет ни одной подписи доверенным ключом',
  ],
  [
    `${log.note()}\u0007`,
    withoutLog,
    'a note may hold no control characters but newlines',
    'в подписанной заметке не может быть управляющих символов, кроме перевода строки',
  ],
  [
    log.note().trimEnd(),
    list,
    "the log's signature: a note ends with a newline",
    'подпись журнала: подписанная заметка должна заканчиваться переводом строки',
  ],
  [
    log.text(),
    withoutLog,
    'a note has a blank line between its text and its signatures',
    'в подписанной заметке текст и подписи разделяет пустая строка, а её нет',
  ],
  [
    `${log.text()}\n— pa.example/witness !!!\n`,
    withoutLog,
    '"— pa.example/witness !!!" is not a signature line "— <name> <base64>"',
    '«— pa.example/witness !!!» — не строка подписи `— <name> <base64>`',
  ],
  [
    signedByLog('o\n'),
    list,
    'not a checkpoint: a checkpoint has an origin, a size and a root, one per line',
    'это не контрольная точка: у контрольной точки есть источник, размер и корень, каждый на своей строке',
  ],
  [
    signedByLog('o\n03\nAAAA\n'),
    list,
    'not a checkpoint: "03" is not a tree size',
    'это не контрольная точка: «03» — не размер дерева',
  ],
  [
    signedByLog('o\n3\nAAAA\n'),
    list,
    'not a checkpoint: "AAAA" is not a base64 SHA-256 root hash',
    'это не контрольная точка: «AAAA» — не корневой хеш SHA-256 в base64',
  ],
]

describe('why a checkpoint is not accepted under a witness list', () => {
  it('each reason: the English as before, its phrase in Russian', () => {
    const keys = new Set<string>()
    for (const [note, witnesses, english, russian] of CASES) {
      const problem = acceptCheckpoint(note, witnesses)
      if ('checkpoint' in problem) throw new Error(`accepted: ${english}`)
      keys.add(problem.key)
      const inner = (problem.params as { problem?: { key: string } }).problem
      if (inner !== undefined) keys.add(inner.key)
      expect(checkCosigned(note, witnesses)).toBe(english)
      expect(saidForPeople(problem, english)).toBe(english)
      setCliLanguage('ru')
      const said = saidForPeople(problem, english)
      setCliLanguage('en')
      expect(said).toBe(russian)
      expect(said).toMatch(CYRILLIC)
      expect(latinWords(said, ['Ed25519', 'SHA-256', 'base64'])).toEqual([])
    }
    // every reason but the unsigned note's (a note's last line is always a signature line or a bad one)
    const unreached = [...Object.keys(NOTE_MESSAGES), ...Object.keys(COSIGNED_MESSAGES)].filter(
      (k) => !keys.has(k),
    )
    expect(unreached).toEqual(['note.unsigned'])
  })

  it('an accepted checkpoint is accepted as before', () => {
    const accepted = checkCosigned(log.note() + paLine + cosignedBy(ga), list)
    expect(accepted).toMatchObject({ checkpoint: { origin: 'twokeys.example/log', size: 3 } })
  })
})

describe('audit verify --checkpoint --witnesses, under --lang ru', () => {
  const witnesses = at(
    'witnesses.txt',
    `log ${verifierKeyOf(log.signer)}\npa ${verifierKeyOf(pa)}\nga ${verifierKeyOf(ga)}\n`,
  )
  const audit = at('audit.jsonl', '')

  it('says why the checkpoint is not accepted in Russian, the English unchanged', async () => {
    const checkpoint = at('cp.txt', log.note() + forged + cosignedBy(ga))
    const args = ['audit', 'verify', audit, '--checkpoint', checkpoint, '--witnesses', witnesses]
    const en = await twokeys('--lang', 'en', ...args)
    const ru = await twokeys('--lang', 'ru', ...args)
    expect(en.code).toBe(1)
    expect(ru.code).toBe(1)
    expect(en.stderr).toBe(
      `✖ checkpoint "${checkpoint}" is not accepted: the cosignature of "pa.example/witness" does not verify: the checkpoint was altered\n`,
    )
    expect(ru.stderr).toBe(
      `✖ контрольная точка «${checkpoint}» не принята: подпись свидетеля «pa.example/witness» не сходится: контрольную точку изменили\n`,
    )
  })

  it('a missing institution, in Russian', async () => {
    const checkpoint = at('cp-no-ga.txt', log.note() + paLine)
    const args = ['audit', 'verify', audit, '--checkpoint', checkpoint, '--witnesses', witnesses]
    const ru = await twokeys('--lang', 'ru', ...args)
    expect(ru.code).toBe(1)
    expect(ru.stderr).toBe(
      `✖ контрольная точка «${checkpoint}» не принята: нет действительной подписи свидетеля от «ga»: история считается закреплённой, только когда её подписал свидетель каждого учреждения\n`,
    )
  })
})
