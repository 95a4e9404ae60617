import type { DifferenceShape } from './DiffResult.js'

/**
 * The event of a difference's shape in short English words, as action lines are written in every
 * language: "oreshkin approves presidential-administration", "the clock: window".
 *
 * @example
 * shapeEvent({ type: 'DECIDE', actor: 'oreshkin', key: 'presidential-administration', variant: 'approve', … })
 * // 'oreshkin approves presidential-administration'
 */
export function shapeEvent(shape: Pick<DifferenceShape, 'type' | 'actor' | 'key' | 'variant'>): string {
  const who = shape.actor === null ? 'the clock' : shape.actor === 'sponsor' ? 'the sponsor' : shape.actor
  const key = shape.key ?? ''
  const variant = shape.variant === '' ? '' : ` (${shape.variant})`
  switch (shape.type) {
    case 'PROPOSE':
      return `${who} proposes${variant}`
    case 'SUBMIT':
      return `${who} submits`
    case 'WITHDRAW':
      return `${who} withdraws`
    case 'COMPLETE':
      return `${who} completes the rollout`
    case 'AMEND':
      return `${who} amends${variant}`
    case 'DECIDE':
      return shape.variant === 'refuse'
        ? `${who} refuses ${key}`
        : shape.variant === 'approve-stale'
          ? `${who} approves ${key} on an old revision`
          : `${who} approves ${key}`
    case 'REVOKE':
      return `${who} revokes ${key}`
    case 'DELEGATE':
      return `${who} names a deputy for ${key}${variant}`
    case 'RESPOND':
      return `${who} answers the regional rollout${variant}`
    case 'MINISTRY':
      return `${who} answers the federal rollout${variant}`
    case 'DESTINATION':
      return `${who} records a destination${variant}`
    case 'PLENARY':
      return `${who} votes in the plenary to return it`
    case 'TICK':
      return `time passes${variant}`
  }
}
