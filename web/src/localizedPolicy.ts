import type { Policy } from '../../src/policy/PolicySchema.js'
import { type Language, language } from './i18n/language.js'

/**
 * The policy with its names in the page's language, for display only: a key's label, a
 * principal's or region's name and the title, from the policy's `translations` where it gives
 * them, else as written. Ids are untouched, and the engine always runs the policy as written (its
 * hash is the document's).
 *
 * @example
 * localizedPolicy(seed, 'ru').keys[0]?.label // 'Администрация Президента'
 */
export function localizedPolicy(policy: Policy, lang: Language = language()): Policy {
  const words = policy.translations?.[lang]
  if (words === undefined) return policy
  return {
    ...policy,
    title: words.title ?? policy.title,
    principals: policy.principals.map((p) => ({ ...p, name: words.principals?.[p.id] ?? p.name })),
    keys: policy.keys.map((k) => ({ ...k, label: words.keys?.[k.id] ?? k.label })),
    regions: policy.regions.map((r) => ({ ...r, name: words.regions?.[r.id] ?? r.name })),
  }
}
