import { reasonsIn } from '../../machines/refusalMessages.js'
import { REFUSAL_MESSAGES_RU } from '../../machines/refusalMessages.ru.js'
import type { RecordIdProblem } from '../domain/recordIdMessages.js'
import { RECORD_ID_MESSAGES_RU } from '../domain/recordIdMessages.ru.js'
import { renderKeyProblem } from '../identity/identityMessages.js'
import { KEY_PROBLEMS_RU } from '../identity/identityMessages.ru.js'
import type { ENGINE_MESSAGES } from './engineMessages.js'

// Ids as they are, in «»; commands, options and API names in backticks; a text from outside the
// engine (a driver's, a stored refusal's) quoted in «…»; an id check's worded from its phrase.

const idProblem = (p: RecordIdProblem) =>
  (RECORD_ID_MESSAGES_RU[p.key] as (params: unknown) => string)(p.params)

/** Reasons in Russian from the rules' phrases, one per reason; without them, each as written, quoted. */
const reasonsRu = (reasons: string[], phrases: Parameters<typeof reasonsIn>[2]) =>
  phrases !== undefined && phrases.length === reasons.length && reasons.length > 0
    ? reasonsIn(REFUSAL_MESSAGES_RU, reasons, phrases)
    : reasons.map((r) => `«${r}»`)

/** The engine's errors in Russian: the same keys with the same parameters as `ENGINE_MESSAGES`. */
export const ENGINE_MESSAGES_RU: typeof ENGINE_MESSAGES = {
  'engine.noKeyring': (p) =>
    `команду \`${p.type}\` от «${p.by}» нельзя проверить: в хранилище ещё нет реестра ключей; примените реестр, подписанный каждым ведомством, держащим ключ (\`twokeys keys apply\`)`,
  'engine.signature': (p) => renderKeyProblem(p.problem, KEY_PROBLEMS_RU),
  'engine.refused': (p) =>
    `команда \`${p.type}\` от «${p.by}» отклонена: ${reasonsRu(p.reasons, p.phrases).join('; ')}`,
  'engine.commandIdReused': (p) =>
    `идентификатор команды «${p.commandId}» уже занят другой командой${p.initiative === null ? '' : ` по инициативе «${p.initiative}»`}; дайте новой команде новый идентификатор`,
  'engine.tickNotATime': (p) =>
    `\`tick(now)\`: ${p.shown ?? `значение типа \`${p.type}\``} — не время; передайте целое число миллисекунд от начала эпохи (\`Date.parse(…)\`) или ничего, и возьмутся часы движка`,
  'engine.initiativeFailed': (p) => `инициатива «${p.initiative}»: «${p.error}»`,
  'engine.tickFailures': (p) =>
    `наступившие сроки всех остальных инициатив отработаны (изменилось инициатив: ${p.changed}), но не удалось для инициатив: ${p.failures.length}:\n${p.failures.map((f) => `  ✖ «${f}»`).join('\n')}`,
  'engine.ticksDoNotSettle': (p) =>
    `инициатива «${p.initiative}»: сроки срабатывали и после ${p.max} тиков; машина не приходит в покой`,
  'engine.badId': (p) => `\`${p.where}\`: не идентификатор инициативы: ${idProblem(p.problem)}`,
  'engine.keyringChangeInvalid': (p) =>
    `изменение реестра ключей недопустимо:\n${p.issues.map((i) => `  ✖ ${i.path || '(изменение)'}: «${i.message}»`).join('\n')}`,
  'engine.noInitiative': (p) =>
    `в хранилище «${p.store}» нет инициативы «${p.initiative}»; проверьте идентификатор (их список даёт \`engine.list()\`)`,
  'engine.policyMissing': (p) =>
    `инициатива «${p.initiative}» начата по политике ${p.policy}, которой в хранилище нет; верните эту версию политики в хранилище`,
  'engine.policyEdited': (p) =>
    `политика, закреплённая инициативой «${p.initiative}» как ${p.policy}, больше не даёт этот хеш: её изменили в хранилище; запустите \`twokeys audit verify\` и восстановите её из резервной копии`,
  'engine.snapshotMismatch': (p) =>
    `инициатива «${p.initiative}», событие ${p.seq}: оно больше не совпадает с доверенным снимком движка; записанный журнал изменён — запустите \`twokeys audit verify\` и восстановите его из резервной копии`,
  'engine.checkpointRoot': (p) =>
    `журнал Меркла хранилища не даёт корень контрольной точки, которую подписали свидетели обоих ведомств (${p.origin}, размер ${p.size}): его переписали после того, как они его видели; запустите \`twokeys audit verify --checkpoint\` и восстановите его из резервной копии`,
  'engine.witnessList': (p) => `список свидетелей (параметр \`witnesses\`) не годится: «${p.problem}»`,
  'engine.witnessesNeedLog': (p) =>
    `хранилище «${p.store}» не хранит снимков или журнала Меркла, так что ни одна контрольная точка не поручится за снимок в нём; уберите параметр \`witnesses\` или возьмите \`sqliteStore\` или \`postgresStore\``,
  'engine.snapshotKeyShort': (p) =>
    `в ключе снимков байт: ${p.bytes}; нужно не меньше ${p.min} случайных байт (например, \`openssl rand -hex 32\`)`,
  'engine.webhookNoLog': (p) =>
    `веб-хуки читают журнал Меркла хранилища, а хранилище «${p.store}» его не ведёт`,
  'engine.webhookSecretShort': () =>
    'секрет веб-хука короче 16 символов; возьмите длинный случайный (`openssl rand -hex 32`)',
}
