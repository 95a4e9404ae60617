import { describe, expect, it } from 'vitest'
import { phaseOf } from '../../machines/describeState.js'
import { initialContext } from '../../machines/InitiativeContext.js'
import { toMachineEvent } from '../../machines/toMachineEvent.js'
import type { Command } from '../../src/domain/Command.js'
import { federalContent, Scenario } from '../support/fixtures.js'
import { seedPolicy } from '../support/policies.js'

// Sharper tests found by mutation testing (`npm run mutation -- machines --mutate
// machines/describeState.ts,machines/InitiativeContext.ts,machines/toMachineEvent.ts`).

describe('the machine at its edges', () => {
  it('an initiative not yet proposed is in no phase', () => {
    const s = new Scenario(seedPolicy)
    expect(s.snapshot.value).toBe('idle')
    expect(phaseOf(s.snapshot)).toBe('none')
    expect(phaseOf(s.propose().snapshot)).toBe('draft')
  })

  it('starts with no revision and no earlier approvals', () => {
    const context = initialContext({ policyHash: 'p' })
    expect(context.revision).toEqual({ n: 0, hash: '' })
    expect(context.approvedEarlier).toEqual([])
    expect(initialContext(undefined).policyHash).toBe('')
  })

  const at = 1_000
  const cmd = (c: Record<string, unknown>) => c as unknown as Command

  it('a proposal carries its budget; a withdrawal its reason', () => {
    const propose = toMachineEvent(
      cmd({ type: 'propose', by: 'minzifry', ...federalContent, budget: 5 }),
      'i-1',
      null,
      at,
    )
    expect(propose).toEqual({
      type: 'PROPOSE',
      by: 'minzifry',
      at,
      id: 'i-1',
      content: { ...federalContent, budget: 5 },
    })
    expect(
      toMachineEvent(cmd({ type: 'withdraw', by: 'minzifry', reason: 'moot' }), 'i-1', null, at),
    ).toEqual({
      type: 'WITHDRAW',
      by: 'minzifry',
      at,
      reason: 'moot',
    })
  })

  it('an amendment before any proposal amends an empty federal content; a decision without a revision names none', () => {
    expect(toMachineEvent(cmd({ type: 'amend', by: 'minzifry', budget: 7 }), 'i-1', null, at)).toEqual({
      type: 'AMEND',
      by: 'minzifry',
      at,
      content: {
        title: '',
        summary: '',
        objective: '',
        scope: { kind: 'federal', ministries: [] },
        budget: 7,
      },
    })
    expect(
      toMachineEvent(cmd({ type: 'decide', by: 'oreshkin', key: 'k', decision: 'approve' }), 'i-1', null, at),
    ).toEqual({ type: 'DECIDE', by: 'oreshkin', at, key: 'k', decision: 'approve', revision: '' })
  })
})
