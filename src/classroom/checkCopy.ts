import { createInitiativeMachine } from '../../machines/initiative.js'
import { keyringCheck } from '../audit/keyringCheck.js'
import { replayInitiative } from '../audit/replayInitiative.js'
import { type AuditHead, type AuditResult, verifyAudit } from '../audit/verifyAudit.js'
import type { SignatureCheck } from '../ledger/replayChecked.js'
import type { Policy } from '../policy/PolicySchema.js'
import type { RecordedEvent, Store } from '../stores/Store.js'
import type { CheckFinding, ForgeryCheck } from './ClassroomFeed.js'

/** Groups a log's events by initiative, in the order the log gives them. */
function byInitiative(events: readonly RecordedEvent[]): Map<string, RecordedEvent[]> {
  const groups = new Map<string, RecordedEvent[]>()
  for (const e of events) groups.set(e.initiativeId, [...(groups.get(e.initiativeId) ?? []), e])
  return groups
}

/**
 * Three checks on a copy of the log, each as a verifier outside the server would run it:
 * `chain` (every hash and link, `verifyAudit`), `signatures` (each signed command verifies under
 * the store's keyring and asks for exactly the event recorded, replayed under the rules), `heads`
 * (the chain against the heads the class saw published before the copy was made). In that order:
 * the first that fails is the one that caught the forgery.
 *
 * @example
 * const checks = await checkCopy(forged, { heads, policy, policyHash, store })
 * checks.find((c) => !c.ok)?.check // 'heads'
 */
export async function checkCopy(
  events: readonly RecordedEvent[],
  context: { heads: Record<string, AuditHead>; policy: Policy; policyHash: string; store: Store },
): Promise<ForgeryCheck[]> {
  const chain = verifyAudit(events)
  const anchored = verifyAudit(events, { heads: context.heads })
  const keyrings = await keyringCheck(context.store)
  const machine = createInitiativeMachine(context.policy)
  let signatures: ForgeryCheck = {
    check: 'signatures',
    ok: true,
    message: 'every signed command verifies and asks for the event recorded',
    finding: { problem: 'passed', events: events.length },
  }
  let offset = 0
  for (const [initiativeId, own] of byInitiative(events)) {
    const check = keyrings.signaturesFor(context.policyHash, context.policy, own)
    const replay = (signed?: SignatureCheck) =>
      replayInitiative({
        machine,
        policyHash: context.policyHash,
        initiativeId,
        events: own,
        offset,
        ...(signed === undefined ? {} : { signatures: signed }),
      }).rule
    const rule = replay(check)
    if (rule !== undefined) {
      // Where the rules alone take the event, only its signed command can be what failed.
      const unsigned = check === undefined ? rule : replay()
      const problem = unsigned?.position === rule.position ? 'rules' : 'signature'
      signatures = {
        check: 'signatures',
        ok: false,
        message: rule.message,
        finding: { problem, position: rule.position, initiativeId, seq: rule.seq },
      }
      break
    }
    offset += own.length
  }
  return [
    {
      check: 'chain',
      ok: chain.ok,
      message: chain.ok ? `${chain.count} events: every hash and link checks out` : chain.message,
      finding: findingOf(chain),
    },
    signatures,
    {
      check: 'heads',
      ok: anchored.ok,
      message: anchored.ok ? 'the copy still ends at the heads published before it' : anchored.message,
      finding: findingOf(anchored),
    },
  ]
}

/** A chain check's result as data: passed, or the first bad position and what was done there. */
function findingOf(result: AuditResult): CheckFinding {
  return result.ok
    ? { problem: 'passed', events: result.count }
    : {
        problem: result.problem,
        position: result.position,
        initiativeId: result.initiativeId,
        seq: result.seq,
      }
}
