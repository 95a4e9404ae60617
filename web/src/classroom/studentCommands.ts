import type { Board } from '../../../src/engine/keyBoard.js'
import { t } from '../i18n/language.js'
import type { SessionState } from './SessionState.js'

/** One button a student may press on an initiative: its label and the command it sends (unsigned yet). */
export interface StudentAction {
  id: string
  label: string
  command: Record<string, unknown>
}

const DAY_MS = 86_400_000

/**
 * What a student in `role` is offered on an initiative — not only what the rules allow: every
 * principal may try to turn any key (the refusal is the lesson). The sponsor submits and withdraws;
 * a key holder names its deputy; a governor answers a rollout in their region. A forger acts as
 * `actingAs`, with a key the keyring does not list.
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
  for (const line of board.rollout) {
    const region = state.policy.regions.find((r) => r.id === line.target)
    if (region?.governor !== actingAs || line.answer !== 'pending') continue
    for (const accept of [true, false]) {
      actions.push({
        id: `${accept ? 'accept' : 'decline'}-${region.id}`,
        label: t(accept ? 'classroom.act.accept' : 'classroom.act.decline', { region: region.id }),
        command: { type: 'respond', ...on, region: region.id, accept },
      })
    }
  }
  if (board.sponsor === actingAs && !['completed', 'withdrawn', 'lapsed'].includes(board.phase)) {
    actions.push({ id: 'withdraw', label: t('classroom.act.withdraw'), command: { type: 'withdraw', ...on } })
  }
  return role === 'forger' ? actions.filter((a) => a.command.type === 'decide') : actions
}
