import { DAY_MS } from '../../../src/domain/timeUnits.js'
import type { Board } from '../../../src/engine/keyBoard.js'
import { t } from '../i18n/language.js'
import type { SessionState } from './SessionState.js'

/** One button a student may press on an initiative: its label and the command it sends (unsigned yet). */
export interface StudentAction {
  id: string
  label: string
  command: Record<string, unknown>
}

/**
 * What a student in `role` is offered on an initiative — not only what the rules allow: every
 * principal may try to turn any key and answer any rollout (the refusal is the lesson). The
 * sponsor submits and withdraws; a key holder names its deputy. A forger acts as `actingAs`, with
 * a key the keyring does not list, and is offered the decisions only.
 */
export function studentActions(
  role: string,
  actingAs: string,
  board: Board,
  state: SessionState,
): StudentAction[] {
  const on = { initiativeId: board.initiativeId, by: actingAs }
  const actions: StudentAction[] = []
  if (board.sponsor === actingAs && (board.phase === 'draft' || board.phase === 'returned')) {
    actions.push({ id: 'submit', label: t('classroom.act.submit'), command: { type: 'submit', ...on } })
  }
  if (board.phase === 'review' || board.phase === 'plenary') {
    for (const key of state.policy.keys) {
      for (const decision of ['approve', 'refuse'] as const) {
        actions.push({
          id: `${decision}-${key.id}`,
          label: t(`classroom.act.${decision}`, { key: key.label }),
          command: { type: 'decide', ...on, key: key.id, decision, revision: board.revision.hash },
        })
      }
      const deputy = key.deputies[0]
      if (key.holders.includes(actingAs) && deputy !== undefined) {
        actions.push({
          id: `delegate-${key.id}`,
          label: t('classroom.act.delegate', { deputy, key: key.label }),
          command: { type: 'delegate', ...on, key: key.id, deputy, until: state.clock + 7 * DAY_MS },
        })
      }
    }
  }
  // A rollout is answered by whoever the policy says; anyone may try, and the refusal says who may.
  for (const line of board.rollout) {
    if (line.answer !== 'pending') continue
    for (const yes of [true, false]) actions.push(rolloutAction(board.phase, on, line.target, yes))
  }
  if (board.phase === 'federalRollout') {
    actions.push({ id: 'complete', label: t('offers.complete'), command: { type: 'complete', ...on } })
  }
  if (board.sponsor === actingAs && !['completed', 'withdrawn', 'lapsed'].includes(board.phase)) {
    actions.push({ id: 'withdraw', label: t('classroom.act.withdraw'), command: { type: 'withdraw', ...on } })
  }
  return role === 'forger' ? actions.filter((a) => a.command.type === 'decide') : actions
}

/** Accepting or declining one target of a rollout: a region (respond), a destination, or a ministry. */
function rolloutAction(
  phase: string,
  on: Record<string, unknown>,
  target: string,
  yes: boolean,
): StudentAction {
  const word = yes ? 'accept' : 'decline'
  if (phase === 'exportRollout')
    return {
      id: `${yes ? 'agreed' : 'declined'}-${target}`,
      label: t(yes ? 'offers.agreed' : 'offers.declined', { destination: target }),
      command: { type: 'destination', ...on, destination: target, agreed: yes },
    }
  if (phase === 'federalRollout')
    return {
      id: `${word}-${target}`,
      label: t(yes ? 'offers.acceptMinistry' : 'offers.declineMinistry', { ministry: target }),
      command: { type: 'ministry', ...on, ministry: target, accept: yes },
    }
  return {
    id: `${word}-${target}`,
    label: t(yes ? 'classroom.act.accept' : 'classroom.act.decline', { region: target }),
    command: { type: 'respond', ...on, region: target, accept: yes },
  }
}
