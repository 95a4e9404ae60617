import { describe, expect, it } from 'vitest'
import { type AnyStateMachine, and, createActor, createMachine, stateIn } from 'xstate'
import { guardTree } from '../../machines/guardTree.js'
import { oncePerSnapshot } from '../../machines/oncePerSnapshot.js'

/** A parallel state of three regions whose `always` reads a counted guard: how often XState asks it per event. */
function probeCalls(wrap: <G>(guard: G) => G): number {
  let calls = 0
  const machine = createMachine(
    {
      id: 'probe',
      initial: 'running',
      states: {
        running: {
          type: 'parallel',
          always: { guard: wrap(and([stateIn('#probe.running.a.on'), 'probe'])), target: 'done' },
          states: {
            a: { initial: 'off', states: { off: { on: { GO: 'on' } }, on: {} } },
            b: { initial: 'idle', states: { idle: {} } },
            c: { initial: 'idle', states: { idle: {} } },
          },
        },
        done: {},
      },
    },
    {
      guards: {
        probe: () => {
          calls++
          return false
        },
      },
    },
  )
  const actor = createActor(machine).start()
  calls = 0
  actor.send({ type: 'GO' })
  expect(actor.getSnapshot().value).toEqual({ running: { a: 'on', b: 'idle', c: 'idle' } })
  return calls
}

/** The state value after each event, sent in turn to one started actor of `machine`. */
function valuesAfter(machine: AnyStateMachine, events: readonly string[]): unknown[] {
  const actor = createActor(machine).start()
  return events.map((type) => {
    actor.send({ type })
    return actor.getSnapshot().value
  })
}

describe('oncePerSnapshot', () => {
  it('asks a parallel state’s eventless guard once per snapshot, not once per active region', () => {
    expect(probeCalls((g) => g)).toBe(3)
    expect(probeCalls(oncePerSnapshot)).toBe(1)
  })

  it('answers as the guard it wraps, on every snapshot', () => {
    const machine = createMachine({
      id: 'pair',
      initial: 'review',
      states: {
        review: {
          type: 'parallel',
          always: {
            guard: oncePerSnapshot(and([stateIn('#pair.review.a.turned'), stateIn('#pair.review.b.turned')])),
            target: 'approved',
          },
          states: {
            a: { initial: 'pending', states: { pending: { on: { A: 'turned' } }, turned: {} } },
            b: { initial: 'pending', states: { pending: { on: { B: 'turned' } }, turned: {} } },
          },
        },
        approved: {},
      },
    })
    expect(valuesAfter(machine, ['A', 'B'])).toEqual([{ review: { a: 'turned', b: 'pending' } }, 'approved'])
  })

  it('asks again for another event on the same snapshot: a guard given through provide may read it', () => {
    // A refused event leaves the snapshot as it was, and XState then asks the eventless guards
    // again, on that same snapshot, with the refused event.
    const machine = createMachine(
      {
        id: 'asked',
        initial: 'running',
        states: {
          running: {
            type: 'parallel',
            always: { guard: oncePerSnapshot(and(['isGo'])), target: 'done' },
            states: {
              a: { initial: 'idle', states: { idle: {} } },
              b: { initial: 'idle', states: { idle: {} } },
            },
          },
          done: {},
        },
      },
      { guards: { isGo: ({ event }) => event.type === 'GO' } },
    )
    expect(valuesAfter(machine, ['NOPE', 'GO'])).toEqual([{ running: { a: 'idle', b: 'idle' } }, 'done'])
  })

  it('is read through by guardTree, so diagrams and explanations see the guard it wraps', () => {
    const inner = and(['actorIsSponsor', stateIn('#x')])
    expect(guardTree(oncePerSnapshot(inner))).toEqual(guardTree(inner))
  })

  it('refuses a guard it cannot call with the snapshot, saying which ones it can', () => {
    expect(() => oncePerSnapshot('allKeysTurned')).toThrow(/wraps a guard made by and, or, not or stateIn/)
  })
})
