import type { Policy } from '../../src/policy/PolicySchema.js'
import { h } from './h.js'
import { defaultDraft, type ProposalDraft } from './offersFor.js'

const TARGET_WORDS = {
  federal: 'Ministries (ids, comma-separated; may be empty)',
  regional: 'Regions (ids, comma-separated)',
  export: 'Destinations (ids, comma-separated)',
} as const

/** The content a sponsor proposes: title, objective, scope and its targets. Checked by the engine, not here. */
export function createProposalForm(onChange: (draft: ProposalDraft) => void) {
  const title = h('input', { id: 'draft-title', type: 'text', autocomplete: 'off' })
  const objective = h('select', { id: 'draft-objective' })
  const kind = h(
    'select',
    { id: 'draft-scope' },
    h('option', { value: 'federal' }, 'federal'),
    h('option', { value: 'regional' }, 'regional'),
    h('option', { value: 'export' }, 'export'),
  )
  const targetsLabel = h('label', { for: 'draft-targets' })
  const targets = h('input', { id: 'draft-targets', type: 'text', autocomplete: 'off' })
  const hint = h('p', { class: 'hint' })
  const element = h(
    'fieldset',
    { class: 'proposal' },
    h('legend', {}, 'The initiative to propose'),
    h('p', {}, h('label', { for: title.id }, 'Title '), title),
    h('p', {}, h('label', { for: objective.id }, 'Objective '), objective),
    h('p', {}, h('label', { for: kind.id }, 'Scope '), kind),
    h('p', {}, targetsLabel, ' ', targets),
    hint,
  )
  let policy: Policy | null = null

  const read = (): ProposalDraft => ({
    title: title.value.trim() || 'Untitled initiative',
    objective: objective.value,
    scopeKind: kind.value as ProposalDraft['scopeKind'],
    targets: targets.value
      .split(/[,\s]+/)
      .map((t) => t.trim())
      .filter((t) => t !== ''),
  })

  function fill(draft: ProposalDraft) {
    title.value = draft.title
    objective.value = draft.objective
    kind.value = draft.scopeKind
    targets.value = draft.targets.join(', ')
    describe()
  }

  function describe() {
    targetsLabel.textContent = TARGET_WORDS[kind.value as ProposalDraft['scopeKind']]
    if (policy === null) return
    hint.textContent =
      kind.value === 'regional'
        ? `Regions of the policy: ${policy.regions.map((r) => r.id).join(', ') || 'none'}.`
        : kind.value === 'export'
          ? `Friendly destinations: ${policy.friendlyDestinations.join(', ') || 'none'}. Try another one too.`
          : 'A federal initiative goes to the ministries; its sponsor completes the rollout.'
  }

  function reset(next: Policy, draft: ProposalDraft = defaultDraft(next)) {
    policy = next
    objective.replaceChildren(...next.objectives.map((o) => h('option', { value: o }, o)))
    fill(draft)
  }

  kind.addEventListener('change', () => {
    if (policy === null) return
    const fresh = defaultDraft(policy, kind.value as ProposalDraft['scopeKind'])
    // A title the student wrote stays; a default one follows the scope.
    const typed = !(['federal', 'regional', 'export'] as const).some(
      (k) => policy !== null && defaultDraft(policy, k).title === title.value,
    )
    fill(typed ? { ...fresh, title: title.value } : fresh)
    onChange(read())
  })
  for (const input of [title, objective, targets]) input.addEventListener('change', () => onChange(read()))
  targets.addEventListener('input', () => describe())

  return { element, reset, read }
}
