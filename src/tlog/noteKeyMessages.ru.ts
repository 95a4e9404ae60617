import type { NOTE_KEY_MESSAGES } from './noteKeyMessages.js'

// Names, key ids and the key's text as they are, in «»; the key formats and commands in backticks.

/** A key name's, a private key's and a verifier key's problems in Russian: the same keys with the same parameters as `NOTE_KEY_MESSAGES`. */
export const NOTE_KEY_MESSAGES_RU: typeof NOTE_KEY_MESSAGES = {
  'keyName.bad': (p) =>
    `«${p.name}» не годится в имя ключа: имя не пустое, без пробелов, «+» и управляющих символов, например \`example.gov/twokeys\``,
  'privateKey.prefix': () =>
    'это не закрытый ключ: он начинается с `PRIVATE+KEY+` (создайте его: `twokeys log key new` или `twokeys witness key new`)',
  'privateKey.fields': () => 'это не закрытый ключ `PRIVATE+KEY+<name>+<hex id>+<base64 key>`',
  'privateKey.seed': (p) => `закрытый ключ «${p.name}»: ключ в base64 — не байт типа с 32-байтовым зерном`,
  'privateKey.type': (p) =>
    `закрытый ключ «${p.name}»: тип ${p.type} — не 1 (журнал) и не 4 (подпись свидетеля)`,
  'privateKey.keyId': (p) =>
    `закрытый ключ «${p.name}»: идентификатор ключа ${p.id} не принадлежит ключу (ожидается ${p.expected}); файл изменили`,
  'verifierKey.fields': (p) => `«${p.text}» — не ключ проверки \`<name>+<hex id>+<base64 key>\``,
  'verifierKey.name': (p) => `ключ проверки «${p.text}»: имя пустое или с пробелами`,
  'verifierKey.bytes': (p) => `ключ проверки «${p.text}»: ключ в base64 — не байт типа с 32 байтами ключа`,
  'verifierKey.keyId': (p) =>
    `ключ проверки «${p.text}»: идентификатор ключа ${p.id} не принадлежит ключу (ожидается ${p.expected})`,
}
