import type { Policy } from '../policy/PolicySchema.js'

/**
 * Per key index, the (deputy, holder) pairs whose decisions the abstract key may write as the
 * holder's own, as `deputy>holder` texts: a principal that holds no key and may never sponsor,
 * acting on the seat of a holder of that key whose institutions include all of its own.
 *
 * Why a deputy's decision and its seat's are then alike: a recorded decision keeps its actor
 * (`by`), its seat and its institutions (the actor's and the seat's). Its seat, revision, time
 * and verdict are what the rules read of it; its actor is read by three things only:
 * - the machine's `distinctAcrossKeys`, which refuses a decision on another key when a counted
 *   approval shares its actor, its seat or an institution with it. With the deputy's institutions
 *   among the holder's, the recorded institutions are the holder's either way, and whoever is the
 *   actor that one reading would catch (the deputy, or the holder) brings its own institutions,
 *   which the holder's include: the institution test refuses the same commands;
 * - TK2 (distinct), which flags two keys' counted approvals sharing a person or an institution:
 *   for the same reason, a person shared in one reading is an institution shared in the other —
 *   the verdict is the same, only its wording (principal or institution) differs;
 * - and TK3 (no self-approval), which reads the actor against the sponsor: a principal that may
 *   never sponsor is never the sponsor, so only the seat can be.
 * (TK6 checks a decision's authority against the delegations recorded before it, at the step that
 * records it, which the search checks on the concrete step; nothing later changes the answer. TK4,
 * TK5 and TK9 name the actor in their messages only.)
 * So two states that differ only by which of the two decided on the seat accept the same commands
 * and move to states that differ in the same way: one abstract state.
 *
 * @example
 * deputyAsSeat(manyKeysPolicy(2)) // [Set { 'aide-1>holder-1' }, Set { 'aide-2>holder-2' }]
 */
export function deputyAsSeat(policy: Policy): ReadonlySet<string>[] {
  const institutions = new Map(policy.principals.map((p) => [p.id, [p.institution, ...p.affiliations]]))
  const holders = new Set(policy.keys.flatMap((k) => k.holders))
  const standsIn = policy.principals.filter((p) => !holders.has(p.id) && !p.roles.includes('sponsor'))
  return policy.keys.map((key) => {
    const pairs = new Set<string>()
    for (const holder of key.holders) {
      const held = new Set(institutions.get(holder) ?? [])
      if (held.size === 0) continue
      for (const p of standsIn)
        if ((institutions.get(p.id) ?? []).every((i) => held.has(i))) pairs.add(`${p.id}>${holder}`)
    }
    return pairs
  })
}
