import { createInitiativeMachine } from '../../machines/initiative.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { type Policy, PolicySchema } from '../../src/policy/PolicySchema.js'

export const twoKeys: Policy = loadPolicyFile('machines/policies/two-keys.yaml')
export const twoKeysMachine = createInitiativeMachine(twoKeys)

/** two-keys.yaml with a third key, the Security Council's, re-validated by the schema. */
export const threeKeys: Policy = PolicySchema.parse({
  ...twoKeys,
  principals: [
    ...twoKeys.principals,
    {
      id: 'venediktov',
      name: 'Secretary of the Security Council',
      institution: 'security-council',
      roles: ['co-chair'],
    },
  ],
  keys: [
    ...twoKeys.keys,
    {
      id: 'security-council',
      label: 'Security Council',
      institution: 'security-council',
      holders: ['venediktov'],
      quorum: 1,
      veto: true,
    },
  ],
})
export const threeKeysMachine = createInitiativeMachine(threeKeys)
