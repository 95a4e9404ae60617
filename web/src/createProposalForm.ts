import type { Policy } from '../../src/policy/PolicySchema.js'
import { h } from './h.js'
import { t } from './i18n/language.js'
import { objectiveName } from './objectiveName.js'
import { defaultDraft, type ProposalDraft } from './offersFor.js'

const TARGET_WORDS = {
  federal: 'draft.targetsFederal',
  regional: 'draft.targetsRegional',
  export: 'draft.targetsExport',
} as const

/** The content a sponsor proposes: title, objective, scope and its targets. Checked by the engine, not here. */
export function createProposalForm(onChange: (draft: ProposalDraft) => void) {
  const title = h('input', { id: 'draft-title', type: 'text', autocomplete: 'off' })
  const objective = h('select', { id: 'draft-objective' })
  const kind = h(
    'select',
    { id: 'draft-scope' },
    h('option', { value: 'federal' }, t('scope.federal')),
    h('option', { value: 'regional' }, t('scope.regional')),
    h('option', { value: 'export' }, t('scope.export')),
  )
  const targetsLabel = h('label', { for: 'draft-targets' })
  const targets = h('input', { id: 'draft-targets', type: 'text', autocomplete: 'off' })
  const hint = h('p', { class: 'hint' })
  const element = h(
    'fieldset',
    { class: 'proposal' },
    h('legend', {}, t('draft.legend')),
    h('p', {}, h('label', { for: title.id }, t('draft.title')), title),
    h('p', {}, h('label', { for: objective.id }, t('draft.objective')), objective),
    h('p', {}, h('label', { for: kind.id }, t('draft.scope')), kind),
    h('p', {}, targetsLabel, ' ', targets),
    hint,
  )
  let policy: Policy | null = null

  const read = (): ProposalDraft => ({
    title: title.value.trim() || t('draft.untitled'),
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
    targetsLabel.textContent = t(TARGET_WORDS[kind.value as ProposalDraft['scopeKind']])
    if (policy === null) return
    hint.textContent =
      kind.value === 'regional'
        ? t('draft.regions', { list: policy.regions.map((r) => r.id).join(', ') || t('draft.none') })
        : kind.value === 'export'
          ? t('draft.destinations', { list: policy.friendlyDestinations.join(', ') || t('draft.none') })
          : t('draft.federalHint')
  }

  function reset(next: Policy, draft: ProposalDraft = defaultDraft(next)) {
    policy = next
    objective.replaceChildren(
      ...next.objectives.map((o) => h('option', { value: o }, objectiveName(next, o))),
    )
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
