import type { CommandInput } from '../../../src/domain/Command.js'
import type { Board } from '../../../src/engine/keyBoard.js'
import type { InvariantId } from '../../../src/invariants/Invariant.js'
import { type Outcome, SANDBOX_INITIATIVE } from '../createSandbox.js'
import { invariantsIn } from '../invariantsIn.js'
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
  id: string
  title: string
  /** The situation the setup creates. */
  story: string
  goal: string
  hint: string
  invariant: InvariantId
  /** Shipped policy file the challenge runs under. */
  policy: string
  actAs: string
  draft?: ProposalDraft
  setup: SetupStep[]
  /** Did this attempt (or, for a clock move, `null`) run into the invariant? */
  found(outcome: Outcome | null, board: Board | null): boolean
}

const DAY = 86_400_000
const on = { initiativeId: SANDBOX_INITIATIVE }
const federal = (by: string, title: string): CommandInput => ({
  type: 'propose',
  ...on,
  by,
  title,
  objective: 'infrastructure',
  scope: { kind: 'federal', ministries: [by] },
})
const cites = (outcome: Outcome | null, id: InvariantId) =>
  outcome?.kind === 'refused' && invariantsIn(outcome.reasons).some((i) => i.id === id)

export const CHALLENGES: readonly Challenge[] = [
  {
    id: 'one-co-chair',
    title: 'Get an initiative approved with only one co-chair',
    story:
      'The Ministry of Digital Development has submitted a federal GPU cloud, and Maxim Oreshkin has turned the Presidential Administration’s key.',
    goal: 'Get it approved without Dmitry Grigorenko: turn the Government Apparatus key some other way.',
    hint: 'Try turning the second key as Oreshkin himself, or name his aide deputy and try it as the aide.',
    invariant: 'TK2',
    policy: 'two-keys.yaml',
    actAs: 'oreshkin',
    setup: [
      { command: federal('minzifry', 'Federal GPU cloud') },
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
    ],
    found: (outcome) => cites(outcome, 'TK2'),
  },
  {
    id: 'self-approval',
    title: 'Approve your own proposal',
    story: 'The Head of Tatarstan has proposed and submitted a regional AI data centre in Kazan.',
    goal: 'As the governor, turn a key on your own proposal.',
    hint: 'Act as gov-tatarstan and press an approve button anyway.',
    invariant: 'TK3',
    policy: 'two-keys.yaml',
    actAs: 'gov-tatarstan',
    setup: [
      {
        command: {
          type: 'propose',
          ...on,
          by: 'gov-tatarstan',
          title: 'Kazan regional AI data centre',
          objective: 'infrastructure',
          scope: { kind: 'regional', regions: ['tatarstan'] },
        },
      },
      { command: { type: 'submit', ...on, by: 'gov-tatarstan' } },
    ],
    found: (outcome) => cites(outcome, 'TK3'),
  },
  {
    id: 'deputy-after-hours',
    title: 'Act as a deputy after the delegation ends',
    story:
      'Oreshkin is travelling: he has named his aide deputy for the Presidential Administration key for 7 days.',
    goal: 'Turn the key as the aide once the 7 days are over.',
    hint: 'Move the clock on by a week and a day, then approve as pa-aide.',
    invariant: 'TK6',
    policy: 'two-keys.yaml',
    actAs: 'pa-aide',
    setup: [
      { command: federal('minek', 'Federal registry of AI systems') },
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
    ],
    found: (outcome) => cites(outcome, 'TK6'),
  },
  {
    id: 'keep-the-key',
    title: 'Change the proposal and keep the key',
    story:
      'The Ministry of Industry and Trade proposed an export suite for Kazakhstan and Uzbekistan; Grigorenko has already turned his key.',
    goal: 'Add Belarus (or change the summary) and keep Grigorenko’s approval.',
    hint: 'As minpromtorg, amend the summary, then look at the keys.',
    invariant: 'TK5',
    policy: 'two-keys.yaml',
    actAs: 'minpromtorg',
    setup: [
      {
        command: {
          type: 'propose',
          ...on,
          by: 'minpromtorg',
          title: 'AI suite for government services',
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
    ],
    found: (outcome, board) =>
      cites(outcome, 'TK5') ||
      (outcome?.kind === 'accepted' && (board?.keys.some((k) => k.status === 'stale') ?? false)),
  },
  {
    id: 'unfriendly-export',
    title: 'Export to a country that is not friendly',
    story: 'Nothing is proposed yet. Export goes only to the policy’s friendly destinations.',
    goal: 'Propose an export initiative that includes Atlantis.',
    hint: 'As minpromtorg, keep “atlantis” among the destinations and propose.',
    invariant: 'TK9',
    policy: 'two-keys.yaml',
    actAs: 'minpromtorg',
    draft: {
      title: 'AI suite for Atlantis',
      objective: 'export',
      scopeKind: 'export',
      targets: ['kazakhstan', 'atlantis'],
    },
    setup: [],
    found: (outcome) => cites(outcome, 'TK9'),
  },
  {
    id: 'let-the-clock-decide',
    title: 'Let the deadline approve it',
    story:
      'The Ministry of Economic Development submitted a federal registry; Oreshkin approved, Grigorenko has not decided.',
    goal: 'Get it approved without Grigorenko by letting the review window run out.',
    hint: 'Move the clock on by 31 days, and again: watch where the initiative goes.',
    invariant: 'TK8',
    policy: 'two-keys.yaml',
    actAs: 'minek',
    setup: [
      { command: federal('minek', 'Federal registry of AI systems') },
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
    ],
    found: (_outcome, board) => board?.phase === 'plenary' || board?.phase === 'lapsed',
  },
  {
    id: 'overrule-a-veto',
    title: 'Overrule a veto',
    story:
      'Grigorenko refused the Ministry of Digital Development’s GPU cloud; his key has a veto, so the initiative went back for amendment.',
    goal: 'Get this revision approved anyway.',
    hint: 'Try approving as Oreshkin, or as Grigorenko changing his mind.',
    invariant: 'TK4',
    policy: 'two-keys.yaml',
    actAs: 'oreshkin',
    setup: [
      { command: federal('minzifry', 'Federal GPU cloud') },
      { command: { type: 'submit', ...on, by: 'minzifry' } },
      {
        command: {
          type: 'decide',
          ...on,
          by: 'grigorenko',
          key: 'government-apparatus',
          decision: 'refuse',
          reason: 'the budget is not justified',
        },
      },
    ],
    found: (outcome, board) =>
      outcome?.kind === 'refused' && outcome.command.type === 'decide' && board?.phase === 'returned',
  },
]
