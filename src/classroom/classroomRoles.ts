import type { Policy } from '../policy/PolicySchema.js'

/** The role of a student who holds no key in the keyring: every command they sign is refused. */
export const FORGER = 'forger'

export interface ClassroomRole {
  /** A principal id of the policy, or {@link FORGER}. */
  id: string
  name: string
  /** The principal's institution; none for the forger. */
  institution: string | null
  /** The principal's roles in the policy (co-chair, deputy, sponsor, governor, ministry). */
  roles: string[]
  /** The keys of the policy this principal holds or may deputise for. */
  keys: string[]
}

/**
 * The roles a student may take in a session: every principal of the policy, then the forger.
 *
 * @example
 * classroomRoles(policy).map((r) => r.id) // ['oreshkin', 'grigorenko', …, 'forger']
 */
export function classroomRoles(policy: Policy): ClassroomRole[] {
  const principals = policy.principals.map(
    (p): ClassroomRole => ({
      id: p.id,
      name: p.name,
      institution: p.institution,
      roles: [...p.roles],
      keys: policy.keys
        .filter((k) => k.holders.includes(p.id) || (k.deputies?.eligible ?? []).includes(p.id))
        .map((k) => k.id),
    }),
  )
  return [
    ...principals,
    { id: FORGER, name: 'Forger (holds no key in the keyring)', institution: null, roles: [], keys: [] },
  ]
}
