import type { Policy, Principal } from '../policy/PolicySchema.js'
import { rolloutOf } from '../policy/reach.js'
import type { ContentBranch } from './contents.js'

/** A proposer and what kind of principal it is, for readable labels. */
export interface Proposer {
  id: string
  kind: string
}

/**
 * Who acts in an exploration: one principal of every kind that matters to the rules. Principals
 * of the same kind (three ministries that may sponsor and hold nothing) behave alike, so one of
 * each kind is enough; holders of keys are all kept, since each holds a seat of its own.
 */
export interface Cast {
  /** The holders of each key, by key index. */
  holders: string[][]
  /**
   * The deputy of each key: the first principal the policy would let a holder name (by the
   * `eligible` list, else by institution), whether or not the key allows deputies; null if none.
   */
  deputies: (string | null)[]
  /** Principals of two or more institutions that hold no key (they test distinctness, TK2). */
  duals: string[]
  /** Who proposes in each branch: one principal of each kind that has the role "sponsor". */
  proposers: Proposer[]
  /** A principal with no part in the initiative, or an id no principal has. */
  outsider: string
  /** A governor of a region no branch names, with that region, if the policy has one. */
  strayGovernor: { id: string; region: string } | null
  /** A ministry no federal branch names, where named ministries answer the federal rollout. */
  strayMinistry: string | null
  /** The principal that records destinations where agencies do (`rollout.export: agencies`). */
  agency: string | null
}

const institutionsOf = (p: Principal) => [p.institution, ...p.affiliations]

/**
 * Picks the cast of an exploration from the policy and the branches' contents.
 *
 * @example
 * castOf(policy, representativeContents(policy)).holders // [['oreshkin'], ['grigorenko']]
 */
export function castOf(policy: Policy, branches: readonly ContentBranch[]): Cast {
  const holders = policy.keys.map((k) => [...k.holders])
  const isHolder = (id: string) => holders.some((h) => h.includes(id))
  const deputies = policy.keys.map((key) => {
    const candidates =
      key.deputies.eligible ??
      policy.principals.filter((p) => institutionsOf(p).includes(key.institution)).map((p) => p.id)
    return candidates.find((id) => !isHolder(id) && policy.principals.some((p) => p.id === id)) ?? null
  })
  const isDeputy = (id: string) => deputies.includes(id)
  const duals = policy.principals
    .filter((p) => institutionsOf(p).length > 1 && !isHolder(p.id) && !isDeputy(p.id))
    .map((p) => p.id)
    .slice(0, 3)
  const named = new Set(
    branches.flatMap((b) => (b.content.scope.kind === 'regional' ? b.content.scope.regions : [])),
  )
  const governorOf = (id: string) => policy.regions.findIndex((r) => r.governor === id && named.has(r.id))
  const kindOf = (p: Principal): string => {
    const key = holders.findIndex((h) => h.includes(p.id))
    if (key >= 0) return `holder of ${policy.keys[key]?.id}`
    const deputy = deputies.indexOf(p.id)
    if (deputy >= 0) return `deputy for ${policy.keys[deputy]?.id}`
    if (duals.includes(p.id)) return 'principal of two institutions'
    return 'sponsor'
  }
  const proposers: Proposer[] = []
  for (const p of policy.principals) {
    if (!p.roles.includes('sponsor')) continue
    const kind = kindOf(p)
    if (!proposers.some((q) => q.kind === kind)) proposers.push({ id: p.id, kind })
  }
  const cast = new Set([...holders.flat(), ...deputies.filter((d) => d !== null), ...duals])
  const ministries = new Set(
    branches.flatMap((b) => (b.content.scope.kind === 'federal' ? b.content.scope.ministries : [])),
  )
  const agency =
    rolloutOf(policy).export === 'agencies'
      ? (policy.principals.find((p) => p.roles.includes('agency'))?.id ?? null)
      : null
  const plain = policy.principals.filter(
    (p) =>
      !cast.has(p.id) &&
      governorOf(p.id) < 0 &&
      !ministries.has(p.id) &&
      p.id !== agency &&
      policy.commission?.members.includes(p.id) !== true &&
      !proposers.some((q) => q.id === p.id),
  )
  const outsider = plain[0]?.id ?? freshOutsider(policy)
  const stray = policy.regions.find((r) => !named.has(r.id) && r.governor !== outsider)
  return {
    holders,
    deputies,
    duals,
    proposers,
    outsider,
    strayGovernor: stray === undefined ? null : { id: stray.governor, region: stray.id },
    strayMinistry:
      ministries.size === 0
        ? null
        : (policy.principals.find(
            (p) => p.roles.includes('ministry') && !ministries.has(p.id) && p.id !== outsider,
          )?.id ?? null),
    agency,
  }
}

function freshOutsider(policy: Policy): string {
  let id = 'outsider'
  for (let n = 2; policy.principals.some((p) => p.id === id); n++) id = `outsider-${n}`
  return id
}
