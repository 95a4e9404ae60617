import { NOTE_KEY_MESSAGES_RU } from '../tlog/noteKeyMessages.ru.js'
import type { LogKeyAt, WITNESS_MESSAGES } from './witnessMessages.js'

// Paths and names stay as they are, in «»; a key parser's problem worded from its phrase; commands in backticks.

const REPLACE_NOT_RESTART =
  'свидетеля, чьё состояние потеряно, нужно ЗАМЕНИТЬ новым ключом (`twokeys witness key new`, затем передать новый vkey журналу и его проверяющим), а не перезапускать: с новым состоянием он подписал бы журнал, откаченный назад от того, что этот ключ уже подписал'

const where = (at: LogKeyAt) => (at.fromFile ? `файл «${at.value}»` : `«${at.value}»`)

/** The witness's errors in Russian: the same keys with the same parameters as `WITNESS_MESSAGES`. */
export const WITNESS_MESSAGES_RU: typeof WITNESS_MESSAGES = {
  'key.unreadable': (p) =>
    `не удаётся прочитать ключ свидетеля «${p.path}» (${p.code}); создайте его: \`twokeys witness key new --name <name> --out <file>\``,
  'key.malformed': (p) =>
    `ключ свидетеля «${p.path}»: ${(NOTE_KEY_MESSAGES_RU[p.problem.key] as (params: unknown) => string)(p.problem.params)}`,
  'key.logsKey': (p) =>
    `«${p.path}» — ключ подписи журнала (тип ${p.type}), а не ключ подписи свидетеля (тип 4); создайте его: \`twokeys witness key new\``,
  'logKey.none': (p) =>
    `в --log-key ${where(p.at)} нет ключа проверки; передайте vkey журнала или файл с ним`,
  'logKey.malformed': (p) =>
    `--log-key ${where(p.at)}: ${(NOTE_KEY_MESSAGES_RU[p.problem.key] as (params: unknown) => string)(p.problem.params)}; передайте vkey журнала (его имя — источник журнала) или файл с ним`,
  'logKey.notALogKey': (p) =>
    `--log-key ${where(p.at)}: «${p.name}» — ключ типа ${p.type}, а не ключ контрольных точек журнала (тип 1)`,
  'state.unreadable': (p) =>
    `не удаётся прочитать состояние свидетеля «${p.path}» (${p.code}); проверьте путь и права доступа`,
  'state.missing': (p) =>
    `состояния свидетеля в «${p.path}» нет. Для НОВОГО ключа свидетеля, который ещё ничего не подписывал, запустите один раз с --init, чтобы его создать. Иначе ${REPLACE_NOT_RESTART}.`,
  'state.exists': (p) =>
    `--init создаёт новое состояние свидетеля, а «${p.path}» уже существует; оно никогда не заменяется: уберите --init, чтобы работать с ним`,
  'state.notJson': (p) =>
    `состояние свидетеля «${p.path}» — не JSON. Восстановите его из резервной копии, только если она последняя; иначе ${REPLACE_NOT_RESTART}.`,
  'state.notAState': (p) =>
    `«${p.path}» — не состояние свидетеля twokeys («${p.problems.join('; ')}»); ${REPLACE_NOT_RESTART}`,
  'state.otherWitness': (p) =>
    `состояние свидетеля «${p.path}» принадлежит свидетелю «${p.witness}», а не ключу «${p.key}»; передайте файл состояния этого ключа`,
  'state.unsaved': (p) =>
    `не удаётся сохранить состояние свидетеля «${p.path}» (${p.code}); ничего не подписано. Проверьте, что его папка существует и доступна для записи`,
}
