import type { InitiativeMachine } from '../../machines/initiative.js'
import { searchError } from '../explore/searchMessages.js'
import type { InvariantId } from '../invariants/Invariant.js'
import type { Policy } from '../policy/PolicySchema.js'
import { MUTANT_CATALOGUE, type ShippedPolicyName } from './mutantCatalogue.js'

/**
 * A deliberately broken machine or policy that `twokeys verify` must catch: a realistic mistake a
 * modeller or a developer could make, and the invariant the verifier must catch it breaking. One
 * view of the mutant catalogue (`MUTANT_CATALOGUE`), whose entries also say which property tests
 * must catch them.
 */
export interface CataloguedBug {
  name: string
  /** The mistake, in one line. */
  title: string
  /** What goes wrong, and why the validator or the machine does not stop it. */
  explanation: string
  /** Invariants the verifier must report violated, or 'hole' for a policy hole (it may report more). */
  breaks: (InvariantId | 'hole')[]
  /** The shipped policy (machines/policies/<name>.yaml) the bug is shown on. */
  basePolicy: ShippedPolicyName
  level: 'machine' | 'policy'
  /** Builds the broken policy and machine from the base policy. */
  build(policy: Policy): { policy: Policy; machine: InitiativeMachine }
}

/**
 * The catalogue's entries that `verify` must catch, as `twokeys verify --bug <name>` runs them on
 * their shipped policy; the verifier's tests require each to be reported, with a counterexample,
 * against the invariants in `breaks`.
 *
 * @example
 * const bug = findBug('deputy-ignores-window')
 * const { policy, machine } = bug.build(loadPolicyFile('machines/policies/two-keys.yaml'))
 * verify(policy, { machine }).invariants.find((i) => i.id === 'TK6')?.status // 'violated'
 */
export const BUG_CATALOGUE: readonly CataloguedBug[] = MUTANT_CATALOGUE.flatMap(
  ({ name, title, explanation, level, caughtBy: { verify }, build }) =>
    verify === undefined
      ? []
      : [{ name, title, explanation, breaks: verify.breaks, basePolicy: verify.basePolicy, level, build }],
)

/** The catalogued bug called `name`, or a TwoKeysError listing the names (a phrase: `bug.unknown`). */
export function findBug(name: string): CataloguedBug {
  const bug = BUG_CATALOGUE.find((b) => b.name === name)
  if (bug !== undefined) return bug
  throw searchError('COMMAND_INVALID', 'bug.unknown', { name, names: BUG_CATALOGUE.map((b) => b.name) })
}
