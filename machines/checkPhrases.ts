import { DAY_MS } from '../src/domain/timeUnits.js'
import { type Phrase, renderPhrase } from './refusalMessages.js'

/**
 * What the checkers say — a counterexample's steps, a violation, a note, why a rule never binds,
 * a warning — as data: a phrase key and its parameters, worded by a catalogue (`CHECK_WORDS`,
 * English; `CHECK_WORDS_RU` in src/verify, Russian). The results keep their English text (tests
 * and the README pin it) and carry the phrase beside it, so any face can word it in its language.
 * Parameters are plain data: ids, numbers, lists of ids, nested phrases; times are ms since the
 * proposal (day 0).
 */
export interface CheckParams {
  // a counterexample's step: one event in words
  'step.propose': { by: string; scope: CheckPhrase }
  'step.submit': { by: string }
  'step.amend': { by: string; fields: string[]; scope: CheckPhrase | null; substantive: boolean }
  'step.decide': { by: string; key: string; decision: 'approve' | 'refuse'; stale: boolean }
  'step.revoke': { by: string; key: string }
  'step.delegate': { by: string; deputy: string; key: string; from: number; until: number; maxDays: number }
  'step.withdraw': { by: string }
  'step.tick': { passed: CheckPhrase[] }
  'step.respond': { by: string; accept: boolean; region: string }
  'step.ministry': { by: string; accept: boolean; ministry: string }
  'step.plenary': { by: string }
  'step.destination': { by: string; destination: string; agreed: boolean }
  'step.complete': { by: string }
  'scope.federal': { objective: string }
  'scope.regional': { objective: string; regions: string[] }
  'scope.export': { objective: string; destinations: string[] }
  'passes.window': Record<string, never>
  'passes.plenary': Record<string, never>
  'passes.expiry': { by: string; key: string }
  'passes.delegationBegins': { deputy: string; key: string }
  'passes.delegationEnds': { deputy: string; key: string }
  // how an invariant was checked, or why it does not apply
  'note.transitions': { transitions: number }
  'note.replayed': { states: number }
  'note.heldOnTransitions': { transitions: number }
  'note.heldOnStates': { states: number }
  'note.deadEnds': { states: number }
  'note.deadEndsPartial': { unexpanded: number }
  'note.orders': { orders: number; starts: number; candidates: number }
  'note.oneKey': Record<string, never>
  'note.noVeto': Record<string, never>
  'note.neverExpire': Record<string, never>
  'note.noReach': Record<string, never>
  // TK10 and TK11 findings
  'found.stuck': { state: string }
  'found.takesNothing': Record<string, never>
  'found.takesOnly': { letters: CheckPhrase[]; more: boolean }
  'found.twoOrders': Record<string, never>
  // rules that never bind
  'idle.expiryInReview': { lifetime: number; window: number; plenary: number | null }
  'idle.expiry': { lifetime: number }
  'idle.deputies': { key: string; why: CheckPhrase | null }
  'idle.deputiesNoInstitution': { institution: string }
  'idle.deputiesNoEligible': Record<string, never>
  'idle.routeMatchesNothing': { rule: number; route: string }
  'idle.routeShadowed': { rule: number; route: string; first: number[] }
  'idle.veto': { key: string; quorum: number; holders: number }
  'idle.conditionNever': { key: string; condition: string }
  'idle.conditionAlways': { key: string; condition: string }
  'idle.reach': { bodies: string[] }
  // warnings
  'warn.unreached': { states: string[] }
  'warn.neverTaken': { command: string; letters: CheckPhrase[] }
  /** A letter of the explorer's alphabet: its English label and the facts another language words it from. */
  letter: {
    label: string
    type: string
    role: string
    actor: string | null
    key: string | null
    variant: string
    region: string | null
    deputy: string | null
  }
  // what an invariant found broken
  'tk1.noApprovalStep': { stage: string }
  'tk1.amendedSince': { stage: string; current: number; hash: string; approved: string }
  'tk1.notTurned': { revision: string; key: string; seats: number; quorum: number }
  'tk1.shownWaived': { key: string; revision: string; condition: string }
  'tk1.shownTurned': { key: string; seats: number; quorum: number; revision: string }
  'tk3.sponsorApproved': { sponsor: string; key: string }
  'tk3.sponsorSeat': { by: string; key: string; sponsor: string }
  'tk4.vetoed': { revision: string; hash: string; by: string; key: string }
  'tk5.amendedNotPending': { revision: string; key: string; state: string }
  'tk8.turned': {
    event: string
    decision: { decision: string; key: string } | null
    key: string
    was: string | null
    stage: string
  }
  'tk8.moved': { event: string; from: string; to: string }
  'tk2.counted': {
    /** Who counts twice: a principal (acting, or whose seat is used) or an institution. */
    kind: 'principal' | 'institution'
    id: string
    first: { key: string; by: string; seat: string | null }
    second: { key: string; by: string; seat: string | null }
    revision: string
  }
  'tk5.namedOther': {
    decision: 'approve' | 'refuse'
    key: string
    by: string
    /** The revision the decision named, or null when it names none of this initiative's. */
    named: number | null
    namedHash: string
    current: number | null
    currentHash: string
  }
  'tk6.decision': { decision: 'approve' | 'refuse'; key: string; problem: CheckPhrase }
  'tk6.delegation': { key: string; holder: string; deputy: string; problem: CheckPhrase }
  'tk6.unknownKey': { key: string }
  'tk6.noDeputies': { key: string }
  'tk6.notHolder': { holder: string; key: string }
  /** Instants as ISO strings, as the recorded events carry them. */
  'tk6.emptyWindow': { from: string; until: string }
  'tk6.tooLong': { days: string; maxDays: number }
  'tk6.notEligible': { deputy: string; key: string }
  'tk6.notHolding': {
    by: string
    key: string
    holders: string[]
    why: 'noDeputies' | 'notEligible' | 'uncovered'
    at: string
  }
  'tk7.approvedStale': { at: string; key: string; lifetime: number; fresh: number; quorum: number }
  'tk7.stillTurned': { key: string; at: string; fresh: number; quorum: number; lifetime: number }
  'tk9.wrongTrack': { track: string; expected: string; objective: string; scope: string }
  'tk9.stageTrack': { stage: string; track: string }
  'tk9.unfriendly': { destinations: string[] }
  'tk9.unanswered': { track: string; waiting: string[] }
  'tk9.outOfRollout': { target: string; stage: string; track: string }
  'tk9.notTarget': { target: string; track: string; targets: string[] }
  'tk9.twice': { target: string; first: boolean; second: boolean }
  'tk9.notRegion': { target: string; by: string }
  'tk9.notGovernor': { region: string; by: string; governor: string }
  'tk9.notMinistry': { ministry: string; by: string }
  'tk9.notAgency': { destination: string; by: string }
  'tk9.notSponsor': { destination: string; by: string; sponsor: string }
  'tk11.orders': {
    /** Each order's events: "holder→key" for a decision, else the event's type. */
    first: string[]
    second: string[]
    /** Each outcome's state value (JSON) and track ("null" when none). */
    firstValue: string
    firstTrack: string
    secondValue: string
    secondTrack: string
  }
  'tk12.differs': { events: number; at: string }
  'tk13.outOfReach': { by: string; role: string; reach: string[] }
  'tk13.notRole': { by: string; role: string }
  // policy holes and reroutes
  'hole.neverProposed': { branch: string }
  /** The machine's refusal reasons, as the rules phrase them (`REFUSAL_MESSAGES`). */
  'hole.refused': { reasons: Phrase[] }
  'hole.neverApproved': { proposer: string; branches: string[] }
  'hole.asFarAsItGets': Record<string, never>
  'hole.cannotApprove': { by: string; key: string; reasons: Phrase[] }
  'reroute.title': { field: string; before: string; after: string }
  'reroute.routed': {
    track: string
    approvals: { by: string; key: string }[]
    field: 'scope' | 'objective'
    rule: number
    /** What was approved: its scope kind and objective (the amended field's value is the one said). */
    scope: string
    objective: string
  }
  'reroute.note': { field: string; why: CheckPhrase }
  'reroute.neverPartly': { scope: string }
  'reroute.noContent': Record<string, never>
  'reroute.amendRefused': Record<string, never>
  'reroute.newRevision': Record<string, never>
  'reroute.notRouted': { track: string }
  // why a search gives no verdict
  'partial.limit': { maxStates: number; expanded: number; states: number; defaultMax: number }
  'partial.violation': { expanded: number; states: number }
  'partial.memory': { bytes: number; expanded: number; states: number }
  'partial.moreMemory': Record<string, never>
}

export type CheckKey = keyof CheckParams

/** A phrase key and its parameters: what a checker says, ready for any language. */
export type CheckPhrase = { [K in CheckKey]: { key: K; params: CheckParams[K] } }[CheckKey]

/** Words a nested phrase in the same language. */
export type Say = (phrase: CheckPhrase) => string

/** A catalogue: for every key, its words from its parameters (a missing key fails the typecheck). */
export type CheckWords = { readonly [K in CheckKey]: (params: CheckParams[K], say: Say) => string }

/**
 * Makes a phrase.
 *
 * @example
 * checkPhrase('step.submit', { by: 'minzifry' }) // { key: 'step.submit', params: { by: 'minzifry' } }
 */
export const checkPhrase = <K extends CheckKey>(key: K, params: CheckParams[K]): CheckPhrase =>
  ({ key, params }) as CheckPhrase

/**
 * A phrase in words, from `words` (English by default; `CHECK_WORDS_RU` words it in Russian).
 *
 * @example
 * sayCheck(checkPhrase('step.submit', { by: 'minzifry' })) // 'minzifry submits it for review'
 */
export function sayCheck(phrase: CheckPhrase, words: CheckWords = CHECK_WORDS): string {
  const say: Say = (p) => sayCheck(p, words)
  return (words[phrase.key] as (params: unknown, say: Say) => string)(phrase.params, say)
}

/** "day 14", "day 30 + 1 ms": ms since the proposal as the explorer's clock reads. */
export function dayWords(sinceProposal: number): string {
  const days = Math.floor(sinceProposal / DAY_MS)
  const rest = sinceProposal - days * DAY_MS
  if (rest === 0) return `day ${days}`
  const h = Math.floor(rest / 3_600_000)
  const m = Math.floor((rest % 3_600_000) / 60_000)
  const ms = rest % 60_000
  const parts = [
    h > 0 ? `${h} h` : '',
    m > 0 ? `${m} min` : '',
    ms > 0 ? (ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`) : '',
  ]
  return `day ${days} + ${parts.filter((p) => p !== '').join(' ')}`
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`
const quoted = (ids: readonly string[]) => ids.map((s) => `"${s}"`).join(', ')
const aDecision = (decision: 'approve' | 'refuse') => (decision === 'approve' ? 'an approval' : 'a refusal')
/** Refusal reasons in English, as the engine writes them ("refused" when it gives none). */
const refusals = (reasons: readonly Phrase[]) => reasons.map((r) => renderPhrase(r)).join('; ') || 'refused'
/** "1,234": a count as the search's messages print it. */
export const countWords = (n: number): string => n.toLocaleString('en')
/** "1,024 MB": a memory bound in bytes, as the search's messages print it. */
export const megabytesWords = (bytes: number): string => `${countWords(Math.round(bytes / 2 ** 20))} MB`
const expandedOf = (expanded: number, states: number) =>
  `after expanding ${countWords(expanded)} of ${countWords(states)} states seen`
const MORE_MEMORY =
  'give the search more memory (--max-memory <MB>, maxHeapBytes in the API; by default 85 % of the heap, which `node --max-old-space-size=<MB>` raises) or make the policy smaller'

/** The checkers' English: the text every result has carried (tests and the README pin it). */
export const CHECK_WORDS: CheckWords = {
  'step.propose': ({ by, scope }, say) => `${by} proposes ${say(scope)}`,
  'step.submit': ({ by }) => `${by} submits it for review`,
  'step.amend': ({ by, fields, scope, substantive }, say) =>
    `${by} amends ${scope !== null ? `the scope to ${say(scope)}` : `the ${fields.join(' and ') || 'content'}`} (${substantive ? 'substantive' : 'not substantive'})`,
  'step.decide': ({ by, key, decision, stale }) =>
    `${by} ${decision === 'approve' ? 'approves' : 'refuses'} ${key}${stale ? ' on a revision that is not the current one' : ''}`,
  'step.revoke': ({ by, key }) => `${by} revokes their approval of ${key}`,
  'step.delegate': ({ by, deputy, key, from, until, maxDays }) =>
    `${by} names ${deputy} deputy for ${key} from ${dayWords(from)} to ${dayWords(until)} (${((until - from) / DAY_MS).toFixed(0)} days; the policy allows ${maxDays})`,
  'step.withdraw': ({ by }) => `${by} withdraws the initiative`,
  'step.tick': ({ passed }, say) =>
    `time passes${passed.length > 0 ? `: ${passed.map(say).join(', ')}` : ''}`,
  'step.respond': ({ by, accept, region }) =>
    `${by} ${accept ? 'accepts' : 'declines'} the rollout in ${region}`,
  'step.ministry': ({ by, accept, ministry }) =>
    `${by} ${accept ? 'accepts' : 'declines'} the federal rollout for ${ministry}`,
  'step.plenary': ({ by }) => `${by} votes in the plenary to return it to its sponsor`,
  'step.destination': ({ by, destination, agreed }) =>
    `${by} records that ${destination} ${agreed ? 'agreed' : 'declined'}`,
  'step.complete': ({ by }) => `${by} completes the rollout`,
  'scope.federal': ({ objective }) => `a federal ${objective} initiative`,
  'scope.regional': ({ objective, regions }) =>
    `a regional ${objective} initiative for ${regions.join(' and ')}`,
  'scope.export': ({ objective, destinations }) =>
    `an ${objective} initiative exporting to ${destinations.join(' and ')}`,
  'passes.window': () => 'the review window closes',
  'passes.plenary': () => 'the plenary session ends',
  'passes.expiry': ({ by, key }) => `${by}'s approval of ${key} expires`,
  'passes.delegationBegins': ({ deputy, key }) => `${deputy}'s delegation for ${key} begins`,
  'passes.delegationEnds': ({ deputy, key }) => `${deputy}'s delegation for ${key} ends`,
  'note.transitions': ({ transitions }) => `checked on all ${transitions} transitions`,
  'note.replayed': ({ states }) => `replayed the paths to ${states} states`,
  'note.heldOnTransitions': ({ transitions }) =>
    `held on the ${transitions} transitions explored; the rest of the space was not explored`,
  'note.heldOnStates': ({ states }) =>
    `held on the ${states} states explored; the rest of the space was not explored`,
  'note.deadEnds': ({ states }) => `searched back from the final states over all ${states} states`,
  'note.deadEndsPartial': ({ unexpanded }) =>
    `searched back from the final states; the ${unexpanded} unexpanded states count as able to finish`,
  'note.orders': ({ orders, starts, candidates }) =>
    `compared up to ${orders} key orders from ${starts} of ${candidates} review starts`,
  'note.oneKey': () => 'the policy has one key',
  'note.noVeto': () => 'no key has veto',
  'note.neverExpire': () => 'approvals never expire',
  'note.noReach': () => 'no key says what it reaches',
  'found.stuck': ({ state }) =>
    `the initiative is stuck in ${state}: no final state (completed, withdrawn, lapsed) can be reached from here`,
  'found.takesNothing': () => 'it takes no command at all',
  'found.takesOnly': ({ letters, more }, say) =>
    `it still takes only: ${letters.map(say).join('; ')}${more ? '; …' : ''}`,
  'found.twoOrders': () => 'the same approvals, in two orders, end in different states',
  'idle.expiryInReview': ({ lifetime, window, plenary }) =>
    `approvals cannot expire before the review ends — lifetime ${lifetime} d ≥ window ${window} d${
      plenary !== null ? ` + plenary ${plenary} d` : ' (then it lapses)'
    }`,
  'idle.expiry': ({ lifetime }) =>
    `no reachable state lets an approval outlive its lifetime of ${lifetime} d while its revision is in review`,
  'idle.deputies': ({ key, why }, say) =>
    `deputies of key "${key}" can never act: no reachable state takes a decision by one${why === null ? '' : ` (${say(why)})`}`,
  'idle.deputiesNoInstitution': ({ institution }) =>
    `no principal but its holders belongs to "${institution}"`,
  'idle.deputiesNoEligible': () => 'none of its eligible deputies is a principal who can be named',
  'idle.routeMatchesNothing': ({ rule, route }) =>
    `routing[${rule}] (${route}) never decides a track — it matches no initiative the policy can express`,
  'idle.routeShadowed': ({ rule, route, first }) =>
    `routing[${rule}] (${route}) never decides a track — ${first.map((r) => `routing[${r}]`).join(', ')} ${first.length === 1 ? 'takes' : 'take'} every initiative it matches first (first match wins)`,
  'idle.veto': ({ key, quorum, holders }) =>
    `the veto of key "${key}" never matters — with a quorum of ${quorum} of its ${plural(holders, 'holder')}, one refusal already leaves too few holders to turn it`,
  'idle.conditionNever': ({ key, condition }) =>
    `key "${key}" never applies — no initiative the policy allows meets "${condition}", so it is waived for every one`,
  'idle.conditionAlways': ({ key, condition }) =>
    `the condition of key "${key}" always holds — "${condition}" is true of every initiative the policy allows, so the key applies to all of them`,
  'idle.reach': ({ bodies }) =>
    `every body that answers a rollout (${bodies.join(', ')}) is brought in by a key that applies to every initiative, so no answer can fall outside the approvers' reach`,
  'warn.unreached': ({ states }) =>
    `no run enters ${states.length === 1 ? 'state' : 'states'} ${quoted(states)} of the chart`,
  'warn.neverTaken': ({ command, letters }, say) =>
    `${command} is never taken from any reachable state, though the policy means it to be: ${letters.map(say).join('; ')}`,
  letter: ({ label }) => label,
  'tk1.noApprovalStep': ({ stage }) =>
    `the initiative is in "${stage}" but no step into approval was recorded`,
  'tk1.amendedSince': ({ stage, current, hash, approved }) =>
    `the initiative is in "${stage}" on revision ${current} (${hash}), but was approved on revision ${approved} and amended substantively since`,
  'tk1.notTurned': ({ revision, key, seats, quorum }) =>
    `approved on revision ${revision} with key "${key}" not turned: ${seats} of ${quorum} required holder seats approved it`,
  'tk1.shownWaived': ({ key, revision, condition }) =>
    `key "${key}" shows waived on revision ${revision}, but it applies to its content (${condition})`,
  'tk1.shownTurned': ({ key, seats, quorum, revision }) =>
    `key "${key}" shows turned with ${seats} of ${quorum} required approvals on the current revision ${revision}`,
  'tk3.sponsorApproved': ({ sponsor, key }) =>
    `the sponsor "${sponsor}" approved key "${key}" of its own initiative`,
  'tk3.sponsorSeat': ({ by, key, sponsor }) =>
    `"${by}" approved key "${key}" on the seat of the sponsor "${sponsor}"`,
  'tk4.vetoed': ({ revision, hash, by, key }) =>
    `revision ${revision} (${hash}) was approved although "${by}" refused it for key "${key}", which has veto`,
  'tk5.amendedNotPending': ({ revision, key, state }) =>
    `the amendment made revision ${revision}, but key "${key}" is "${state}" instead of starting again as pending`,
  'tk8.turned': ({ event, decision, key, was, stage }) =>
    `a ${event}${decision === null ? '' : ` (${decision.decision} of "${decision.key}")`} turned key "${key}" (was ${was ?? `not in review but "${stage}"`})`,
  'tk8.moved': ({ event, from, to }) =>
    `a ${event} moved the initiative from "${from}" to "${to}"; only an approval may`,
  'tk2.counted': ({ kind, id, first, second, revision }) =>
    `${kind} "${id}" counts toward both key "${first.key}" (via "${first.by}" for seat "${first.seat}") and key "${second.key}" (via "${second.by}" for seat "${second.seat}") on revision ${revision}`,
  'tk5.namedOther': ({ decision, key, by, named, namedHash, current, currentHash }) =>
    `${aDecision(decision)} of key "${key}" by "${by}" was accepted naming ${named === null ? `"${namedHash}", no revision of this initiative,` : `revision ${named} (${namedHash})`} while the current revision was ${current ?? 'none'} (${currentHash})`,
  'tk6.decision': ({ decision, key, problem }, say) =>
    `${aDecision(decision)} of key "${key}" was recorded without authority: ${say(problem)}`,
  'tk6.delegation': ({ key, holder, deputy, problem }, say) =>
    `a delegation of key "${key}" from "${holder}" to "${deputy}" was recorded that the policy does not allow: ${say(problem)}`,
  'tk6.unknownKey': ({ key }) => `key "${key}" is not in the policy`,
  'tk6.noDeputies': ({ key }) => `key "${key}" allows no deputies`,
  'tk6.notHolder': ({ holder, key }) => `"${holder}" does not hold key "${key}"`,
  'tk6.emptyWindow': ({ from, until }) => `the window ${from} → ${until} is empty`,
  'tk6.tooLong': ({ days, maxDays }) =>
    `the window of ${days} days is longer than the ${maxDays} days allowed`,
  'tk6.notEligible': ({ deputy, key }) => `"${deputy}" may not be deputy for key "${key}"`,
  'tk6.notHolding': ({ by, key, holders, why, at }) =>
    `"${by}" does not hold key "${key}" (holders: ${quoted(holders)}) and ${
      why === 'noDeputies'
        ? 'the key allows no deputies'
        : why === 'notEligible'
          ? 'may not be its deputy'
          : `no allowed delegation recorded before it covers ${at}`
    }`,
  'tk7.approvedStale': ({ at, key, lifetime, fresh, quorum }) =>
    `approved at ${at} with key "${key}" counting approvals older than ${lifetime} days: only ${fresh} of ${quorum} were fresh`,
  'tk7.stillTurned': ({ key, at, fresh, quorum, lifetime }) =>
    `key "${key}" still shows turned at ${at} with only ${fresh} of ${quorum} approvals younger than ${lifetime} days`,
  'tk9.wrongTrack': ({ track, expected, objective, scope }) =>
    `the initiative took track "${track}" but its routing rules give "${expected}" for objective "${objective}" and scope "${scope}"`,
  'tk9.stageTrack': ({ stage, track }) => `the initiative is in "${stage}" but its track is "${track}"`,
  'tk9.unfriendly': ({ destinations }) =>
    `export goes to ${quoted(destinations)}, not on the friendly-destinations list`,
  'tk9.unanswered': ({ track, waiting }) =>
    `the ${track} rollout completed without an answer from ${quoted(waiting)}`,
  'tk9.outOfRollout': ({ target, stage, track }) =>
    `"${target}" answered while the initiative was in "${stage}", not in the ${track} rollout`,
  'tk9.notTarget': ({ target, track, targets }) =>
    `"${target}" answered, but the ${track} rollout reaches only ${quoted(targets)}`,
  'tk9.twice': ({ target, first, second }) => `"${target}" answered twice (${first} → ${second})`,
  'tk9.notRegion': ({ target, by }) =>
    `"${target}" answered through a RESPOND by "${by}", but it is not a region of the policy: only a region's own governor may answer for it`,
  'tk9.notGovernor': ({ region, by, governor }) =>
    `region "${region}" answered through a RESPOND by "${by}"; only its governor "${governor}" may answer for it`,
  'tk9.notMinistry': ({ ministry, by }) =>
    `ministry "${ministry}" answered through a MINISTRY by "${by}"; only the ministry itself may answer`,
  'tk9.notAgency': ({ destination, by }) =>
    `destination "${destination}" was recorded through a DESTINATION by "${by}", which is not an agency of the policy`,
  'tk9.notSponsor': ({ destination, by, sponsor }) =>
    `destination "${destination}" was recorded through a DESTINATION by "${by}", not by the sponsor "${sponsor}"`,
  'tk11.orders': ({ first, second, firstValue, firstTrack, secondValue, secondTrack }) =>
    `approving in the order [${first.join(', ')}] ends in ${firstValue} (track ${firstTrack}), but [${second.join(', ')}] ends in ${secondValue} (track ${secondTrack})`,
  'tk12.differs': ({ events, at }) =>
    `folding the ${events} accepted events does not reproduce the snapshot: they differ at ${at}`,
  'tk13.outOfReach': ({ by, role, reach }) =>
    `"${by}" answered as a ${role}, but no key that approved the initiative brings a ${role} in (their reach: ${reach.length === 0 ? 'none' : quoted(reach)})`,
  'tk13.notRole': ({ by, role }) => `"${by}" answered as a ${role} but is not one in the policy`,
  'hole.neverProposed': ({ branch }) => `no ${branch} initiative can ever be proposed`,
  'hole.refused': ({ reasons }) => `the machine refuses it: ${refusals(reasons)}`,
  'hole.neverApproved': ({ proposer, branches }) =>
    `no initiative ${proposer} proposes (${branches.join(', ')}) can ever be approved`,
  'hole.asFarAsItGets': () => 'this is as far as it gets: no sequence of commands from here approves it',
  'hole.cannotApprove': ({ by, key, reasons }) => `${by} cannot approve ${key}: ${refusals(reasons)}`,
  'reroute.title': ({ field, before, after }) =>
    `an initiative approved as ${before} can be amended to ${after} and keep its approvals (amendments.substantive leaves out "${field}")`,
  'reroute.routed': ({ track, approvals, field, rule, scope, objective }) =>
    `routed to ${track} on the approval${approvals.length === 1 ? '' : 's'} ${approvals.map((d) => `${d.by} gave for ${d.key}`).join(' and ')} on ${
      field === 'scope'
        ? `${/^[aeiou]/.test(scope) ? 'an' : 'a'} ${scope} initiative`
        : `an initiative with objective ${objective}`
    }: amendments.substantive leaves out "${field}", which routing[${rule}] reads; add "${field}" to amendments.substantive`,
  'reroute.note': ({ field, why }, say) =>
    `amendments.substantive leaves out "${field}", which routing reads, but ${say(why)}`,
  'reroute.neverPartly': ({ scope }) => `no reachable ${scope} initiative is ever partly approved`,
  'reroute.noContent': () => 'the explorer has no content to amend it to',
  'reroute.amendRefused': () => 'the machine refuses the amendment',
  'reroute.newRevision': () => 'the amendment makes a new revision',
  'reroute.notRouted': ({ track }) => `the amended initiative is not routed to ${track}`,
  'partial.limit': ({ maxStates, expanded, states, defaultMax }) =>
    `the exploration stopped at the limit of ${countWords(maxStates)} states (--max-states) ${expandedOf(expanded, states)}; raise --max-states (maxStates; default ${countWords(defaultMax)}) for a verdict`,
  'partial.violation': ({ expanded, states }) =>
    `the exploration stopped at the first violation (stopAtFirstViolation) ${expandedOf(expanded, states)}; run without it for a verdict on every invariant`,
  'partial.memory': ({ bytes, expanded, states }) =>
    `the exploration stopped at the memory bound of ${megabytesWords(bytes)} ${expandedOf(expanded, states)}; ${MORE_MEMORY}, for a verdict`,
  'partial.moreMemory': () => MORE_MEMORY,
}
