import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createInitiativeMachine } from '../../machines/initiative.js'
import { InitiativeEventSchema } from '../../src/domain/InitiativeEvent.js'
import { eventSpecArb, resolveEvent, startArb } from '../support/arbitraries.js'
import { InitiativeRun, machineProperty, runParameters } from '../support/machineProperty.js'
import { orderProperty } from '../support/orderProperty.js'
import { POLICY_VARIANTS } from '../support/policies.js'

// Model-based tests of the real machine. A failure prints fast-check's seed and path, the
// shrunk command sequence with its replayPath, the violations and the accepted events (which
// replay by hand in order). To replay it exactly:
//   TWOKEYS_SEED=<seed> TWOKEYS_PATH=<path> TWOKEYS_REPLAY_PATH=<replayPath> \
//     npx vitest run tests/properties/machine.property.test.ts -t '<test name>'
// (TWOKEYS_SEED alone explores another part of the space.)

/** Command sequences per policy variant (each up to 50 commands after its start). */
const SEQUENCES = 3_000
const ORDERINGS = 500

describe.each(POLICY_VARIANTS)('the initiative machine under the $name policy', ({ policy }) => {
  it(`keeps TK1–TK9 and TK13 on every accepted step, replays (TK12) and can always finish (TK10) — ${SEQUENCES} sequences`, () => {
    fc.assert(machineProperty(policy), runParameters(SEQUENCES))
  })

  it(`turns out the same whatever the order of approvals across keys (TK11) — ${ORDERINGS} orderings`, () => {
    fc.assert(orderProperty(policy), runParameters(ORDERINGS))
  })

  it('keeps in the context only the decisions on the current revision', () => {
    const machine = createInitiativeMachine(policy)
    fc.assert(
      fc.property(startArb(policy), fc.array(eventSpecArb(policy), { maxLength: 40 }), (start, specs) => {
        const run = new InitiativeRun(policy, machine)
        for (const spec of [...start, ...specs]) {
          run.send(spec)
          const { decisions, revision } = run.snapshot.context
          expect(decisions.filter((d) => d.revision !== revision.hash)).toEqual([])
        }
        // What was dropped is in the recorded events: every decision the oracle counts is on the current revision.
        const current = run.recorded.revisions.length - 1
        expect(run.snapshot.context.decisions).toHaveLength(
          run.recorded.decisions.filter((d) => d.revision === current).length,
        )
      }),
      runParameters(300),
    )
  })

  it('generates only events the command schema accepts', () => {
    const machine = createInitiativeMachine(policy)
    fc.assert(
      fc.property(startArb(policy), fc.array(eventSpecArb(policy), { maxLength: 30 }), (start, specs) => {
        const run = new InitiativeRun(policy, machine)
        for (const spec of [...start, ...specs]) {
          const event = resolveEvent(spec, {
            policy,
            context: run.snapshot.context,
            clock: run.clock,
            previousRevision: run.previousRevision,
            openKeys: [],
          })
          expect(InitiativeEventSchema.safeParse(event).error?.issues ?? []).toEqual([])
          run.send(spec)
        }
      }),
      runParameters(200),
    )
  })
})
