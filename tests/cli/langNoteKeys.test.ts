import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  checkKeyName,
  keyNameProblem,
  NOTE_KEY_MESSAGES,
  type NoteKeyProblem,
  parseNoteSigner,
  parseVerifierKey,
  readNoteSignerText,
  readVerifierKey,
} from '../../src/index.js'
import { NOTE_KEY_MESSAGES_RU } from '../../src/tlog/noteKeyMessages.ru.js'
import { twokeys } from '../support/runCli.js'
import { latinWords } from './latinWords.js'

// The key parsers' texts (checkKeyName, parseNoteSigner, parseVerifierKey) as phrases of
// NOTE_KEY_MESSAGES: the English functions return what they always did, byte for byte; under
// --lang ru the CLI words the phrase instead of quoting the English.
const CYRILLIC = /[А-Яа-яЁё]/
const dir = mkdtempSync(join(tmpdir(), 'twokeys-lang-note-keys-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const at = (name: string, text: string) => {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}
const SEED = `AQ${'A'.repeat(42)}` // type 1 and 32 zero bytes, base64
const ru = (p: NoteKeyProblem) => (NOTE_KEY_MESSAGES_RU[p.key] as (params: unknown) => string)(p.params)

describe('the key parsers, as phrases', () => {
  it('every problem: the English functions as before, a phrase with Russian words', () => {
    const seen = new Set<string>()
    const cases: [NoteKeyProblem | object | undefined, string | object | undefined, string][] = [
      [
        keyNameProblem('a b'),
        checkKeyName('a b'),
        '"a b" cannot name a key: use a non-empty name with no spaces, "+" or control characters, such as example.gov/twokeys',
      ],
      [
        readNoteSignerText('nonsense'),
        parseNoteSigner('nonsense'),
        'not a private key: it starts with PRIVATE+KEY+ (make one with `twokeys log key new` or `twokeys witness key new`)',
      ],
      [
        readNoteSignerText('PRIVATE+KEY+x'),
        parseNoteSigner('PRIVATE+KEY+x'),
        'not a private key PRIVATE+KEY+<name>+<hex id>+<base64 key>',
      ],
      [
        readNoteSignerText('PRIVATE+KEY+x+00000000+AAAA'),
        parseNoteSigner('PRIVATE+KEY+x+00000000+AAAA'),
        'private key "x": the key is not a type byte and a 32-byte seed in base64',
      ],
      [
        readNoteSignerText(`PRIVATE+KEY+x+00000000+Ag${'A'.repeat(42)}`),
        parseNoteSigner(`PRIVATE+KEY+x+00000000+Ag${'A'.repeat(42)}`),
        'private key "x": type 2 is not 1 (log) or 4 (witness cosignature)',
      ],
      [
        readNoteSignerText(`PRIVATE+KEY+x+00000000+${SEED}`),
        parseNoteSigner(`PRIVATE+KEY+x+00000000+${SEED}`),
        expect.stringMatching(
          /^private key "x": the key id 00000000 does not belong to the key \(expected [0-9a-f]{8}\); the file was altered$/,
        ) as unknown as string,
      ],
      [readVerifierKey('x'), parseVerifierKey('x'), '"x" is not a verifier key <name>+<hex id>+<base64 key>'],
      [
        readVerifierKey(`+00000000+${SEED}`),
        parseVerifierKey(`+00000000+${SEED}`),
        `verifier key "+00000000+${SEED}": the name is empty or has spaces`,
      ],
      [
        readVerifierKey('x+00000000+AAAA'),
        parseVerifierKey('x+00000000+AAAA'),
        'verifier key "x+00000000+AAAA": the key is not a type byte and 32 bytes of base64',
      ],
      [
        readVerifierKey(`x+00000000+${SEED}`),
        parseVerifierKey(`x+00000000+${SEED}`),
        expect.stringMatching(
          /^verifier key "x\+00000000\+AQA+": the key id 00000000 does not belong to the key \(expected [0-9a-f]{8}\)$/,
        ) as unknown as string,
      ],
    ]
    for (const [problem, text, english] of cases) {
      expect(text).toEqual(english)
      const phrase = problem as NoteKeyProblem
      seen.add(phrase.key)
      expect((NOTE_KEY_MESSAGES[phrase.key] as (params: unknown) => string)(phrase.params)).toBe(text)
      const russian = ru(phrase)
      expect(russian, phrase.key).toMatch(CYRILLIC)
      expect(latinWords(russian), phrase.key).toEqual([])
    }
    expect([...seen].sort()).toEqual(Object.keys(NOTE_KEY_MESSAGES).sort())
    expect(checkKeyName('example.gov/twokeys')).toBeUndefined()
  })
})

describe('the key parsers under --lang ru', () => {
  const both = async (...args: string[]) => {
    const en = await twokeys('--lang', 'en', ...args)
    const ru = await twokeys('--lang', 'ru', ...args)
    expect([en.code, ru.code]).toEqual([2, 2])
    return { en: en.stderr, ru: ru.stderr }
  }

  it("log key new's origin and witness key new's name", async () => {
    expect(await both('log', 'key', 'new', '--origin', 'a b', '--out', join(dir, 'o.key'))).toEqual({
      en: '✖ "a b" cannot name a key: use a non-empty name with no spaces, "+" or control characters, such as example.gov/twokeys\n',
      ru: '✖ «a b» не годится в имя ключа: имя не пустое, без пробелов, «+» и управляющих символов, например `example.gov/twokeys`\n',
    })
    expect(await both('witness', 'key', 'new', '--name', 'a+b', '--out', join(dir, 'w.key'))).toEqual({
      en: '✖ --name: "a+b" cannot name a key: use a non-empty name with no spaces, "+" or control characters, such as example.gov/twokeys\n',
      ru: '✖ --name: «a+b» не годится в имя ключа: имя не пустое, без пробелов, «+» и управляющих символов, например `example.gov/twokeys`\n',
    })
  })

  it("a log's and a witness's private key file, a --log-key and a witnesses file's vkey", async () => {
    const key = at('bad.key', 'PRIVATE+KEY+x+00000000+AAAA\n')
    expect(await both('log', 'checkpoint', '--db', join(dir, 'x.db'), '--key', key)).toEqual({
      en: `✖ log key "${key}": private key "x": the key is not a type byte and a 32-byte seed in base64\n`,
      ru: `✖ ключ журнала «${key}»: закрытый ключ «x»: ключ в base64 — не байт типа с 32-байтовым зерном\n`,
    })
    const cosign = ['witness', 'cosign', '--state', join(dir, 's.json'), '--request', join(dir, 'r.txt')]
    expect(await both(...cosign, '--key', key, '--log-key', 'x')).toEqual({
      en: `✖ witness key "${key}": private key "x": the key is not a type byte and a 32-byte seed in base64\n`,
      ru: `✖ ключ свидетеля «${key}»: закрытый ключ «x»: ключ в base64 — не байт типа с 32-байтовым зерном\n`,
    })
    const witnessKey = join(dir, 'good.key')
    expect((await twokeys('witness', 'key', 'new', '--name', 'pa.example/w', '--out', witnessKey)).code).toBe(
      0,
    )
    expect(await both(...cosign, '--key', witnessKey, '--log-key', 'garbage')).toEqual({
      en: `✖ --log-key "garbage": "garbage" is not a verifier key <name>+<hex id>+<base64 key>; pass the log's vkey (its name is the log's origin) or a file with it\n`,
      ru: '✖ --log-key «garbage»: «garbage» — не ключ проверки `<name>+<hex id>+<base64 key>`; передайте vkey журнала (его имя — источник журнала) или файл с ним\n',
    })
    const list = at('w.txt', 'log nope+1234+AAAA\n')
    const verify = ['audit', 'verify', '--db', join(dir, 'x.db'), '--checkpoint', key, '--witnesses', list]
    expect(await both(...verify)).toEqual({
      en: `✖ witnesses file "${list}", line 1: verifier key "nope+1234+AAAA": the key is not a type byte and 32 bytes of base64\n`,
      ru: `✖ файл свидетелей «${list}», строка 1: ключ проверки «nope+1234+AAAA»: ключ в base64 — не байт типа с 32 байтами ключа\n`,
    })
  })
})
