import type { AnyMachineSnapshot } from 'xstate'
import { phaseOf } from '../../../machines/describeState.js'
import type { InitiativeContext } from '../../../machines/InitiativeContext.js'
import type { DeadlineField } from './ReplayResult.js'

/**
 * Which policy field a deadline that fired at `at` from `before` comes from: the close of the
 * review window or of the plenary (the context's `deadline`), else an approval's lifetime — the
 * only other instants `dueInstants` gives.
 *
 * @example
 * deadlineField(inReview, windowClose) // 'review.windowDays'
 */
export function deadlineField(before: AnyMachineSnapshot, at: number): DeadlineField {
  const deadline = (before.context as InitiativeContext).deadline
  if (deadline !== null && deadline <= at) {
    return phaseOf(before) === 'plenary' ? 'review.plenaryDays' : 'review.windowDays'
  }
  return 'approvals.lifetimeDays'
}
