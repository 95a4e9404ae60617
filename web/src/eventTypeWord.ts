import { REFUSAL_MESSAGES, type RefusalKey } from '../../machines/refusalMessages.js'
import { REFUSAL_MESSAGES_RU } from '../../machines/refusalMessages.ru.js'
import { language, t } from './i18n/language.js'

/** The engine's event types (`DECIDE`, …) that the rules' catalogue words as `command.<TYPE>`. */
const catalogued = (type: string): boolean => `command.${type}` in REFUSAL_MESSAGES

/**
 * An event type as the page says it: in English the engine's own (`DECIDE`), in Russian the
 * rules' catalogue's word for it (`решение`, as a refusal says it); `TICK` is time passing in
 * both. A type the catalogue lacks stays as it is.
 *
 * @example
 * eventTypeWord('DECIDE') // 'DECIDE' in English, 'решение' in Russian
 */
export function eventTypeWord(type: string): string {
  if (type === 'TICK') return t('stage.tick')
  if (!catalogued(type)) return type
  const key = `command.${type}` as RefusalKey
  return language() === 'ru' ? REFUSAL_MESSAGES_RU[key] : REFUSAL_MESSAGES[key]
}

/**
 * A command's type (`decide`, as a request names it) as the page says it: unchanged in English,
 * in Russian the word for the event it asks for (`решение`).
 *
 * @example
 * commandWord('decide') // 'decide' in English, 'решение' in Russian
 */
export function commandWord(type: string): string {
  return language() === 'ru' && catalogued(type.toUpperCase()) ? eventTypeWord(type.toUpperCase()) : type
}

/**
 * A decision (`approve`, `refuse`) as the page says it: unchanged in English, in Russian the rules'
 * catalogue's word (`одобрение`).
 *
 * @example
 * decisionWord('refuse') // 'refuse' in English, 'отказ' in Russian
 */
export function decisionWord(decision: string): string {
  const key = `decision.${decision}`
  return language() === 'ru' && key in REFUSAL_MESSAGES_RU ? REFUSAL_MESSAGES_RU[key as RefusalKey] : decision
}

/**
 * An event type where the page names a recorded event by it (a list, a line): the engine's own
 * in English, `TICK` included; in Russian worded as `eventTypeWord` does.
 *
 * @example
 * eventTypeName('TICK') // 'TICK' in English, 'время идёт' in Russian
 */
export const eventTypeName = (type: string): string => (language() === 'ru' ? eventTypeWord(type) : type)
