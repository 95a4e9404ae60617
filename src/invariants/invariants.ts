import type { Policy } from '../policy/PolicySchema.js'
import type { InvariantInfo, InvariantStep, StepInvariant, Violation } from './Invariant.js'
import { tk1DualKey } from './tk1DualKey.js'
import { tk2Distinct } from './tk2Distinct.js'
import { tk3NoSelfApproval } from './tk3NoSelfApproval.js'
import { tk4Veto } from './tk4Veto.js'
import { tk5Fresh } from './tk5Fresh.js'
import { tk6Authority } from './tk6Authority.js'
import { tk7Expiry } from './tk7Expiry.js'
import { tk8NoBypass } from './tk8NoBypass.js'
import { tk9Routing } from './tk9Routing.js'
import { tk10NoDeadEnds } from './tk10NoDeadEnds.js'
import { tk11OrderFree } from './tk11OrderFree.js'
import { tk12Replay } from './tk12Replay.js'
import { tk13Reach } from './tk13Reach.js'

/** The invariants checked on every step of an initiative (TK1–TK9, TK13). */
export const STEP_INVARIANTS: readonly StepInvariant[] = [
  tk1DualKey,
  tk2Distinct,
  tk3NoSelfApproval,
  tk4Veto,
  tk5Fresh,
  tk6Authority,
  tk7Expiry,
  tk8NoBypass,
  tk9Routing,
  tk13Reach,
]

const info = ({ id, name, statement, scope }: InvariantInfo): InvariantInfo => ({
  id,
  name,
  statement,
  scope,
})

/** DESIGN.md's invariants table, in order: id, name, statement and how each is checked. */
export const INVARIANTS: readonly InvariantInfo[] = [
  ...STEP_INVARIANTS.filter((i) => i !== tk13Reach),
  tk10NoDeadEnds,
  tk11OrderFree,
  tk12Replay,
  tk13Reach,
].map(info)

/**
 * Checks every step invariant (TK1–TK9, TK13) on one accepted event; violations are data, never thrown.
 * TK10 (`canReachFinal`), TK11 (orders of approvals) and TK12 (replay) look beyond one step and
 * have their own checks.
 *
 * @example
 * checkInvariants(policy, { before, event, after }) // [] when the step keeps every invariant
 */
export function checkInvariants(policy: Policy, step: InvariantStep): Violation[] {
  return STEP_INVARIANTS.flatMap((invariant) => invariant.check(policy, step))
}
