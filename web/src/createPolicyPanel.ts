import type { Issue } from '../../src/domain/TwoKeysError.js'
import { formatPath } from '../../src/policy/formatPath.js'
import { hashPolicy } from '../../src/policy/hashPolicy.js'
import { safeLoadPolicy } from '../../src/policy/loadPolicy.js'
import type { Policy } from '../../src/policy/PolicySchema.js'
import { h } from './h.js'
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
    h('option', { value: OWN }, 'your own (the text below)'),
  )
  const text = h('textarea', {
    id: 'policy-text',
    rows: 12,
    spellcheck: 'false',
    autocomplete: 'off',
    'aria-describedby': 'policy-check',
  })
  const check = h('div', { id: 'policy-check', class: 'policy-check', role: 'status', 'aria-live': 'polite' })
  const use = h('button', { type: 'button', id: 'policy-use' }, 'Use this policy')
  const element = h(
    'section',
    { class: 'panel policy', 'aria-labelledby': 'policy-h' },
    h('h2', { id: 'policy-h' }, 'Policy'),
    h('p', {}, h('label', { for: select.id }, 'Shipped policy '), select),
    h(
      'p',
      {},
      h(
        'label',
        { for: text.id },
        'Policy text (YAML or JSON): edit it or paste your own; it is checked as you type',
      ),
    ),
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
          `✓ ${file}: policy "${p.id}" (${p.keys.length} key${p.keys.length === 1 ? '' : 's'}, ${p.principals.length} principals) · hash ${hashPolicy(p).slice(0, 12)}`,
        ),
      )
      return
    }
    check.dataset.valid = 'false'
    check.replaceChildren(
      h(
        'p',
        { class: 'bad' },
        `✖ ${file} is not a valid policy (${result.issues.length} issue${result.issues.length === 1 ? '' : 's'}):`,
      ),
      h(
        'ul',
        { class: 'issues' },
        result.issues.map((issue) => {
          const path = issue.path.length === 0 ? '' : `${formatPath(issue.path)}: `
          const where = issue.line === undefined ? null : `line ${issue.line}, column ${issue.column ?? 1}`
          return h(
            'li',
            { class: 'issue' },
            `✖ ${path}${issue.message}`,
            where === null
              ? null
              : [
                  h('br'),
                  `→ at ${file}:${issue.line}:${issue.column ?? 1} `,
                  h(
                    'button',
                    { type: 'button', class: 'link', onClick: () => jumpTo(issue) },
                    `Go to ${where}`,
                  ),
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
