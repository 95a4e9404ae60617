import fc from 'fast-check'
import { initialTransition, transition } from 'xstate'
import { createInitiativeMachine, type InitiativeMachine } from '../../machines/initiative.js'
import type { EventOf } from '../../src/domain/InitiativeEvent.js'
import { keyOrders, tk11OrderFree } from '../../src/invariants/tk11OrderFree.js'
import { hashPolicy } from '../../src/policy/hashPolicy.js'
import type { Policy } from '../../src/policy/PolicySchema.js'
import { contentArb, EPOCH, HOUR } from './arbitraries.js'
import { InvariantViolationError } from './machineProperty.js'

/** Which holders of each key approve: usually a quorum or more, sometimes too few. */
const approversArb = (policy: Policy) =>
  fc.tuple(
    ...policy.keys.map((key) =>
      fc.oneof(
        { weight: 4, arbitrary: fc.subarray(key.holders, { minLength: key.quorum }) },
        { weight: 1, arbitrary: fc.subarray(key.holders) },
      ),
    ),
  )

/**
 * TK11 as a property: a submitted initiative, the approvals of some holders of every key, and
 * a random interleaving of them; the interleaving, the key-by-key order of the policy and every
 * other key-by-key order (n! of them) all end in the same outcome.
 */
export function orderProperty(policy: Policy, machine: InitiativeMachine = createInitiativeMachine(policy)) {
  const sponsors = policy.principals.filter((p) => p.roles.includes('sponsor')).map((p) => p.id)
  const scenario = fc
    .record({
      sponsor: fc.constantFrom(...sponsors),
      content: contentArb(policy),
      approvers: approversArb(policy),
    })
    .chain((s) => {
      const count = s.approvers.flat().length
      const positions = [...Array(count).keys()]
      return fc
        .shuffledSubarray(positions, { minLength: count, maxLength: count })
        .map((interleaving) => ({ ...s, interleaving }))
    })
  return fc.property(scenario, ({ sponsor, content, approvers, interleaving }) => {
    let [start] = initialTransition(machine, { policyHash: hashPolicy(policy) })
    ;[start] = transition(machine, start, { type: 'PROPOSE', by: sponsor, at: EPOCH, id: 'i1', content })
    ;[start] = transition(machine, start, { type: 'SUBMIT', by: sponsor, at: EPOCH + HOUR })
    const revision = start.context.revision.hash
    const groups = policy.keys.map((key, k) =>
      (approvers[k] ?? []).map(
        (by): EventOf<'DECIDE'> => ({
          type: 'DECIDE',
          by,
          at: 0,
          key: key.id,
          revision,
          decision: 'approve',
        }),
      ),
    )
    const flat = groups.flat()
    const shuffled = interleaving.map((i) => flat[i]!)
    const violations = tk11OrderFree.check(machine, start, [flat, shuffled, ...keyOrders(groups)])
    if (violations.length > 0) throw new InvariantViolationError(violations, [])
  })
}
