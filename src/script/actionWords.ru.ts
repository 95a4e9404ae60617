import type { ActionWords } from './describeAction.js'
import { russianPlural } from './russianPlural.js'

const SCOPE_RU: Record<string, string> = {
  federal: 'федеральная',
  regional: 'региональная',
  export: 'экспорт',
}

/**
 * A script step's action line in Russian (`twokeys --lang ru run`): the same wording as the
 * playground's Russian page (web/src/i18n/ru.ts, `stepActions`; a test keeps the two equal).
 * Ids, titles and objectives stay as the script wrote them.
 */
export const RUSSIAN_ACTION_WORDS: ActionWords = {
  propose: (title, objective, scope) => `предлагает «${title}» (${objective}, ${SCOPE_RU[scope] ?? scope})`,
  decision: (decision, key) => `${decision === 'approve' ? 'одобряет' : 'отказывает'} по ключу ${key}`,
  revoke: (key) => `отзывает одобрение по ключу ${key}`,
  delegate: (deputy, key, days) =>
    `назначает ${deputy} заместителем по ключу ${key} на ${russianPlural(days, ['день', 'дня', 'дней'])}`,
  respond: (accept, region) => `${accept ? 'принимает' : 'отклоняет'} внедрение в регионе ${region}`,
  ministry: (accept, ministry) =>
    `${accept ? 'принимает' : 'отклоняет'} федеральное внедрение за ${ministry}`,
  plenary: 'голосует на пленарном заседании за возврат',
  destination: (agreed, destination) => `${agreed ? 'согласие' : 'отказ'}: ${destination}`,
  amend: (fields) => `вносит поправку: ${fields}`,
  submit: 'подаёт на рассмотрение',
  withdraw: 'отзывает инициативу',
  complete: 'завершает внедрение',
}
