import { describe, expect, it } from 'vitest'
import { createInitiativeMachine } from '../../machines/initiative.js'
import { createExpander } from '../../src/explore/expander.js'
import { fromPortable, toPortable } from '../../src/explore/portableSnapshot.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'

const nodeIds = (s: { _nodes: { id: string }[] }) => s._nodes.map((n) => n.id)

describe('a snapshot as plain data, for a worker thread', () => {
  const policy = loadPolicyFile('machines/policies/two-keys.yaml')
  const machine = createInitiativeMachine(policy)
  const expander = createExpander(policy, machine)

  it('comes back with the same value, context, status, node order and moves, after a structured clone', () => {
    // Two levels of the search: review states, whose nodes a step leaves out of document order.
    const states = [expander.initial]
    for (let i = 0; i < 40 && i < states.length; i++) {
      expander.expand(states[i] as (typeof states)[number], (_e, _c, after) => states.push(after))
    }
    expect(states.length).toBeGreaterThan(40)
    const moves = (s: (typeof states)[number]) => {
      const out: unknown[] = []
      expander.expand(s, (e, c, after) => out.push([e.index, c, expander.abstractKey(after), nodeIds(after)]))
      return out
    }
    let reordered = 0
    for (const original of states) {
      const back = fromPortable(machine, structuredClone(toPortable(original)))
      expect(back.value).toEqual(original.value)
      expect(back.context).toEqual(original.context)
      expect(back.status).toBe(original.status)
      expect(nodeIds(back)).toEqual(nodeIds(original))
      expect(moves(back)).toEqual(moves(original))
      const documentOrder = nodeIds(
        machine.resolveState({ value: original.value, context: original.context }),
      )
      if (documentOrder.join() !== nodeIds(original).join()) reordered++
    }
    // Without putting the nodes back in order, these would differ from the search's snapshots.
    expect(reordered).toBeGreaterThan(0)
  })

  it('refuses nodes that are not those of its value', () => {
    const portable = toPortable(expander.initial)
    expect(() =>
      fromPortable(machine, { ...portable, nodes: [...portable.nodes, 'initiative.approved'] }),
    ).toThrow('are not those of its value')
  })

  it('refuses a snapshot with child actors rather than leave them behind', () => {
    const withChild = { ...expander.initial, children: { someone: {} } } as unknown as typeof expander.initial
    expect(() => toPortable(withChild)).toThrow('child actors or history')
  })
})
