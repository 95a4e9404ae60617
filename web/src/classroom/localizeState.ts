import type { Policy } from '../../../src/policy/PolicySchema.js'
import { language } from '../i18n/language.js'
import type { SessionState } from './SessionState.js'

type Translations = NonNullable<Policy['translations']>

/** Principals' names in the page's language, where the policy gives them. */
export function localizeRoles(
  roles: SessionState['roles'],
  translations: Translations,
): SessionState['roles'] {
  const names = translations[language()]?.principals ?? {}
  return roles.map((r) => ({ ...r, name: names[r.id] ?? r.name }))
}

/**
 * A session's state with the policy's names in the page's language — key labels on the policy and
 * every board, principals' names on the roles — for display; ids are untouched.
 */
export function localizeState(state: SessionState): SessionState {
  const words = state.policy.translations?.[language()]
  if (words === undefined) return state
  const label = (id: string, fallback: string) => words.keys?.[id] ?? fallback
  return {
    ...state,
    policy: { ...state.policy, keys: state.policy.keys.map((k) => ({ ...k, label: label(k.id, k.label) })) },
    boards: state.boards.map((b) => ({
      ...b,
      keys: b.keys.map((k) => ({ ...k, label: label(k.key, k.label) })),
    })),
    roles: localizeRoles(state.roles, state.policy.translations),
  }
}
