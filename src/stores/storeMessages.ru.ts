import type { STORE_MESSAGES, StoreDoing } from './storeMessages.js'

// Ids and paths as they are, in «»; a driver's own text quoted in «…» as it is; commands in
// backticks.

/** What a store was doing, in Russian, after «не удалось»: an infinitive with its object. */
export const STORE_DOINGS_RU: Readonly<Record<Exclude<StoreDoing, { lock: string }>, string>> = {
  open: 'открыть базу',
  append: 'дописать события',
  'begin a consistent read': 'начать согласованное чтение',
  close: 'закрыть базу',
  'find a command': 'найти команду',
  'list initiatives': 'перечислить инициативы',
  'load a snapshot': 'прочитать снимок',
  'move a log cursor': 'сдвинуть курсор журнала',
  'read a log cursor': 'прочитать курсор журнала',
  'read a policy': 'прочитать политику',
  'read checkpoints': 'прочитать контрольные точки',
  'read events': 'прочитать события',
  'read keyring changes': 'прочитать изменения реестра ключей',
  'read log places': 'прочитать места событий в журнале',
  'read refusals': 'прочитать отказы',
  'read snapshots': 'прочитать снимки',
  'read the command index': 'прочитать указатель команд',
  'read the latest checkpoint': 'прочитать последнюю контрольную точку',
  'read the log': 'прочитать журнал',
  'read the log size': 'прочитать размер журнала',
  'record a refusal': 'записать отказ',
  'save a snapshot': 'сохранить снимок',
  'store a checkpoint': 'записать контрольную точку',
  'store a keyring change': 'записать изменение реестра ключей',
  'store a policy': 'записать политику',
  'store cosignatures': 'записать подписи свидетелей',
}

const doing = (d: StoreDoing) => (typeof d === 'string' ? STORE_DOINGS_RU[d] : `взять блокировку «${d.lock}»`)

/** The stores' errors in Russian: the same keys with the same parameters as `STORE_MESSAGES`. */
export const STORE_MESSAGES_RU: typeof STORE_MESSAGES = {
  'store.sqliteFailed': (p) =>
    `хранилищу SQLite «${p.path}» не удалось ${doing(p.doing)}: «${p.reason}»; ничего не записано наполовину (каждый вызов — одна транзакция), проверьте файл и повторите`,
  'store.noDatabase': (p) => `нет базы данных «${p.path}»; проверьте путь`,
  'store.postgresFailed': (p) =>
    `хранилищу PostgreSQL ${p.server === undefined ? 'по адресу из настроек' : `на ${p.server}`} не удалось ${doing(p.doing)}: «${p.reason}»; проверьте, что сервер доступен, и повторите (команды повторяйте с тем же \`commandId\`: каждая применяется один раз)`,
  'store.postgresConflict': (p) =>
    `другой процесс первым записал то же место события или тот же идентификатор команды (при попытке ${doing(p.doing)}); перечитайте и повторите`,
  'store.schemaName': (p) =>
    `имя схемы ${p.schema} — не простой идентификатор SQL в нижнем регистре; используйте a–z, 0–9 и _`,
  'store.moduleMissing': (p) =>
    `хранилищу ${p.store} нужен пакет «${p.name}», а он не установлен: установите его рядом с twokeys (\`${p.install}\`)`,
  'store.atOtherEvent': (p) =>
    `инициатива «${p.initiative}» на событии ${p.at}, а не ${p.expected}: другая команда записана раньше; перечитайте и повторите`,
  'store.alreadyHasEvent': (p) =>
    `у инициативы «${p.initiative}» уже есть событие ${p.seq}, или команда «${p.commandId}» уже записана: перечитайте и повторите`,
  'store.commandStored': (p) => `команда «${p.commandId}» уже записана; перечитайте её результат`,
  'store.eventsMustFollow': (p) =>
    `событие ${p.seq} инициативы «${p.of}» не дописывается к «${p.initiative}» на место ${p.at}: события должны идти подряд`,
  'store.keyringAtVersion': (p) =>
    `реестр ключей на версии ${p.at}, так что следующее изменение даёт версию ${p.at + 1}, а не ${p.version}; перечитайте реестр ключей и сделайте изменение заново`,
  'store.keyringNotNext': (p) =>
    `версия реестра ключей ${p.version} — не следующая (раньше записано другое изменение, или одного не хватает); перечитайте реестр ключей и сделайте изменение заново`,
  'store.badStateDigest': (p) =>
    `дайджест состояния ${p.state} не записывается в лист журнала события ${p.seq}: дайджест состояния — 64 шестнадцатеричные цифры в нижнем регистре (\`stateDigest\`)`,
  'store.stateDigestNoEvents': () => 'дайджест состояния не записывается при дописывании без событий',
  'store.noCheckpoint': (p) => `контрольной точки размера ${p.size} нет в хранилище; сначала опубликуйте её`,
  'store.checkpointFork': (p) =>
    `другая контрольная точка размера ${p.size} уже записана; журнал никогда не подписывает две вершины одного размера (кто-то изменил журнал или его ключ) — разберитесь, прежде чем публиковать снова`,
  'store.notCosignatureLine': (p) =>
    `«${p.line}» — не строка подписи свидетеля \`— <witness> <base64>\`; передайте строки, которые ответил свидетель`,
}
