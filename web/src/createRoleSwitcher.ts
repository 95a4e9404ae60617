import type { Policy, Principal } from '../../src/policy/PolicySchema.js'
import { h } from './h.js'
import { hasText, t } from './i18n/language.js'

/** Someone the policy does not know: every rule that asks who you are refuses them. */
export const OUTSIDER: Principal = {
  id: 'outsider',
  name: 'An outsider',
  institution: 'none',
  roles: [],
  affiliations: [],
}

/** A role in the page's language: the shipped policies' roles have words, another policy's stay as written. */
const roleWord = (role: string) => (hasText(`roles.names.${role}`) ? t(`roles.names.${role}`) : role)

function describe(policy: Policy, p: Principal): string {
  if (p === OUTSIDER) return t('roles.outsider')
  const holds = policy.keys
    .filter((k) => k.holders.includes(p.id))
    .map((k) => t('roles.holds', { key: k.label }))
  const deputy = policy.keys
    .filter((k) => k.deputies.allowed && k.deputies.eligible?.includes(p.id))
    .map((k) => t('roles.deputises', { key: k.label }))
  return [p.roles.map(roleWord).join(', ') || t('roles.noRole'), ...holds, ...deputy, p.institution].join(
    ' · ',
  )
}

/**
 * "Act as": one radio button per principal of the policy, plus an outsider. Arrow keys move
 * between them, as in any radio group.
 */
export function createRoleSwitcher(onChange: (principal: string) => void) {
  const group = h('div', { class: 'roles' })
  const element = h(
    'fieldset',
    { class: 'panel act-as' },
    h('legend', {}, h('h2', { id: 'act-as-h' }, t('roles.heading'))),
    group,
  )
  let current = ''

  function update(policy: Policy, selected: string) {
    const principals = [
      ...policy.principals,
      ...(policy.principals.some((p) => p.id === OUTSIDER.id) ? [] : [OUTSIDER]),
    ]
    current = principals.some((p) => p.id === selected) ? selected : (principals[0]?.id ?? '')
    group.replaceChildren(
      ...principals.map((p) => {
        const id = `as-${p.id}`
        const input = h('input', {
          type: 'radio',
          name: 'act-as',
          id,
          value: p.id,
          checked: p.id === current,
          'aria-describedby': `${id}-d`,
          onChange: () => {
            current = p.id
            onChange(p.id)
          },
        })
        return h(
          'div',
          { class: 'role' },
          input,
          h('label', { for: id }, `${p === OUTSIDER ? t('roles.outsiderName') : p.name} (${p.id})`),
          h('span', { class: 'role-desc', id: `${id}-d` }, describe(policy, p)),
        )
      }),
    )
    return current
  }

  function select(principal: string) {
    const input = group.querySelector<HTMLInputElement>(`input[value="${CSS.escape(principal)}"]`)
    if (input === null) return
    input.checked = true
    current = principal
  }

  return { element, update, select, value: () => current }
}
