import type { NoteProblem } from '../tlog/noteMessages.js'
import { NOTE_MESSAGES_RU } from '../tlog/noteMessages.ru.js'
import type { LOG_MESSAGES } from './logMessages.js'

// Ids as they are, in «»; commands in backticks; numbers as they are.

const noteProblem = (p: NoteProblem) => (NOTE_MESSAGES_RU[p.key] as (params: unknown) => string)(p.params)

/** The log's errors in Russian: the same keys with the same parameters as `LOG_MESSAGES`. */
export const LOG_MESSAGES_RU: typeof LOG_MESSAGES = {
  'log.none': (p) =>
    `хранилище «${p.store}» не ведёт журнал Меркла; возьмите хранилище в памяти, SQLite или PostgreSQL (или реализуйте \`Store.log\`)`,
  'checkpoint.none': () =>
    'ни одна контрольная точка ещё не опубликована; сначала опубликуйте её (`twokeys log checkpoint`)',
  'cosign.oldTooLarge': (p) =>
    `--old ${p.old} больше последней контрольной точки (${p.size}): если свидетель действительно подписал дерево больше, этот журнал обрезан или раздвоен — разберитесь`,
  'cosign.emptyAnswer': () => 'в ответе нет ни одной строки подписи свидетеля',
  'cosign.noCheckpoint': () =>
    'ни одна записанная контрольная точка не подписана этими строками ключами из списка свидетелей: проверьте файл свидетелей и что ответ дан на контрольную точку этого журнала',
  'prove.noEvent': (p) =>
    `у инициативы «${p.initiative}» нет события ${p.seq} в этом хранилище; проверьте идентификатор и номер события (\`twokeys history\`)`,
  'prove.notCovered': (p) =>
    `событие ${p.seq} инициативы «${p.initiative}» — запись ${p.index} журнала, которую ещё не покрывает ни одна контрольная точка (последний размер: ${p.size ?? 'нет'}); опубликуйте её (\`twokeys log checkpoint\`) и докажите снова`,
  'leaves.deleted': (p) =>
    `журнал Меркла перечисляет записей: ${p.listed} с индекса ${p.from}, а их событий есть только ${p.found}: события удалены из базы; восстановите её из резервной копии`,
  'answer.unreachable': (p) => `не удалось связаться с ${p.url}: «${p.problem}»`,
  'answer.noValidCosignature': (p) =>
    `ответил 200, но без действительной подписи свидетеля ${p.witness}${p.problem === undefined ? '' : `: ${noteProblem(p.problem)}`}`,
  'answer.cosigned': (p) => `подписал размер ${p.size}`,
  'answer.ahead': (p) =>
    `уже подписал размер ${p.seen} этого журнала — больше, чем ${p.size}, которые в нём сейчас: журнал обрезан или раздвоен; не публикуйте, разберитесь`,
  'answer.refused': (p) => `отказал (${p.status}): «${p.reason}»`,
  'answer.kept409': () => 'раз за разом отвечал 409',
}
