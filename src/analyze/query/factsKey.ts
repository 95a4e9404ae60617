import { DAY_MS } from '../../../machines/facts.js'
import type { InitiativeContext } from '../../../machines/InitiativeContext.js'
import type { Policy } from '../../policy/PolicySchema.js'
import { factValue } from './evaluateQuery.js'
import type { ParsedQuery } from './ParsedQuery.js'
import type { StateFacts } from './stateFacts.js'

/**
 * What the search keeps apart besides the explorer's abstract state: the facts the query reads,
 * and what those facts are computed from where the abstract state forgets it.
 *
 * The explorer's key drops what no rule reads again — who approved once the initiative is out of
 * review, the revision number, the clock, the content of a final state — so two stories the query
 * tells apart may share an abstract state. Adding the read facts (and their inputs) to the key
 * makes states equal only when their facts are, and then the facts of their successors are equal
 * too: each fact is a function of the abstract state and of what this key adds, and the machine
 * changes it only through the event (a decision appends a fact, time moves by an offset the
 * abstract state keeps, an amendment adds one to the revision).
 *
 * Numbers are kept only as far as the query can tell them apart: revisions above the largest one
 * it names compare alike, and so do times past the largest number of days it names. That keeps the
 * space finite (revisions and the clock grow without end) and loses no answer.
 */
export function factsKey(
  policy: Policy,
  query: ParsedQuery,
  facts: StateFacts,
  snapshot: { status: string; context: InitiativeContext },
): string {
  const context = snapshot.context
  const parts: string[] = []
  for (const field of query.fields) {
    if (field === 'revision') parts.push(String(Math.min(facts.revision, (query.revisionBound ?? 0) + 1)))
    else if (field === 'days') parts.push(daysPart(context, query.daysBound ?? 0))
    else parts.push(JSON.stringify(factValue(facts, field)))
  }
  // No time passes after approval (no tick is offered) nor in a final state (no event is).
  const timeStops = snapshot.status !== 'active' || context.approvedAt !== null
  // A status reads the decisions in every phase; who turned a key, only in review (where the
  // abstract state keeps them) and once approved (where it forgets them: they no longer change).
  if (query.readsKeyStatus || (query.readsKeys && context.approvedAt !== null))
    parts.push(decisionsPart(policy, context, timeStops))
  return parts.join('|')
}

/** Time since the latest submission, exact up to just past the largest number of days named. */
function daysPart(context: InitiativeContext, bound: number): string {
  if (context.submittedAt === null) return '-'
  return String(Math.min(context.now - context.submittedAt, bound * DAY_MS + 1))
}

/**
 * The decisions a key's status reads (the key board reads them in every phase; the abstract state
 * keeps them only in review): who, in whose seat, what, on which revision, and for an approval how
 * old — exact up to the approvals' lifetime while time can still pass; once it cannot (approved,
 * or a final state), only whether it is still fresh. A revoked approval counts nowhere and a
 * refusal never expires, so neither keeps more.
 */
function decisionsPart(policy: Policy, context: InitiativeContext, timeStops: boolean): string {
  const lifetime = policy.approvals.lifetimeDays
  const oldest = lifetime === null ? 0 : lifetime * DAY_MS + 1
  const age = (at: number) => {
    const a = Math.min(context.now - at, oldest)
    return timeStops ? (a < oldest ? 'f' : 'x') : String(a)
  }
  const decisions = context.decisions
    .filter((d) => d.revokedAt === undefined)
    .map(
      (d) =>
        `${d.key}:${d.by}>${d.seat}${d.revision === context.revision.hash ? '' : 'o'}${
          d.decision === 'approve' ? `+${age(d.at)}` : '-'
        }`,
    )
    .sort()
  return `${decisions.join(',')};${[...context.approvedEarlier].sort().join(',')};${context.approvedAt === null ? 0 : 1}`
}
