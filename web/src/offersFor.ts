import type { InitiativeContext } from '../../machines/InitiativeContext.js'
import type { CommandInput } from '../../src/domain/Command.js'
import { DAY_MS } from '../../src/domain/timeUnits.js'
import type { Policy } from '../../src/policy/PolicySchema.js'
import { t } from './i18n/language.js'

/** A command the page offers a principal; whether it may be taken is the engine's answer. */
export interface Offer {
  /** Stable across renders, for focus and tests. */
  id: string
  label: string
  command: CommandInput
}

/** The content of the initiative a sponsor may propose, as the proposal form holds it. */
export interface ProposalDraft {
  title: string
  objective: string
  scopeKind: 'federal' | 'regional' | 'export'
  /** Ministries, regions or destinations, by id. */
  targets: string[]
}

const WEEK_MS = 7 * DAY_MS

/** A sensible first proposal under a policy: the first region, or two friendly destinations. */
export function defaultDraft(
  policy: Policy,
  scopeKind: ProposalDraft['scopeKind'] = 'federal',
): ProposalDraft {
  const objective =
    scopeKind === 'export' && policy.objectives.includes('export') ? 'export' : (policy.objectives[0] ?? '')
  const targets =
    scopeKind === 'regional'
      ? policy.regions.slice(0, 1).map((r) => r.id)
      : scopeKind === 'export'
        ? policy.friendlyDestinations.slice(0, 2)
        : []
  return { title: t(`draft.${scopeKind}`), objective, scopeKind, targets }
}

function scopeOf(draft: ProposalDraft) {
  switch (draft.scopeKind) {
    case 'regional':
      return { kind: 'regional' as const, regions: draft.targets }
    case 'export':
      return { kind: 'export' as const, destinations: draft.targets }
    default:
      return { kind: 'federal' as const, ministries: draft.targets }
  }
}

/**
 * Every command the page offers principal `by` on the initiative: before it exists, proposing
 * the draft; after, each command of the README's table with the details filled in from the
 * policy and the initiative. It offers; it never judges — `engine.explain` says which may be
 * taken and why not.
 */
export function offersFor(
  policy: Policy,
  by: string,
  initiativeId: string,
  context: InitiativeContext | null,
  now: number,
  draft: ProposalDraft,
): Offer[] {
  if (context === null || context.content === null) {
    const { title, objective } = draft
    return [
      {
        id: 'propose',
        label: t('offers.propose', { title, scope: t(`scope.${draft.scopeKind}`) }),
        command: { type: 'propose', by, initiativeId, title, objective, scope: scopeOf(draft) },
      },
    ]
  }
  const on = { by, initiativeId }
  const content = context.content
  const substantive = (field: string) =>
    policy.amendments.substantive.includes(field as never)
      ? t('offers.substantive')
      : t('offers.notSubstantive')
  const offers: Offer[] = [
    { id: 'submit', label: t('offers.submit'), command: { type: 'submit', ...on } },
    {
      id: 'amend-summary',
      label: t('offers.amendSummary', { note: substantive('summary') }),
      command: { type: 'amend', ...on, summary: `${content.summary} Revised.`.trim() },
    },
    {
      id: 'amend-title',
      label: t('offers.fixTitle', { note: substantive('title') }),
      command: {
        type: 'amend',
        ...on,
        title: content.title.endsWith('.') ? content.title.slice(0, -1) : `${content.title}.`,
      },
    },
  ]
  for (const key of policy.keys) {
    offers.push(
      {
        id: `approve-${key.id}`,
        label: t('offers.approve', { key: key.label }),
        command: { type: 'decide', ...on, key: key.id, decision: 'approve' },
      },
      {
        id: `refuse-${key.id}`,
        label: t('offers.refuse', { key: key.label }),
        command: {
          type: 'decide',
          ...on,
          key: key.id,
          decision: 'refuse',
          reason: t('offers.refuseReason'),
        },
      },
      {
        id: `revoke-${key.id}`,
        label: t('offers.revoke', { key: key.label }),
        command: { type: 'revoke', ...on, key: key.id },
      },
    )
    const deputies =
      key.deputies.eligible ?? policy.principals.filter((p) => p.roles.includes('deputy')).map((p) => p.id)
    for (const deputy of deputies) {
      offers.push({
        id: `delegate-${key.id}-${deputy}`,
        label: t('offers.delegate', { deputy, key: key.label }),
        command: { type: 'delegate', ...on, key: key.id, deputy, until: now + WEEK_MS },
      })
    }
  }
  if (content.scope.kind === 'regional') {
    for (const region of content.scope.regions) {
      offers.push(
        {
          id: `accept-${region}`,
          label: t('offers.accept', { region }),
          command: { type: 'respond', ...on, region, accept: true },
        },
        {
          id: `decline-${region}`,
          label: t('offers.decline', { region }),
          command: { type: 'respond', ...on, region, accept: false },
        },
      )
    }
  }
  if (content.scope.kind === 'federal') {
    for (const ministry of content.scope.ministries) {
      offers.push(
        {
          id: `accept-${ministry}`,
          label: t('offers.acceptMinistry', { ministry }),
          command: { type: 'ministry', ...on, ministry, accept: true },
        },
        {
          id: `decline-${ministry}`,
          label: t('offers.declineMinistry', { ministry }),
          command: { type: 'ministry', ...on, ministry, accept: false },
        },
      )
    }
  }
  if (content.scope.kind === 'export') {
    for (const destination of content.scope.destinations) {
      offers.push(
        {
          id: `agreed-${destination}`,
          label: t('offers.agreed', { destination }),
          command: { type: 'destination', ...on, destination, agreed: true },
        },
        {
          id: `declined-${destination}`,
          label: t('offers.declined', { destination }),
          command: { type: 'destination', ...on, destination, agreed: false },
        },
      )
    }
  }
  if (policy.commission !== undefined) {
    offers.push({
      id: 'plenary-return',
      label: t('offers.plenary'),
      command: { type: 'plenary', ...on, vote: 'return' },
    })
  }
  offers.push(
    { id: 'complete', label: t('offers.complete'), command: { type: 'complete', ...on } },
    {
      id: 'withdraw',
      label: t('offers.withdraw'),
      command: { type: 'withdraw', ...on, reason: t('offers.withdrawReason') },
    },
  )
  return offers
}
