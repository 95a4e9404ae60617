import { RECORD_ID_MESSAGES_RU } from '../domain/recordIdMessages.ru.js'
import type { IDENTITY_MESSAGES, KEY_PROBLEMS, KeyFileProblem, KeyProblem } from './identityMessages.js'
import { renderKeyProblem } from './identityMessages.js'

// Ids and key ids stay as they are, in «»; times as they are; commands in backticks.

/** Why a key may not sign, a keyring change is refused or a signature fails, in Russian. */
export const KEY_PROBLEMS_RU: typeof KEY_PROBLEMS = {
  'key.revoked': (p) => `ключ «${p.keyId}» отозван ${p.at}`,
  'key.notYetValid': (p) => `ключ «${p.keyId}» действует только с ${p.from}`,
  'key.expired': (p) => `срок ключа «${p.keyId}» истёк ${p.at}`,
  'keyring.notInKeyring': (p) => `ключа «${p.keyId}» нет в реестре ключей`,
  'keyring.signatureFails': (p) => `подпись ключом «${p.keyId}» не проходит проверку`,
  'keyring.noSignatureFrom': (p) => `нет действительной подписи ведомства «${p.institution}»`,
  'keyring.otherBase': (p) =>
    `оно сделано для реестра ключей ${p.base || '(никакого)'}, а текущий — ${p.current || '(никакой)'}; сделайте его заново от текущего реестра`,
  'keyring.otherVersion': (p) => `оно даёт версию ${p.version}, а следующая версия — ${p.next}`,
  'keyring.keyIdTaken': (p) => `ключ «${p.keyId}» уже есть в реестре ключей`,
  'keyring.revokeUnknown': (p) => `нельзя отозвать ключ «${p.keyId}»: его нет в реестре ключей`,
  'keyring.notAChange': () => 'это не изменение реестра ключей',
  'keyring.storedAs': (p) => `оно записано как версия ${p.stored}, а даёт версию ${p.makes}`,
  'signature.unsigned': (p) => `команда \`${p.type}\` от «${p.by}» не подписана`,
  'signature.noCommandId': () => 'подписанная команда должна нести свой `commandId`',
  'signature.noInitiativeId': () => 'подписанная команда должна нести свой `initiativeId`',
  'signature.noRevision': () => 'подписанное решение должно нести хеш редакции, о которой оно',
  'signature.keyNotInVersion': (p) => `ключа «${p.keyId}» нет в реестре ключей версии ${p.version}`,
  'signature.otherPrincipal': (p) =>
    `ключ «${p.keyId}» принадлежит «${p.principal}», а команда действует от имени «${p.by}»`,
  'signature.notBase64url': () => 'подпись — не 64 байта в base64url',
  'signature.doesNotVerify': (p) => `подпись «${p.by}» (ключ «${p.keyId}») не проходит проверку`,
  'key.other': (p) => `«${p.text}»`,
}

const all = (list: readonly KeyProblem[]) => list.map((p) => renderKeyProblem(p, KEY_PROBLEMS_RU)).join('; ')

// The field in backticks (the whole file as (файл)); an id check worded from its phrase, zod's own English quoted in «…».
const field = (at: string) => (at === '(file)' ? '(файл)' : `\`${at}\``)
const keyFileProblems = (list: readonly KeyFileProblem[]) =>
  list
    .map(
      (p) =>
        `${field(p.at)}: ${'problem' in p ? (RECORD_ID_MESSAGES_RU[p.problem.key] as (params: unknown) => string)(p.problem.params) : `«${p.text}»`}`,
    )
    .join('; ')

/** The identity errors in Russian: the same keys with the same parameters as `IDENTITY_MESSAGES`. */
export const IDENTITY_MESSAGES_RU: typeof IDENTITY_MESSAGES = {
  'keyFile.unreadable': (p) =>
    `не удаётся прочитать файл ключа «${p.path}»: файла нет или в нём не JSON; проверьте путь`,
  'keyFile.notAKey': (p) =>
    `файл «${p.path}» — не закрытый ключ twokeys (${keyFileProblems(p.problems)}); создайте ключ: \`twokeys keys new <principal>\``,
  'keyFile.missing': (p) => `нет файла или папки ключей «${p.path}»; проверьте путь`,
  'keyring.refused': (p) => `изменение реестра ключей отклонено: ${all(p.problems)}`,
  'keyring.tampered': (p) =>
    `изменение реестра ключей ${p.version}: ${p.refused ? 'отклонено: ' : ''}${all(p.problems)}; записанный реестр ключей изменён — запустите \`twokeys audit verify\` и восстановите его из резервной копии`,
  'keyring.noSigner': (p) =>
    `среди данных ключей нет ключа ведомства «${p.institution}», чья подпись нужна первому реестру ключей; добавьте ключ одного из его участников`,
}
