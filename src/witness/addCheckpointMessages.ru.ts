import type { NoteProblem } from '../tlog/noteMessages.js'
import { NOTE_MESSAGES_RU } from '../tlog/noteMessages.ru.js'
import type {
  ADD_CHECKPOINT_BODY_MESSAGES,
  ADD_CHECKPOINT_MESSAGES,
  AddCheckpointBodyProblem,
} from './addCheckpointMessages.js'

// Origins and lines of the request as they are, in «»; the request's syntax and options in
// backticks; sizes and roots as they are. The witness speaks in the first person, as in English.

const note = (p: NoteProblem) => (NOTE_MESSAGES_RU[p.key] as (params: unknown) => string)(p.params)

/** Why an add-checkpoint body is malformed, in Russian: the same keys with the same parameters as `ADD_CHECKPOINT_BODY_MESSAGES`. */
export const ADD_CHECKPOINT_BODY_MESSAGES_RU: typeof ADD_CHECKPOINT_BODY_MESSAGES = {
  'addCheckpointBody.notUtf8': () => 'тело запроса — не текст в UTF-8',
  'addCheckpointBody.noOldLine': () =>
    'тело запроса начинается строкой `old <size>`, которая заканчивается переводом строки',
  'addCheckpointBody.badOldLine': (p) =>
    `первая строка — \`old <size>\` (десятичное число без ведущих нулей), а не «${p.line}»`,
  'addCheckpointBody.noEmptyLine': () =>
    'после строк доказательства перед контрольной точкой нужна пустая строка',
  'addCheckpointBody.tooManyProofLines': (p) => `строк доказательства согласованности больше ${p.max}`,
  'addCheckpointBody.badProofLine': (p) =>
    `строка доказательства ${p.n} «${p.line}» — не хеш SHA-256 в base64`,
  'addCheckpointBody.notANote': () =>
    'контрольная точка — подписанная заметка: её текст, пустая строка, затем строки подписей',
  'addCheckpointBody.badCheckpoint': (p) => `контрольная точка искажена: ${note(p.problem)}`,
}

const body = (p: AddCheckpointBodyProblem) =>
  (ADD_CHECKPOINT_BODY_MESSAGES_RU[p.key] as (params: unknown) => string)(p.params)

/** A witness's answer in Russian: the same keys with the same parameters as `ADD_CHECKPOINT_MESSAGES`. */
export const ADD_CHECKPOINT_MESSAGES_RU: typeof ADD_CHECKPOINT_MESSAGES = {
  'addCheckpoint.malformed': (p) => `тело запроса \`add-checkpoint\` искажено: ${body(p.problem)}`,
  'addCheckpoint.unknownLog': (p) =>
    `неизвестный журнал «${p.origin}»: у этого свидетеля нет проверочного ключа для этого источника (его оператор добавляет ключ параметром --log-key)`,
  'addCheckpoint.notSignedByLog': (p) =>
    `контрольная точка «${p.origin}» не подписана как следует своим журналом: ${note(p.problem)}`,
  'addCheckpoint.oldTooLarge': (p) =>
    `прежний размер ${p.oldSize} больше размера контрольной точки ${p.size}`,
  'addCheckpoint.otherOldSize': (p) =>
    `последним я подписал размер ${p.lastSize} журнала «${p.origin}», а не ${p.oldSize}; пришлите \`old ${p.lastSize}\` и доказательство от этого размера`,
  'addCheckpoint.emptyTreeRoot': () =>
    'у контрольной точки размера 0 корень должен быть корнем пустого дерева, SHA-256("")',
  'addCheckpoint.proofFromZero': () =>
    'от прежнего размера 0 доказательство согласованности должно быть пустым',
  'addCheckpoint.splitView': (p) =>
    `расщеплённое представление: я подписал размер ${p.size} журнала «${p.origin}» с корнем ${p.root}, а эта контрольная точка даёт тому же размеру другой корень`,
  'addCheckpoint.inconsistent': (p) =>
    `доказательство согласованности от размера ${p.oldSize} до ${p.size} журнала «${p.origin}» не сходится: контрольная точка не продолжает ту, что я подписал`,
  'addCheckpoint.proofAtSameSize': () =>
    'для контрольной точки того размера, что я подписал, доказательство согласованности должно быть пустым',
  'addCheckpoint.cosigned': (p) => `подписан размер ${p.size} журнала «${p.origin}»`,
  'addCheckpoint.bodyTooLarge': () => 'тело запроса слишком велико',
}
