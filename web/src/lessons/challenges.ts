import type { CommandInput } from '../../../src/domain/Command.js'
import { DAY_MS as DAY } from '../../../src/domain/timeUnits.js'
import type { Board } from '../../../src/engine/keyBoard.js'
import type { InvariantId } from '../../../src/invariants/Invariant.js'
import { invariantsIn } from '../../../src/invariants/invariantsIn.js'
import { type Outcome, SANDBOX_INITIATIVE } from '../createSandbox.js'
import { t } from '../i18n/language.js'
import type { ProposalDraft } from '../offersFor.js'

/** One setup step: move the clock on, then offer a command (which must be accepted). */
export interface SetupStep {
  advance?: number
  command?: CommandInput
}

/**
 * A challenge: a situation set up in the playground, a goal that breaks a rule, and the
 * invariant the student discovers when the engine stops them. Challenges are data; the
 * engine does every check.
 */
export interface Challenge {
  /** Its words — title, story (the situation the setup creates), goal, hint — are `challenges.<id>.*` in web/src/i18n. */
  id: string
  invariant: InvariantId
  /** Shipped policy file the challenge runs under. */
  policy: string
  actAs: string
  draft?: ProposalDraft
  setup: SetupStep[]
  /** Did this attempt (or, for a clock move, `null`) run into the invariant? */
  found(outcome: Outcome | null, board: Board | null): boolean
}

/** A challenge's title, story, goal or hint, in the page's language. */
export const challengeText = (challenge: Challenge, field: 'title' | 'story' | 'goal' | 'hint'): string =>
  t(`challenges.${challenge.id}.${field}`)

const on = { initiativeId: SANDBOX_INITIATIVE }
const federal = (by: string, title: string): CommandInput => ({
  type: 'propose',
  ...on,
  by,
  title,
  objective: 'infrastructure',
  scope: { kind: 'federal', ministries: [by] },
})
/** The title of an initiative a challenge sets up, in the page's language. */
const titled = (
  id: 'kazanDataCentre' | 'aiRegistry' | 'governmentSuite' | 'atlantisSuite' | 'federalGpuCloud',
) => (id === 'federalGpuCloud' ? t('draft.federal') : t(`challenges.initiatives.${id}`))
const cites = (outcome: Outcome | null, id: InvariantId) =>
  outcome?.kind === 'refused' && invariantsIn(outcome.reasons).some((i) => i.id === id)

// Setups with titles are getters: read when a challenge starts, in the language the page chose
// after this module loaded.
export const CHALLENGES: readonly Challenge[] = [
  {
    id: 'one-co-chair',
    invariant: 'TK2',
    policy: 'two-keys.yaml',
    actAs: 'oreshkin',
    get setup(): SetupStep[] {
      return [
        { command: federal('minzifry', titled('federalGpuCloud')) },
        { command: { type: 'submit', ...on, by: 'minzifry' } },
        { advance: DAY },
        {
          command: {
            type: 'decide',
            ...on,
            by: 'oreshkin',
            key: 'presidential-administration',
            decision: 'approve',
          },
        },
      ]
    },
    found: (outcome) => cites(outcome, 'TK2'),
  },
  {
    id: 'self-approval',
    invariant: 'TK3',
    policy: 'two-keys.yaml',
    actAs: 'gov-tatarstan',
    get setup(): SetupStep[] {
      return [
        {
          command: {
            type: 'propose',
            ...on,
            by: 'gov-tatarstan',
            title: titled('kazanDataCentre'),
            objective: 'infrastructure',
            scope: { kind: 'regional', regions: ['tatarstan'] },
          },
        },
        { command: { type: 'submit', ...on, by: 'gov-tatarstan' } },
      ]
    },
    found: (outcome) => cites(outcome, 'TK3'),
  },
  {
    id: 'deputy-after-hours',
    invariant: 'TK6',
    policy: 'two-keys.yaml',
    actAs: 'pa-aide',
    get setup(): SetupStep[] {
      return [
        { command: federal('minek', titled('aiRegistry')) },
        { command: { type: 'submit', ...on, by: 'minek' } },
        {
          command: {
            type: 'delegate',
            ...on,
            by: 'oreshkin',
            key: 'presidential-administration',
            deputy: 'pa-aide',
            until: Date.parse('2026-03-09T09:00:00Z'),
          },
        },
      ]
    },
    found: (outcome) => cites(outcome, 'TK6'),
  },
  {
    id: 'keep-the-key',
    invariant: 'TK5',
    policy: 'two-keys.yaml',
    actAs: 'minpromtorg',
    get setup(): SetupStep[] {
      return [
        {
          command: {
            type: 'propose',
            ...on,
            by: 'minpromtorg',
            title: titled('governmentSuite'),
            objective: 'export',
            scope: { kind: 'export', destinations: ['kazakhstan', 'uzbekistan'] },
          },
        },
        { command: { type: 'submit', ...on, by: 'minpromtorg' } },
        { advance: DAY },
        {
          command: {
            type: 'decide',
            ...on,
            by: 'grigorenko',
            key: 'government-apparatus',
            decision: 'approve',
          },
        },
      ]
    },
    found: (outcome, board) =>
      cites(outcome, 'TK5') ||
      (outcome?.kind === 'accepted' && (board?.keys.some((k) => k.status === 'stale') ?? false)),
  },
  {
    id: 'unfriendly-export',
    invariant: 'TK9',
    policy: 'two-keys.yaml',
    actAs: 'minpromtorg',
    get draft(): ProposalDraft {
      return {
        title: titled('atlantisSuite'),
        objective: 'export',
        scopeKind: 'export',
        targets: ['kazakhstan', 'atlantis'],
      }
    },
    setup: [],
    found: (outcome) => cites(outcome, 'TK9'),
  },
  {
    id: 'let-the-clock-decide',
    invariant: 'TK8',
    policy: 'two-keys.yaml',
    actAs: 'minek',
    get setup(): SetupStep[] {
      return [
        { command: federal('minek', titled('aiRegistry')) },
        { command: { type: 'submit', ...on, by: 'minek' } },
        {
          command: {
            type: 'decide',
            ...on,
            by: 'oreshkin',
            key: 'presidential-administration',
            decision: 'approve',
          },
        },
      ]
    },
    found: (_outcome, board) => board?.phase === 'plenary' || board?.phase === 'lapsed',
  },
  {
    id: 'overrule-a-veto',
    invariant: 'TK4',
    policy: 'two-keys.yaml',
    actAs: 'oreshkin',
    get setup(): SetupStep[] {
      return [
        { command: federal('minzifry', titled('federalGpuCloud')) },
        { command: { type: 'submit', ...on, by: 'minzifry' } },
        {
          command: {
            type: 'decide',
            ...on,
            by: 'grigorenko',
            key: 'government-apparatus',
            decision: 'refuse',
            reason: t('challenges.vetoReason'),
          },
        },
      ]
    },
    found: (outcome, board) =>
      outcome?.kind === 'refused' && outcome.command.type === 'decide' && board?.phase === 'returned',
  },
]
