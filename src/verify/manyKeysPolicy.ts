import type { Policy } from '../policy/PolicySchema.js'
import { PolicySchema } from '../policy/PolicySchema.js'

/**
 * A generated policy with `n` alike keys, for scale tests and benchmarks: key i belongs to
 * institution `institution-i`, has one holder (`holder-i`, quorum 1, veto) and, with
 * `deputies`, one eligible aide (`aide-i`) for up to 14 days; approvals live 90 days; a 30-day
 * window escalates to a 14-day plenary. Two ministries may sponsor; one region and one friendly
 * destination make every track possible.
 *
 * @example
 * verify(manyKeysPolicy(6)).states // a few thousand, thanks to key symmetry
 */
export function manyKeysPolicy(n: number, options: { deputies?: boolean } = {}): Policy {
  const deputies = options.deputies ?? true
  const ids = Array.from({ length: n }, (_, i) => i + 1)
  return PolicySchema.parse({
    version: 1,
    id: `keys-${n}`,
    title: `${n} alike keys`,
    principals: [
      ...ids.map((i) => ({
        id: `holder-${i}`,
        name: `Holder ${i}`,
        institution: `institution-${i}`,
        roles: ['co-chair'],
      })),
      ...(deputies
        ? ids.map((i) => ({
            id: `aide-${i}`,
            name: `Aide ${i}`,
            institution: `institution-${i}`,
            roles: ['deputy'],
          }))
        : []),
      { id: 'ministry-a', name: 'Ministry A', institution: 'ministry-a', roles: ['sponsor', 'ministry'] },
      { id: 'ministry-b', name: 'Ministry B', institution: 'ministry-b', roles: ['sponsor', 'ministry'] },
      { id: 'governor', name: 'Governor', institution: 'region', roles: ['governor'] },
    ],
    keys: ids.map((i) => ({
      id: `key-${i}`,
      label: `Key ${i}`,
      institution: `institution-${i}`,
      holders: [`holder-${i}`],
      quorum: 1,
      veto: true,
      deputies: deputies ? { allowed: true, maxDays: 14, eligible: [`aide-${i}`] } : { allowed: false },
    })),
    review: { windowDays: 30, onClose: 'plenary', plenaryDays: 14 },
    approvals: { lifetimeDays: 90 },
    routing: [
      { when: { scope: ['export'] }, track: 'export' },
      { when: { scope: ['regional'] }, track: 'regional' },
      { when: { scope: ['federal'] }, track: 'federal' },
    ],
    regions: [{ id: 'region', name: 'Region', governor: 'governor' }],
    friendlyDestinations: ['friend'],
  })
}
