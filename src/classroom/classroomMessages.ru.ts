import type { CLASSROOM_MESSAGES } from './classroomMessages.js'

// Ids stay as they are, in «»; a checker's or a parser's own text is quoted in «».
const quoted = (ids: readonly string[]) => ids.map((id) => `«${id}»`).join(', ')

/** The classroom server's errors in Russian: the same keys with the same parameters as `CLASSROOM_MESSAGES`. */
export const CLASSROOM_MESSAGES_RU: typeof CLASSROOM_MESSAGES = {
  'classroom.institutionWithoutHolder': (p) =>
    `у ключа учреждения «${p.institution}» нет держателя, который подписал бы за него связку ключей занятия; назначьте держателя`,
  'classroom.noRole': (p) => `в этом занятии нет роли «${p.role}»; выберите одну из: ${quoted(p.roles)}`,
  'classroom.roleTaken': (p) => `роль «${p.role}» уже занял другой ученик; выберите свободную`,
  'classroom.badPublicKey': (p) =>
    `publicKey «${p.start}» — не открытый ключ Ed25519; пришлите его 32 байта в base64url (43 символа)`,
  'classroom.noKey': (p) => `нет ключа «${p.key}»; ключи: ${quoted(p.keys)}`,
  'classroom.noDeputyFor': (p) => `для ключа «${p.key}» нет никого, кого можно назначить заместителем`,
  'classroom.noKeyOfHolder': (p) => `у занятия нет ключа «${p.holder}»; попросите ученика в этой роли`,
  'classroom.ownLogTampered': (p) => `собственный журнал занятия не проходит проверку: «${p.message}»`,
  'classroom.cannotForgeYet': (p) => `пока нельзя выполнить «${p.forgery}»: «${p.problem}»`,
  'classroom.ended': () => 'занятие закончилось; разбор и выгрузка журнала по-прежнему доступны',
  'classroom.badBody': (p) => `неверное тело запроса:\n${p.lines.join('\n')}`,
  'classroom.noSession': (p) => `нет занятия «${p.id}»; спросите у учителя код для входа`,
  'classroom.noJoinCode': (p) => `нет открытого занятия с кодом «${p.code}»; сверьте код на доске`,
  'classroom.notSessionFile': (p) =>
    `${p.path} — не файл занятия: «${p.problem}»; файл оставлен как был. Укажите в --db новое имя файла или файл занятия, которое нужно продолжить`,
  'classroom.foreignFile': (p) =>
    `в ${p.path} нет занятия (${p.tables.length === 0 ? 'нет таблиц' : `его таблицы: ${p.tables.join(', ')}`}); файл оставлен как был. Укажите в --db новое имя файла или файл занятия, которое нужно продолжить`,
  'classroom.cannotWrite': (p) =>
    `не удаётся записать занятие в ${p.path}: «${p.problem}»; проверьте, что на диске есть место и файл доступен для записи`,
  'classroom.noSeat': (p) =>
    `никто из учеников не занимает роль «${p.role}»${p.keyId === '' ? '' : ` с ключом «${p.keyId}»`}; занятые места: ${p.seated.length === 0 ? 'нет' : quoted(p.seated)}`,
  'classroom.whichSeat': (p) =>
    `роль «${p.role}» занимают ${p.keyIds.length} ученика; укажите, чьё место, через ?keyId= — один из ${quoted(p.keyIds)}`,
  'classroom.fileTaken': (p) =>
    `в ${p.path} уже есть занятие; продолжите его (снова запустите twokeys classroom с этим файлом), а не открывайте там другое`,
  'classroom.inUse': (p) =>
    `${p.path} занят другим сервером twokeys classroom (pid ${p.pid} на ${p.host}, с ${p.since} UTC), а два сервера на одном занятии писали бы в него оба; сначала остановите тот сервер (Ctrl-C) или укажите в --db другое имя файла`,
  'classroom.otherPolicy': (p) =>
    `в ${p.path} занятие по политике «${p.policy}» (хеш ${p.hash.slice(0, 12)}…), а не по указанной; запустите с файлом той политики или укажите в --db новое имя файла`,
}
