import type { InitiativeMachine } from '../../machines/initiative.js'
import type { InvariantId } from '../../src/invariants/Invariant.js'
import type { Policy } from '../../src/policy/PolicySchema.js'
import {
  type CataloguedMutant,
  MUTANT_CATALOGUE,
  type PropertyPolicyName,
} from '../../src/verify/mutantCatalogue.js'
import {
  councilPolicy,
  crossHolderPolicy,
  oneKeyReachPolicy,
  presidentPolicy,
  reachPolicy,
  routingGapPolicy,
  seedPolicy,
  threeKeyPolicy,
} from './policies.js'

// The property tests' mutants are the entries of the one mutant catalogue
// (src/verify/mutantCatalogue.ts) that name a property, each built on its policy variant, so
// that every invariant test can be seen to fail.

/** The policy variant each catalogue name stands for. */
export const PROPERTY_POLICIES: Readonly<Record<PropertyPolicyName, Policy>> = {
  'two-keys': seedPolicy,
  'council-2-of-3': councilPolicy,
  'three-keys': threeKeyPolicy,
  'president-over-10bn': presidentPolicy,
  seed: reachPolicy,
  'seed-one-key': oneKeyReachPolicy,
  'routing-gap': routingGapPolicy,
  'cross-holder': crossHolderPolicy,
}

export interface Mutant {
  /** The catalogue's name for it. */
  name: string
  /** The mistake, in one line. */
  title: string
  /** The invariant the mutant must be caught breaking. */
  breaks: InvariantId
  policy: Policy
  machine: InitiativeMachine
  /** Which property catches it: the model-based one, or TK11's order property. */
  property: 'machine' | 'order'
}

/** The catalogue's entries that a property must catch. */
export const PROPERTY_MUTANTS: readonly CataloguedMutant[] = MUTANT_CATALOGUE.filter(
  (m) => m.caughtBy.property !== undefined,
)

/** Each entry a property must catch, built (afresh: a machine may hold state) on its policy variant. */
export function buildMutants(): Mutant[] {
  return PROPERTY_MUTANTS.flatMap(({ name, title, caughtBy: { property }, build }) => {
    if (property === undefined) return []
    const { policy, machine } = build(PROPERTY_POLICIES[property.policy])
    return [{ name, title, breaks: property.breaks, policy, machine, property: property.kind }]
  })
}
