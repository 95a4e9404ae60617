import { hasText, language, t } from '../i18n/language.js'
import type { ApiAnswer } from './classroomApi.js'

/** What the page asked the classroom API to do: an error's words depend on it. */
export type ApiAction = 'join' | 'command' | 'clock' | 'deputy' | 'forgery' | 'end' | 'teacher' | 'free'

/** Actions a session refuses, with REFUSED, once it has ended (and for nothing else). */
const CLOSED_WITH_REFUSED = new Set<ApiAction>(['join', 'command', 'clock', 'deputy', 'free'])

/**
 * An error the classroom API answered instead of doing what was asked, in the page's language:
 * in English the API's own `message`; in another language worded from its error `code` and the
 * action (a taken seat is CONFLICT when joining, an ended session REFUSED on an action it no
 * longer takes), with the code after it. The API itself stays English.
 *
 * @example
 * apiErrorText('join', { ok: false, status: 409, body: { code: 'CONFLICT', message: 'role "oreshkin" is taken …' } })
 * // English: 'role "oreshkin" is taken …'; Russian: 'Эту роль уже занял другой ученик — выберите свободную. (CONFLICT)'
 */
export function apiErrorText(action: ApiAction, answer: ApiAnswer): string {
  const body = (typeof answer.body === 'object' && answer.body !== null ? answer.body : {}) as {
    code?: unknown
    message?: unknown
  }
  const code = typeof body.code === 'string' ? body.code : String(answer.status)
  if (language() === 'en') return typeof body.message === 'string' ? body.message : code
  const keys = [
    ...(code === 'REFUSED' && CLOSED_WITH_REFUSED.has(action) ? ['classroom.apiError.ended'] : []),
    `classroom.apiError.${action}.${code}`,
    `classroom.apiError.code.${code}`,
  ]
  const key = keys.find(hasText) ?? 'classroom.apiError.other'
  return t('classroom.apiError.withCode', { text: t(key), code })
}
