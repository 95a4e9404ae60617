import type { InitiativeEvent } from '../domain/InitiativeEvent.js'

const time = (ms: unknown) =>
  typeof ms === 'number' && Number.isFinite(ms) && Math.abs(ms) <= 8.64e15
    ? `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')}Z`
    : '?'

function describe(event: InitiativeEvent): string {
  switch (event.type) {
    case 'PROPOSE':
    case 'AMEND': {
      const { title, objective, scope } = event.content
      const where =
        scope.kind === 'regional'
          ? `regional: ${scope.regions.join(', ')}`
          : scope.kind === 'export'
            ? `export: ${scope.destinations.join(', ')}`
            : scope.kind
      return `${JSON.stringify(title)} · ${objective} · ${where}`
    }
    case 'SUBMIT':
      return 'submitted for review'
    case 'DECIDE':
      return `${event.decision} ${event.key}${event.reason === undefined ? '' : `: ${JSON.stringify(event.reason)}`}`
    case 'REVOKE':
      return `revokes ${event.key}`
    case 'DELEGATE':
      return `${event.key} → ${event.deputy}, ${time(event.from)} to ${time(event.until)}`
    case 'WITHDRAW':
      return event.reason === undefined ? 'withdrawn' : `withdrawn: ${JSON.stringify(event.reason)}`
    case 'TICK':
      return 'a deadline fell due'
    case 'RESPOND':
      return `${event.region} ${event.accept ? 'accepts' : 'declines'}`
    case 'MINISTRY':
      return `${event.ministry} ${event.accept ? 'accepts' : 'declines'}`
    case 'PLENARY':
      return 'votes to return it'
    case 'DESTINATION':
      return `${event.destination} ${event.agreed ? 'agrees' : 'declines'}`
    case 'COMPLETE':
      return 'rollout complete'
  }
  return '(unreadable)'
}

/**
 * What a recorded event did, in a few words, for the CLI's history table and the playground's
 * audit trail. A tampered event may hold anything: it never throws, and says "(unreadable)".
 *
 * @example
 * describeEvent({ type: 'DECIDE', by: 'oreshkin', at: 0, key: 'presidential-administration', revision: 'r', decision: 'approve' })
 * // 'approve presidential-administration'
 */
export function describeEvent(event: InitiativeEvent): string {
  try {
    return describe(event)
  } catch {
    return '(unreadable)'
  }
}
