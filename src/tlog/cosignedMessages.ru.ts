import type { COSIGNED_MESSAGES } from './cosignedMessages.js'
import type { NoteProblem } from './noteMessages.js'
import { NOTE_MESSAGES_RU } from './noteMessages.ru.js'

const problem = (p: NoteProblem) => (NOTE_MESSAGES_RU[p.key] as (params: unknown) => string)(p.params)

/** Why a checkpoint is not accepted, in Russian: the same keys with the same parameters as `COSIGNED_MESSAGES`. */
export const COSIGNED_MESSAGES_RU: typeof COSIGNED_MESSAGES = {
  'cosigned.logSignature': (p) => `подпись журнала: ${problem(p.problem)}`,
  'cosigned.cosignatures': (p) => problem(p.problem),
  'cosigned.notACheckpoint': (p) => `это не контрольная точка: ${problem(p.problem)}`,
  'cosigned.missing': (p) =>
    `нет действительной подписи свидетеля от ${p.institutions.map((m) => `«${m}»`).join(', ')}: история считается закреплённой, только когда её подписал свидетель каждого учреждения`,
}
