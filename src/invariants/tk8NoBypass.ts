import { checkPhrase } from '../../machines/checkPhrases.js'
import type { InitiativeEvent } from '../domain/InitiativeEvent.js'
import type { StepInvariant, Violation } from './Invariant.js'
import { isApproved, keyRegions, stageOf } from './restated.js'
import { said } from './said.js'

const approves = (event: InitiativeEvent, key?: string) =>
  event.type === 'DECIDE' && event.decision === 'approve' && (key === undefined || event.key === key)

/**
 * TK8 no bypass, from the state values and the event alone: only an approval of key k turns key k, and only an approval moves the
 * initiative into approval; a TICK (timeout, escalation), an amendment, a delegation, a
 * revocation or a refusal never does.
 */
export const tk8NoBypass: StepInvariant = {
  id: 'TK8',
  name: 'no bypass',
  statement: 'no timeout, escalation or administrative action turns a key',
  scope: 'step',
  check(policy, { before, event, after }) {
    const violations: Violation[] = []
    const was = keyRegions(policy, before)
    for (const [key, state] of keyRegions(policy, after)) {
      if (state === 'turned' && was.get(key) !== 'turned' && !approves(event, key)) {
        violations.push({
          id: 'TK8',
          ...said(
            checkPhrase('tk8.turned', {
              event: event.type,
              decision: event.type === 'DECIDE' ? { decision: event.decision, key: event.key } : null,
              key,
              was: was.get(key) ?? null,
              stage: stageOf(before),
            }),
          ),
          event,
        })
      }
    }
    if (!isApproved(before) && isApproved(after) && !approves(event)) {
      violations.push({
        id: 'TK8',
        ...said(checkPhrase('tk8.moved', { event: event.type, from: stageOf(before), to: stageOf(after) })),
        event,
      })
    }
    return violations
  },
}
