import type { InitiativeEvent } from '../../src/domain/InitiativeEvent.js'

/** What a recorded event did, in a few words for the audit trail; a tampered one may hold anything. */
export function describeEvent(event: InitiativeEvent): string {
  try {
    switch (event.type) {
      case 'PROPOSE':
      case 'AMEND': {
        const { title, objective, scope } = event.content
        const where =
          scope.kind === 'regional'
            ? `regional: ${scope.regions.join(', ')}`
            : scope.kind === 'export'
              ? `export: ${scope.destinations.join(', ')}`
              : 'federal'
        return `“${title}” · ${objective} · ${where}`
      }
      case 'SUBMIT':
        return 'submitted for review'
      case 'DECIDE':
        return `${event.decision} ${event.key}${event.reason === undefined ? '' : `: “${event.reason}”`}`
      case 'REVOKE':
        return `revokes ${event.key}`
      case 'DELEGATE':
        return `${event.key} → ${event.deputy} until ${new Date(event.until).toISOString().slice(0, 16).replace('T', ' ')}`
      case 'WITHDRAW':
        return event.reason ?? ''
      case 'TICK':
        return 'a deadline fell due'
      case 'RESPOND':
        return `${event.region} ${event.accept ? 'accepts' : 'declines'}`
      case 'DESTINATION':
        return `${event.destination} ${event.agreed ? 'agrees' : 'declines'}`
      case 'COMPLETE':
        return 'rollout complete'
    }
  } catch {
    // fall through: an event someone broke is shown as such
  }
  return '(unreadable)'
}
