import type { InitiativeEvent } from '../domain/InitiativeEvent.js'

const time = (ms: unknown) =>
  typeof ms === 'number' && Number.isFinite(ms) && Math.abs(ms) <= 8.64e15
    ? `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')}Z`
    : '?'

/** The words of an event's description, so a page can give them in its own language. */
export interface EventWords {
  submitted: string
  decision(decision: 'approve' | 'refuse', key: string): string
  revokes(key: string): string
  withdrawn: string
  deadline: string
  /** A region or ministry accepting (true) or declining the rollout. */
  answers(target: string, accept: boolean): string
  /** A destination agreeing (true) or declining. */
  agrees(destination: string, agreed: boolean): string
  plenaryVote: string
  rolloutComplete: string
  /** "to" between a delegation's start and end. */
  until: string
  unreadable: string
  /** A proposal's objective (`infrastructure`) and scope kind (`federal`); as given where absent. */
  objective?(objective: string): string
  scope?(kind: string): string
}

export const ENGLISH_EVENT_WORDS: EventWords = {
  submitted: 'submitted for review',
  decision: (decision, key) => `${decision} ${key}`,
  revokes: (key) => `revokes ${key}`,
  withdrawn: 'withdrawn',
  deadline: 'a deadline fell due',
  answers: (target, accept) => `${target} ${accept ? 'accepts' : 'declines'}`,
  agrees: (destination, agreed) => `${destination} ${agreed ? 'agrees' : 'declines'}`,
  plenaryVote: 'votes to return it',
  rolloutComplete: 'rollout complete',
  until: 'to',
  unreadable: '(unreadable)',
}

function describe(event: InitiativeEvent, words: EventWords): string {
  const quoted = (reason: string | undefined) => (reason === undefined ? '' : `: ${JSON.stringify(reason)}`)
  switch (event.type) {
    case 'PROPOSE':
    case 'AMEND': {
      const { title, objective, scope } = event.content
      const kind = words.scope?.(scope.kind) ?? scope.kind
      const where =
        scope.kind === 'regional'
          ? `${kind}: ${scope.regions.join(', ')}`
          : scope.kind === 'export'
            ? `${kind}: ${scope.destinations.join(', ')}`
            : kind
      return `${JSON.stringify(title)} · ${words.objective?.(objective) ?? objective} · ${where}`
    }
    case 'SUBMIT':
      return words.submitted
    case 'DECIDE':
      return `${words.decision(event.decision, event.key)}${quoted(event.reason)}`
    case 'REVOKE':
      return words.revokes(event.key)
    case 'DELEGATE':
      return `${event.key} → ${event.deputy}, ${time(event.from)} ${words.until} ${time(event.until)}`
    case 'WITHDRAW':
      return `${words.withdrawn}${quoted(event.reason)}`
    case 'TICK':
      return words.deadline
    case 'RESPOND':
      return words.answers(event.region, event.accept)
    case 'MINISTRY':
      return words.answers(event.ministry, event.accept)
    case 'PLENARY':
      return words.plenaryVote
    case 'DESTINATION':
      return words.agrees(event.destination, event.agreed)
    case 'COMPLETE':
      return words.rolloutComplete
  }
  return words.unreadable
}

/**
 * What a recorded event did, in a few words (English unless `words` says otherwise), for the CLI's
 * history table and the playground's audit trail. A tampered event may hold anything: it never throws, and says "(unreadable)".
 *
 * @example
 * describeEvent({ type: 'DECIDE', by: 'oreshkin', at: 0, key: 'presidential-administration', revision: 'r', decision: 'approve' })
 * // 'approve presidential-administration'
 */
export function describeEvent(event: InitiativeEvent, words: EventWords = ENGLISH_EVENT_WORDS): string {
  try {
    return describe(event, words)
  } catch {
    return words.unreadable
  }
}
