import type { Key, Policy, Principal } from '../policy/PolicySchema.js'

/**
 * Keys that are interchangeable, and how to name their principals by position so that two such
 * keys' states can be compared. `tokens` maps each principal of a symmetric key to `%h<i>` (its
 * i-th holder) or `%d<j>` (its j-th possible deputy) — `%` never occurs in a kebab-case id —
 * and everyone else keeps their id.
 */
export interface KeySymmetry {
  /** Groups of key indices with identical configuration, each of two or more keys. */
  groups: number[][]
  /**
   * Per key index: how many of its holders are interchangeable among themselves (the first
   * `n`, as `%h0` … `%h<n-1>`); 0 when they are not (or the key has one holder).
   */
  holderOrbits: number[]
  /**
   * Per key index: principal id → positional token, for keys in a group or with interchangeable
   * holders; empty otherwise.
   */
  tokens: Map<string, string>[]
}

const institutionsOf = (p: Principal) => [p.institution, ...p.affiliations]

/** Everyone the rules tie to `key`: its holders, the deputies it may have, its institution's members. */
export function membersOf(policy: Policy, key: Key): { holders: string[]; others: string[] } {
  const others = (
    key.deputies.eligible ??
    policy.principals.filter((p) => institutionsOf(p).includes(key.institution)).map((p) => p.id)
  ).filter((id) => !key.holders.includes(id))
  const sameInstitution = policy.principals
    .filter((p) => institutionsOf(p).includes(key.institution) && !key.holders.includes(p.id))
    .map((p) => p.id)
  for (const id of sameInstitution) if (!others.includes(id)) others.push(id)
  return { holders: [...key.holders], others }
}

/**
 * Finds the keys a state may be canonicalised over (symmetry reduction).
 *
 * Two keys are interchangeable when swapping them — together with their holders, their possible
 * deputies and their institutions — maps the policy onto itself: the same quorum, veto and deputy
 * rules (allowed, longest window, by list or by institution), as many holders and possible
 * deputies, and every one of those principals belongs to that key's institution only, may not
 * sponsor, governs no region and has nothing to do with any other key. The machine's rules treat
 * keys alike (every key region has the same guards with its own key as parameter; "all keys
 * turned", "some key refused" and distinctness range over all keys) and so do the invariants and
 * the explorer's alphabet (every key gets the same commands), so a state and its image under
 * such a swap have images of the same futures and the same verdicts. The explorer therefore
 * keeps one state per class: the per-key parts of the abstract key are sorted within each group.
 * With n alike keys this divides the review states by up to n!: a generated policy of 4 alike keys
 * with an aide each has 16 809 abstract states without symmetry and 1 575 with it; 6 such keys
 * have 11 868.
 *
 * Symmetry is assumed of the policy's own machine only: `verify` turns it off for a machine it is
 * given (a broken machine need not treat alike keys alike), and `compile` never uses it, so that a
 * table's key index is the policy's own.
 *
 * @example
 * keySymmetry(twoKeysPolicy).groups // [[0, 1]]: the two co-chair keys are alike
 */
export function keySymmetry(policy: Policy): KeySymmetry {
  const members = policy.keys.map((k) => membersOf(policy, k))
  const owner = new Map<string, number[]>()
  members.forEach((m, k) => {
    for (const id of [...m.holders, ...m.others]) owner.set(id, [...(owner.get(id) ?? []), k])
  })
  const governors = new Set(policy.regions.map((r) => r.governor))
  const eligible = (k: number) => {
    const key = policy.keys[k] as Key
    const m = members[k] as { holders: string[]; others: string[] }
    return [...m.holders, ...m.others].every((id) => {
      const p = policy.principals.find((x) => x.id === id)
      return (
        p !== undefined &&
        institutionsOf(p).length === 1 &&
        p.institution === key.institution &&
        !p.roles.includes('sponsor') &&
        !governors.has(id) &&
        policy.commission?.members.includes(id) !== true &&
        (owner.get(id) ?? []).length === 1
      )
    })
  }
  const signature = (k: number) => {
    const key = policy.keys[k] as Key
    const m = members[k] as { holders: string[]; others: string[] }
    return JSON.stringify([
      key.quorum,
      key.veto,
      key.deputies.allowed,
      key.deputies.maxDays ?? null,
      key.deputies.eligible === undefined,
      // Keys that bring in different bodies are not interchangeable: who may answer a rollout differs.
      [...(key.reach ?? [])].sort(),
      m.holders.length,
      m.others.length,
    ])
  }
  const bySignature = new Map<string, number[]>()
  policy.keys.forEach((_key, k) => {
    if (!eligible(k)) return
    const s = signature(k)
    bySignature.set(s, [...(bySignature.get(s) ?? []), k])
  })
  const groups = [...bySignature.values()].filter((g) => g.length > 1)
  const holderOrbits = policy.keys.map((key, k) =>
    interchangeableHolders(policy, key, eligible(k)) ? key.holders.length : 0,
  )
  const tokens = policy.keys.map(() => new Map<string, string>())
  const positional = new Set([...groups.flat(), ...holderOrbits.flatMap((n, k) => (n > 0 ? [k] : []))])
  for (const k of positional) {
    const m = members[k] as { holders: string[]; others: string[] }
    const map = tokens[k] as Map<string, string>
    m.holders.forEach((id, i) => {
      map.set(id, `%h${i}`)
    })
    m.others.forEach((id, j) => {
      map.set(id, `%d${j}`)
    })
  }
  return { groups, holderOrbits, tokens }
}

/**
 * Whether a key's holders are interchangeable: two or more, each a member of the key's
 * institution only (no affiliation), with the same roles, none a sponsor or a governor, none tied
 * to another key (`eligible`, as for key groups). The machine counts a key's approvals by distinct
 * holders against its quorum, lets any holder veto (if the key has a veto), revoke, or name one of
 * the key's deputies, and the alphabet gives every holder of a key the same commands: nothing
 * reads a holder's name or place except to tell holders apart. So renaming a key's holders among
 * themselves maps every state onto a state with the same futures and the same verdicts, and the
 * abstract key keeps one state per class: a key's part is written with the permutation of its
 * holders' positional names that sorts first (for 3 senators, 2 of 3, up to 3! = 6 states in one).
 */
function interchangeableHolders(policy: Policy, key: Key, eligible: boolean): boolean {
  if (key.holders.length < 2 || !eligible) return false
  // A holder who also votes in the plenary is told apart by the votes it casts there.
  if (key.holders.some((h) => policy.commission?.members.includes(h) === true)) return false
  const roles = key.holders.map((id) => {
    const p = policy.principals.find((x) => x.id === id)
    return p === undefined ? null : JSON.stringify([...p.roles].sort())
  })
  return roles.every((r) => r !== null && r === roles[0])
}

/** No symmetry: every key keeps its place and every principal its id. */
export const noSymmetry = (policy: Policy): KeySymmetry => ({
  groups: [],
  holderOrbits: policy.keys.map(() => 0),
  tokens: policy.keys.map(() => new Map()),
})
