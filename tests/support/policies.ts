import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { type Policy, type PolicyInput, PolicySchema, PolicyShape } from '../../src/policy/PolicySchema.js'

/** The shipped seed policy, as the plain document to derive variants from. */
export function seedDocument(): PolicyInput {
  const url = new URL('../../machines/policies/two-keys.yaml', import.meta.url)
  return parse(readFileSync(url, 'utf8')) as PolicyInput
}

/** Validates a variant exactly as a policy file would be: through PolicySchema. */
function variant(change: (doc: PolicyInput) => PolicyInput): Policy {
  return PolicySchema.parse(change(seedDocument()))
}

const PA = 'presidential-administration'
const GA = 'government-apparatus'
const principal = (id: string, institution: string, roles: string[], affiliations: string[] = []) => ({
  id,
  name: id,
  institution,
  affiliations,
  roles: roles as PolicyInput['principals'][number]['roles'],
})

/** The seed's commission: two keys, one holder each, veto, deputies by name, 90-day approvals. */
export const seedPolicy: Policy = variant((doc) => doc)

/**
 * A principal in two institutions: the Ministry of Economic Development is also affiliated with
 * the Government Apparatus, sponsors initiatives and may act as deputy for Grigorenko. Distinctness
 * (TK2) and no self-approval (TK3) must hold when a principal of two institutions acts. (Naming it a
 * deputy of the Presidential Administration too is refused by the policy checks: TK2.)
 */
export const dualPolicy: Policy = variant((doc) => ({
  ...doc,
  id: 'two-keys-dual',
  principals: doc.principals.map((p) =>
    p.id === 'minek' ? { ...p, affiliations: [GA], roles: ['sponsor', 'ministry', 'deputy'] } : p,
  ),
  keys: doc.keys.map((k) => ({
    ...k,
    deputies: {
      allowed: true,
      maxDays: 14,
      eligible: k.id === PA ? ['pa-aide'] : ['ga-aide', 'minek'],
    },
  })),
}))

/**
 * A council: the Presidential Administration key is 2 of 3 holders without veto, the Government
 * Apparatus key 1 of 2 with veto and one holder who may also sponsor; deputies by institution for
 * up to 5 days; approvals live 7 days; a closed window lapses.
 */
export const councilPolicy: Policy = variant((doc) => ({
  ...doc,
  id: 'council',
  principals: [
    ...doc.principals,
    principal('pa-2', PA, ['council']),
    principal('pa-3', PA, ['council']),
    principal('ga-2', GA, ['council', 'sponsor']),
  ],
  keys: [
    {
      id: PA,
      label: 'Presidential Administration',
      institution: PA,
      holders: ['oreshkin', 'pa-2', 'pa-3'],
      quorum: 2,
      veto: false,
      deputies: { allowed: true, maxDays: 5 },
    },
    {
      id: GA,
      label: 'Government Apparatus',
      institution: GA,
      holders: ['grigorenko', 'ga-2'],
      quorum: 1,
      veto: true,
      deputies: { allowed: true, maxDays: 5 },
    },
  ],
  review: { windowDays: 30, onClose: 'lapse' },
  approvals: { lifetimeDays: 7 },
}))

/**
 * Three keys: the seed's two and a Security Council key (2 of 3, veto, no deputies — though
 * the council has an aide and a window length is set); a title and a summary change are both non-substantive; approvals
 * never expire.
 */
export const threeKeyPolicy: Policy = variant((doc) => ({
  ...doc,
  id: 'three-keys',
  principals: [
    ...doc.principals,
    principal('sc-secretary', 'security-council', ['co-chair']),
    principal('sc-deputy', 'security-council', ['council']),
    principal('sc-member', 'security-council', ['council']),
    principal('sc-aide', 'security-council', ['deputy']),
  ],
  keys: [
    ...(doc.keys ?? []),
    {
      id: 'security-council',
      label: 'Security Council',
      institution: 'security-council',
      holders: ['sc-secretary', 'sc-deputy', 'sc-member'],
      quorum: 2,
      veto: true,
      // A window length is given, but deputies are not allowed.
      deputies: { allowed: false, maxDays: 7 },
    },
  ],
  approvals: { lifetimeDays: null },
  amendments: { substantive: ['objective', 'scope', 'budget'] },
}))

/**
 * The seed with the President's sign-off for initiatives over ₽10 bn (a key that applies by
 * condition), as machines/policies/president-over-10bn.yaml has it.
 */
export const presidentPolicy: Policy = variant((doc) => ({
  ...doc,
  id: 'president-over-10bn',
  principals: [...doc.principals, principal('president', 'presidency', ['president'])],
  keys: [
    ...(doc.keys ?? []),
    {
      id: 'president',
      label: "President's sign-off",
      institution: 'presidency',
      holders: ['president'],
      quorum: 1,
      veto: true,
      appliesIf: 'budget > 10_000_000_000',
    },
  ],
}))

/** A policy file of the repository, validated as the CLI would. */
function shipped(path: string): Policy {
  return PolicySchema.parse(parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')))
}

/**
 * The seed modelled fully (machines/policies/seed.yaml): keys with reach, the President above
 * ₽10 bn, each named ministry accepting a federal rollout, an agency recording destinations.
 */
export const reachPolicy: Policy = shipped('machines/policies/seed.yaml')

/** The seed with the Government's key alone: nobody brings in the governors or the agencies. */
export const oneKeyReachPolicy: Policy = shipped('examples/policies/seed-one-key.yaml')

/** The seed with a routing gap: no rule routes export, so an approved export initiative has nowhere to go. */
export const routingGapDocument = (): PolicyInput => {
  const doc = seedDocument()
  return { ...doc, id: 'routing-gap', routing: (doc.routing ?? []).filter((r) => r.track !== 'export') }
}

/**
 * The routing-gap policy, validated by shape only: PolicySchema accepts it today (see
 * tests/properties/findings.test.ts), but the TK10 mutant must not depend on that.
 */
export const routingGapPolicy: Policy = PolicyShape.parse(routingGapDocument())

/**
 * A holder affiliated with the other key's institution: `liaison` holds the Presidential
 * Administration key but is also of the Government Apparatus. The policy checks refuse it (a
 * principal behind two keys); the TK2 mutant uses it unchecked, as a policy whose checks were skipped.
 */
export const crossHolderDocument = (): PolicyInput => {
  const doc = seedDocument()
  return {
    ...doc,
    id: 'cross-holder',
    principals: [...doc.principals, principal('liaison', PA, ['co-chair'], [GA])],
    keys: doc.keys.map((k) => (k.id === PA ? { ...k, holders: ['oreshkin', 'liaison'] } : k)),
  }
}

export interface PolicyVariant {
  name: string
  policy: Policy
}

/** The variants every model-based property runs on. */
export const POLICY_VARIANTS: readonly PolicyVariant[] = [
  { name: 'seed two-keys', policy: seedPolicy },
  { name: 'dual affiliation', policy: dualPolicy },
  { name: 'council 2-of-3, short lifetime', policy: councilPolicy },
  { name: 'three keys', policy: threeKeyPolicy },
  { name: 'President above ₽10 bn', policy: presidentPolicy },
  { name: 'the seed with reach', policy: reachPolicy },
]

/** The cross-holder policy with only its shape checked: what a broken validator would let through. */
export const crossHolderPolicy: Policy = PolicyShape.parse(crossHolderDocument())
