import type { Issue } from '../../src/domain/TwoKeysError.js'
import { formatPath } from '../../src/policy/formatPath.js'
import { hashPolicy } from '../../src/policy/hashPolicy.js'
import { safeLoadPolicy } from '../../src/policy/loadPolicy.js'
import type { Policy } from '../../src/policy/PolicySchema.js'
import { h } from './h.js'
import { t } from './i18n/language.js'
import { SHIPPED_POLICIES } from './shippedPolicies.js'

const OWN = ''
const OWN_FILE = 'my-policy.yaml'

/** The character offset of a 1-based line and column in `text`. */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset)
    if (next === -1) return text.length
    offset = next + 1
  }
  return Math.min(offset + column - 1, text.length)
}

/**
 * Choose a shipped policy or paste one: the text is validated as it is typed with
 * `safeLoadPolicy`, and every issue shows its path, message, line and column, with a button
 * that puts the cursor there. A valid policy can be used; the playground starts over with it.
 */
export function createPolicyPanel(onUse: (policy: Policy, file: string) => void) {
  const select = h(
    'select',
    { id: 'policy-file' },
    SHIPPED_POLICIES.map((p) => h('option', { value: p.file }, p.file)),
    h('option', { value: OWN }, t('policy.own')),
  )
  const text = h('textarea', {
    id: 'policy-text',
    rows: 12,
    spellcheck: 'false',
    autocomplete: 'off',
    'aria-describedby': 'policy-check',
  })
  const check = h('div', { id: 'policy-check', class: 'policy-check', role: 'status', 'aria-live': 'polite' })
  const use = h('button', { type: 'button', id: 'policy-use' }, t('policy.use'))
  const element = h(
    'section',
    { class: 'panel policy', 'aria-labelledby': 'policy-h' },
    h('h2', { id: 'policy-h' }, t('policy.heading')),
    h('p', {}, h('label', { for: select.id }, t('policy.shipped')), select),
    h('p', {}, h('label', { for: text.id }, t('policy.textLabel'))),
    text,
    check,
    h('p', {}, use),
  )

  let valid: Policy | null = null
  let timer: ReturnType<typeof setTimeout> | undefined

  const fileName = () => (select.value === OWN ? OWN_FILE : select.value)

  function jumpTo(issue: Issue) {
    const at = offsetOf(text.value, issue.line ?? 1, issue.column ?? 1)
    const end = text.value.indexOf('\n', at)
    text.focus()
    text.setSelectionRange(at, end === -1 ? text.value.length : end)
  }

  function validate() {
    const file = fileName()
    const result = safeLoadPolicy(text.value, file)
    valid = result.success ? result.policy : null
    use.disabled = !result.success
    if (result.success) {
      const p = result.policy
      check.dataset.valid = 'true'
      check.replaceChildren(
        h(
          'p',
          { class: 'ok' },
          t('policy.valid', {
            file,
            id: p.id,
            keys: t('policy.keys', { count: p.keys.length }),
            principals: t('policy.principals', { count: p.principals.length }),
            hash: hashPolicy(p).slice(0, 12),
          }),
        ),
      )
      return
    }
    check.dataset.valid = 'false'
    check.replaceChildren(
      h(
        'p',
        { class: 'bad' },
        t('policy.invalid', { file, issues: t('policy.issues', { count: result.issues.length }) }),
      ),
      h(
        'ul',
        { class: 'issues' },
        result.issues.map((issue) => {
          const path = issue.path.length === 0 ? '' : `${formatPath(issue.path)}: `
          const where =
            issue.line === undefined
              ? null
              : t('policy.goTo', { line: issue.line, column: issue.column ?? 1 })
          return h(
            'li',
            { class: 'issue' },
            `✖ ${path}${issue.message}`,
            where === null
              ? null
              : [
                  h('br'),
                  t('policy.at', { where: `${file}:${issue.line}:${issue.column ?? 1}` }),
                  h('button', { type: 'button', class: 'link', onClick: () => jumpTo(issue) }, where),
                ],
          )
        }),
      ),
    )
  }

  /** Shows a shipped policy; with `use`, the playground starts over with it. */
  function choose(file: string, use = true) {
    const shipped = SHIPPED_POLICIES.find((p) => p.file === file)
    if (shipped === undefined) return
    select.value = file
    text.value = shipped.text
    validate()
    if (use && valid !== null) onUse(valid, file)
  }

  select.addEventListener('change', () => {
    if (select.value === OWN) validate()
    else choose(select.value)
  })
  text.addEventListener('input', () => {
    select.value = OWN
    clearTimeout(timer)
    timer = setTimeout(validate, 250)
  })
  use.addEventListener('click', () => {
    clearTimeout(timer)
    validate()
    if (valid !== null) onUse(valid, fileName())
  })

  return { element, choose }
}
