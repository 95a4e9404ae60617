import type { Policy } from '../policy/PolicySchema.js'
import type { EventRole, LetterDraft } from './AbstractEvent.js'
import type { Cast } from './cast.js'

/**
 * The alphabet's letters about keys, key by key: every kind of principal decides (those without
 * a seat only try to approve), a holder approves a stale revision, approvals are revoked, and each
 * holder names deputies, rightly and wrongly.
 */
export function keyLetters(policy: Policy, cast: Cast): LetterDraft[] {
  const events: LetterDraft[] = []
  // Decisions: every kind of principal on every key.
  const deciders: { id: string | null; role: EventRole; of: number }[] = [
    ...cast.holders.flatMap((hs, k) => hs.map((id) => ({ id, role: 'holder' as const, of: k }))),
    ...cast.deputies.flatMap((id, k) => (id === null ? [] : [{ id, role: 'deputy' as const, of: k }])),
    ...cast.duals.map((id) => ({ id, role: 'dual' as const, of: -1 })),
    { id: null, role: 'sponsor', of: -1 },
    { id: cast.outsider, role: 'outsider', of: -1 },
  ]
  const who = (d: { id: string | null; role: EventRole }) =>
    d.id === null ? 'the sponsor' : `${d.role} ${d.id}`
  const n = policy.keys.length
  policy.keys.forEach((key, k) => {
    // Holders and deputies of other keys probe a key's authority check; those of the next key
    // (cyclically) stand for all of them, so the alphabet grows linearly with the keys.
    const probe = n < 2 ? -1 : (k + 1) % n
    for (const d of deciders) {
      if (d.of >= 0 && d.of !== k && d.of !== probe) continue
      const own = d.of === k && (d.role === 'holder' || key.deputies.allowed)
      // Those without a seat on the key only try to approve: that is what a bug would let count.
      for (const decision of d.of === k ? (['approve', 'refuse'] as const) : (['approve'] as const)) {
        events.push({
          type: 'DECIDE',
          role: d.role,
          actor: d.id,
          key: k,
          target: -1,
          variant: decision,
          label: `${who(d)} ${decision === 'approve' ? 'approves' : 'refuses'} ${key.id}`,
          expected: own,
        })
      }
    }
    const first = key.holders[0]
    if (first !== undefined) {
      events.push({
        type: 'DECIDE',
        role: 'holder',
        actor: first,
        key: k,
        target: -1,
        variant: 'approve-stale',
        label: `holder ${first} approves ${key.id} on a revision that is not current`,
        expected: false,
      })
    }
    // An approval can be revoked only before its key turns: with a quorum of one it turns at once.
    const revocable = key.quorum > 1
    const revokers = [
      ...key.holders.map((id) => ({ id, role: 'holder' as const, expected: revocable })),
      ...(cast.deputies[k]
        ? [{ id: cast.deputies[k], role: 'deputy' as const, expected: revocable && key.deputies.allowed }]
        : []),
      { id: cast.outsider, role: 'outsider' as const, expected: false },
    ]
    for (const r of revokers) {
      events.push({
        type: 'REVOKE',
        role: r.role,
        actor: r.id,
        key: k,
        target: -1,
        variant: '',
        label: `${r.role} ${r.id} revokes its approval of ${key.id}`,
        expected: r.expected,
      })
    }
    const deputy = cast.deputies[k] ?? null
    for (const holder of key.holders) {
      const variants: [string, string, boolean][] = []
      if (deputy !== null) {
        variants.push(
          [
            'valid',
            `names ${deputy} deputy for ${key.id} for the longest window allowed`,
            key.deputies.allowed,
          ],
          ['too-long', `names ${deputy} deputy for ${key.id} for twice the longest window allowed`, false],
        )
      }
      variants.push(
        ['to-sponsor', `names the sponsor deputy for ${key.id}`, false],
        ['to-outsider', `names outsider ${cast.outsider} deputy for ${key.id}`, false],
      )
      for (const dual of cast.duals) {
        const p = policy.principals.find((x) => x.id === dual)
        const eligible =
          key.deputies.eligible?.includes(dual) ??
          (p !== undefined && [p.institution, ...p.affiliations].includes(key.institution))
        variants.push([
          `to-dual:${dual}`,
          `names ${dual} (of two institutions) deputy for ${key.id}`,
          key.deputies.allowed && eligible,
        ])
      }
      for (const [variant, words, expected] of variants) {
        events.push({
          type: 'DELEGATE',
          role: 'holder',
          actor: holder,
          key: k,
          target: -1,
          variant,
          label: `holder ${holder} ${words}`,
          expected,
        })
      }
    }
    if (deputy !== null) {
      events.push({
        type: 'DELEGATE',
        role: 'outsider',
        actor: cast.outsider,
        key: k,
        target: -1,
        variant: 'by-outsider',
        label: `outsider ${cast.outsider} names ${deputy} deputy for ${key.id}`,
        expected: false,
      })
    }
  })

  return events
}
