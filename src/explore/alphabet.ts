import type { Policy } from '../policy/PolicySchema.js'
import { rolloutOf } from '../policy/reach.js'
import type { AbstractEvent, LetterDraft } from './AbstractEvent.js'
import type { Cast } from './cast.js'
import type { ContentBranch } from './contents.js'
import { keyLetters } from './keyLetters.js'
import { destinationLetters, ministryLetters, regionLetters } from './rolloutLetters.js'

export {
  type AbstractEvent,
  EPOCH,
  type EventRole,
  INITIATIVE_ID,
  type LetterDraft,
  STALE_REVISION,
} from './AbstractEvent.js'
export { type AlphabetContext, instantiate } from './instantiate.js'

const article = (word: string) => (/^[aeiou]/.test(word) ? 'an' : 'a')

/**
 * The alphabet of an exploration: every command by every kind of principal in `cast`, and ticks
 * across each deadline. The same alphabet serves every state; `instantiate` says which letters
 * make sense in a state (a tick with nothing ahead does not).
 *
 * @example
 * const alphabet = buildAlphabet(policy, branches, castOf(policy, branches))
 * alphabet.filter((e) => e.type === 'TICK').map((e) => e.variant) // ['window', 'expiry', 'delegation']
 */
export function buildAlphabet(
  policy: Policy,
  branches: readonly ContentBranch[],
  cast: Cast,
): AbstractEvent[] {
  const events: LetterDraft[] = []
  const none = { key: -1, target: -1 }
  const tracks = new Set(policy.routing.map((r) => r.track))

  for (const branch of branches) {
    for (const p of cast.proposers) {
      events.push({
        type: 'PROPOSE',
        role: 'sponsor',
        actor: p.id,
        ...none,
        variant: branch.name,
        label: `${p.id} (${p.kind}) proposes ${article(branch.name)} ${branch.name} initiative`,
        expected: true,
      })
      events.push({
        type: 'PROPOSE',
        role: 'sponsor',
        actor: p.id,
        ...none,
        variant: `${branch.name}:invalid`,
        label: `${p.id} (${p.kind}) proposes ${article(branch.name)} ${branch.name} initiative with a bad scope`,
        expected: false,
      })
    }
  }
  const sponsorOnly = (type: 'SUBMIT' | 'WITHDRAW' | 'COMPLETE', verb: string, expected: boolean) => {
    events.push({
      type,
      role: 'sponsor',
      actor: null,
      ...none,
      variant: '',
      label: `the sponsor ${verb}`,
      expected,
    })
    events.push({
      type,
      role: 'outsider',
      actor: cast.outsider,
      ...none,
      variant: '',
      label: `outsider ${cast.outsider} ${verb}`,
      expected: false,
    })
  }
  sponsorOnly('SUBMIT', 'submits', true)
  sponsorOnly('WITHDRAW', 'withdraws', true)
  const rollout = rolloutOf(policy)
  sponsorOnly('COMPLETE', 'completes the rollout', tracks.has('federal') && rollout.federal === 'sponsor')
  // Across a key's condition (a budget past its threshold) only where some key applies by one.
  const conditional = policy.keys.some((k) => k.appliesIf !== undefined)
  const amendments = ['title', 'summary', 'invalid-scope', ...(conditional ? (['threshold'] as const) : [])]
  const amendmentLabel = (kind: (typeof amendments)[number]) =>
    kind === 'invalid-scope'
      ? 'scope (to one the policy does not allow)'
      : kind === 'threshold'
        ? "content across a key's condition (the budget past its threshold)"
        : kind
  for (const kind of amendments) {
    events.push({
      type: 'AMEND',
      role: 'sponsor',
      actor: null,
      ...none,
      variant: kind,
      label: `the sponsor amends the ${amendmentLabel(kind)}`,
      expected: kind !== 'invalid-scope',
    })
  }
  events.push({
    type: 'AMEND',
    role: 'outsider',
    actor: cast.outsider,
    ...none,
    variant: 'title',
    label: `outsider ${cast.outsider} amends the title`,
    expected: false,
  })

  events.push(...keyLetters(policy, cast))
  const setting = { policy, branches, cast, tracks }
  events.push(...regionLetters(setting))
  // Every member votes (each is a distinct vote toward the quorum), and an outsider tries to.
  if (policy.commission !== undefined) {
    for (const member of policy.commission.members) {
      events.push({
        type: 'PLENARY',
        role: 'member',
        actor: member,
        key: -1,
        target: -1,
        variant: 'return',
        label: `member ${member} votes in the plenary to return it`,
        expected: true,
      })
    }
    events.push({
      type: 'PLENARY',
      role: 'outsider',
      actor: cast.outsider,
      key: -1,
      target: -1,
      variant: 'return',
      label: `outsider ${cast.outsider} votes in the plenary to return it`,
      expected: false,
    })
  }
  events.push(...ministryLetters(setting))
  events.push(...destinationLetters(setting))
  for (const [variant, words] of [
    ['delegation', 'the next delegation window starts or ends'],
    ['expiry', 'the earliest counted approval expires'],
    ['window', 'the review window (or plenary) closes'],
  ] as const) {
    events.push({ type: 'TICK', role: 'clock', actor: null, ...none, variant, label: words, expected: false })
  }
  return events.map((e, index) => ({ index, ...e }))
}
