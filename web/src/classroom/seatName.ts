import { language, t } from '../i18n/language.js'
import type { SessionState } from './SessionState.js'

/**
 * A seat (a principal's id, or `forger`) for people: in English its id, as the API names it; in
 * Russian the principal's name from the policy's translations with the id beside it, or the
 * forger's role in words.
 *
 * @example
 * seatName('gov-tatarstan', state) // 'Раис Республики Татарстан (gov-tatarstan)' in Russian
 */
export function seatName(role: string, state: Pick<SessionState, 'roles'> | undefined): string {
  if (language() === 'en') return role
  if (role === 'forger') return t('classroom.forgerRole')
  const name = state?.roles.find((r) => r.id === role)?.name
  return name === undefined || name === role ? role : `${name} (${role})`
}

/**
 * A key for people: in English its id; in Russian its label from the policy's translations, in
 * «», with the id beside it.
 */
export function keyName(key: string, state: Pick<SessionState, 'policy'> | undefined): string {
  if (language() === 'en') return key
  const label = state?.policy.keys.find((k) => k.id === key)?.label
  return label === undefined || label === key ? key : `«${label}» (${key})`
}
