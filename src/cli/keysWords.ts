import { inCliLanguage } from './cliLanguage.js'

/**
 * What `twokeys keys …` prints for people, and its errors, in each language the CLI speaks. Key
 * ids, principals, paths, times and hashes stay as they are; `--json` and the files are unchanged.
 */
export interface KeysWords {
  cannotReadJson(what: string, path: string): string
  notAChange(path: string, problems: string): string
  notAnEntry(path: string): string
  cannotMakeKey(problem: string | undefined): string
  noKeyring: string
  revoked(at: string): string
  valid: string
  until(at: string): string
  from(at: string): string
  keyringVersion(version: number, hash: string): string
  wroteKey(principal: string, out: string): string
  publicEntry(out: string): string
  drafted(version: number, out: string): string
  signedBy(keyId: string, principal: string, count: number): string
  applied: string
  pinMissing(db: string, hash: string): string
  notRunByStore(path: string, db: string, hash: string, pinned: string[]): string
  identityFromStore(path: string, said: string, identity: string, signed: number, pinned: number): string
}

const short = (hash: string) => `${hash.slice(0, 12)}…`

export const ENGLISH_KEYS_WORDS: KeysWords = {
  cannotReadJson: (what, path) => `cannot read ${what} "${path}": it is missing or not JSON; check the path`,
  notAChange: (path, problems) => `"${path}" is not a keyring change (${problems})`,
  notAnEntry: (path) =>
    `"${path}" is neither a keyring entry nor a private key file; \`twokeys keys new <principal> --json\` prints an entry`,
  cannotMakeKey: (problem) => `cannot make a key: ${problem}`,
  noKeyring: 'no keyring yet: apply a first one signed by every key-holding institution',
  revoked: (at) => `revoked ${at}`,
  valid: 'valid',
  until: (at) => `until ${at}`,
  from: (at) => `from ${at}`,
  keyringVersion: (version, hash) => `keyring version ${version} · ${hash}`,
  wroteKey: (principal, out) =>
    `wrote the private key of "${principal}" to ${out} (readable by its owner only; keep it secret)`,
  publicEntry: (out) => `public entry, for a keyring change (\`twokeys keys draft --add ${out} …\`):`,
  drafted: (version, out) =>
    `drafted keyring version ${version} in ${out}; now each institution signs it (\`twokeys keys sign-change\`)`,
  signedBy: (keyId, principal, count) => `signed by ${keyId} (${principal}); ${count} signature(s)`,
  applied: 'applied',
  pinMissing: (db, hash) =>
    `${db}: its events are pinned to policy ${short(hash)}, which it no longer holds; run \`twokeys audit verify --db ${db}\``,
  notRunByStore: (path, db, hash, pinned) =>
    `"${path}" is not a policy ${db} runs: its events are pinned to ${pinned.map(short).join(', ')}, not to this file (${short(hash)}), and none of those has its key-holding institutions and principals; pass the policy file the store was started with`,
  identityFromStore: (path, said, identity, signed, pinned) =>
    signed > 0 && signed < pinned
      ? `note: identity: ${identity}, with signedPolicies: ${signed} of the ${pinned} policies the store's events are pinned to say identity: signed ("${path}" says ${said})`
      : `note: identity: ${identity}, from the policies the store's events are pinned to ("${path}" says ${said})`,
}

/** The files `keys` reads, in Russian (as «не удаётся прочитать …» takes them). */
const THINGS_RU: Record<string, string> = {
  'keyring change': 'изменение реестра ключей',
  'key entry': 'запись ключа',
}

export const RUSSIAN_KEYS_WORDS: KeysWords = {
  cannotReadJson: (what, path) =>
    `не удаётся прочитать ${THINGS_RU[what] ?? what} «${path}»: файла нет или в нём не JSON; проверьте путь`,
  notAChange: (path, problems) => `«${path}» — не изменение реестра ключей («${problems}»)`,
  notAnEntry: (path) =>
    `«${path}» — не запись реестра ключей и не файл закрытого ключа; запись печатает \`twokeys keys new <principal> --json\``,
  cannotMakeKey: (problem) => `не удаётся создать ключ: «${problem}»`,
  noKeyring: 'реестра ключей ещё нет: примените первый, подписанный каждым ведомством, которое держит ключ',
  revoked: (at) => `отозван ${at}`,
  valid: 'действует',
  until: (at) => `до ${at}`,
  from: (at) => `с ${at}`,
  keyringVersion: (version, hash) => `реестр ключей, версия ${version} · ${hash}`,
  wroteKey: (principal, out) =>
    `закрытый ключ «${principal}» записан в ${out} (читать его может только владелец; храните его в тайне)`,
  publicEntry: (out) =>
    `открытая запись для изменения реестра ключей (\`twokeys keys draft --add ${out} …\`):`,
  drafted: (version, out) =>
    `черновик реестра ключей версии ${version} записан в ${out}; теперь его подписывает каждое ведомство (\`twokeys keys sign-change\`)`,
  signedBy: (keyId, principal, count) => `подписано ключом ${keyId} (${principal}); подписей: ${count}`,
  applied: 'применено',
  pinMissing: (db, hash) =>
    `${db}: события привязаны к политике ${short(hash)}, которой в хранилище больше нет; запустите \`twokeys audit verify --db ${db}\``,
  notRunByStore: (path, db, hash, pinned) =>
    `«${path}» — не политика, по которой работает ${db}: события привязаны к ${pinned.map(short).join(', ')}, а не к этому файлу (${short(hash)}), и ни в одной из них нет тех же ведомств с ключами и тех же участников; укажите файл политики, с которой хранилище запущено`,
  identityFromStore: (path, said, identity, signed, pinned) =>
    signed > 0 && signed < pinned
      ? `примечание: \`identity: ${identity}\` и \`signedPolicies\`: ${signed} из ${pinned} политик, к которым привязаны события, требуют \`identity: signed\` (в «${path}» — \`${said}\`)`
      : `примечание: \`identity: ${identity}\` — из политик, к которым привязаны события хранилища (в «${path}» — \`${said}\`)`,
}

/**
 * `keys`' words in the CLI's language (`--lang`).
 *
 * @example
 * print(keysWords().applied) // 'применено' under --lang ru
 */
export function keysWords(): KeysWords {
  return inCliLanguage({ en: ENGLISH_KEYS_WORDS, ru: RUSSIAN_KEYS_WORDS })
}
