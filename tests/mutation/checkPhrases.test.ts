import { describe, expect, it } from 'vitest'
import {
  CHECK_WORDS,
  type CheckPhrase,
  countWords,
  dayWords,
  megabytesWords,
  checkPhrase as p,
  sayCheck,
} from '../../machines/checkPhrases.js'
import { phrase } from '../../machines/refusalMessages.js'
import { DAY_MS } from '../../src/domain/timeUnits.js'

// Mutation testing of machines/checkPhrases.ts (README "Tests that would notice"): the checkers'
// English is what `verify`, `diff`, `query` and the page print, and the README quotes it. Most of
// its phrases reach a test only through a counterexample some catalogued bug happens to produce,
// so every key is worded here once per branch of its words, and the text is pinned below.

const federal = p('scope.federal', { objective: 'infrastructure' })
const regional = p('scope.regional', { objective: 'health', regions: ['tatarstan', 'novosibirsk'] })
const exported = p('scope.export', { objective: 'education', destinations: ['belarus', 'kazakhstan'] })
const window = p('passes.window', {})
const refusedBecause = [
  phrase('text', { text: 'the window is closed' }),
  phrase('text', { text: 'no quorum' }),
]
const letter = (label: string) =>
  p('letter', {
    label,
    type: 'DECIDE',
    role: 'holder',
    actor: 'oreshkin',
    key: 'presidential-administration',
    variant: 'approve',
    region: null,
    deputy: null,
  })

/** One phrase per branch of every key's words. */
const samples: CheckPhrase[] = [
  p('step.propose', { by: 'minzifry', scope: federal }),
  p('step.submit', { by: 'minzifry' }),
  p('step.amend', { by: 'minzifry', fields: ['budget', 'summary'], scope: null, substantive: true }),
  p('step.amend', { by: 'minzifry', fields: [], scope: null, substantive: false }),
  p('step.amend', { by: 'minzifry', fields: ['scope'], scope: exported, substantive: true }),
  p('step.decide', { by: 'oreshkin', key: 'pa', decision: 'approve', stale: false }),
  p('step.decide', { by: 'grigorenko', key: 'ga', decision: 'refuse', stale: true }),
  p('step.revoke', { by: 'oreshkin', key: 'pa' }),
  p('step.delegate', {
    by: 'oreshkin',
    deputy: 'pa-aide',
    key: 'pa',
    from: DAY_MS,
    until: 8 * DAY_MS,
    maxDays: 14,
  }),
  p('step.withdraw', { by: 'minzifry' }),
  p('step.tick', { passed: [] }),
  p('step.tick', {
    passed: [
      window,
      p('passes.plenary', {}),
      p('passes.expiry', { by: 'oreshkin', key: 'pa' }),
      p('passes.delegationBegins', { deputy: 'pa-aide', key: 'pa' }),
      p('passes.delegationEnds', { deputy: 'pa-aide', key: 'pa' }),
    ],
  }),
  p('step.respond', { by: 'gov-tatarstan', accept: true, region: 'tatarstan' }),
  p('step.respond', { by: 'gov-tatarstan', accept: false, region: 'tatarstan' }),
  p('step.ministry', { by: 'minek', accept: true, ministry: 'minek' }),
  p('step.ministry', { by: 'minek', accept: false, ministry: 'minek' }),
  p('step.plenary', { by: 'mid' }),
  p('step.destination', { by: 'mid', destination: 'belarus', agreed: true }),
  p('step.destination', { by: 'mid', destination: 'belarus', agreed: false }),
  p('step.complete', { by: 'minzifry' }),
  p('step.propose', { by: 'minek', scope: regional }),
  p('note.transitions', { transitions: 1371 }),
  p('note.replayed', { states: 190 }),
  p('note.heldOnTransitions', { transitions: 12 }),
  p('note.heldOnStates', { states: 7 }),
  p('note.deadEnds', { states: 190 }),
  p('note.deadEndsPartial', { unexpanded: 3 }),
  p('note.orders', { orders: 6, starts: 20, candidates: 41 }),
  p('note.oneKey', {}),
  p('note.noVeto', {}),
  p('note.neverExpire', {}),
  p('note.noReach', {}),
  p('found.stuck', { state: 'approved' }),
  p('found.takesNothing', {}),
  p('found.takesOnly', { letters: [letter('oreshkin approves'), letter('tick')], more: false }),
  p('found.takesOnly', { letters: [letter('oreshkin approves')], more: true }),
  p('found.twoOrders', {}),
  p('idle.expiryInReview', { lifetime: 90, window: 30, plenary: 14 }),
  p('idle.expiryInReview', { lifetime: 30, window: 30, plenary: null }),
  p('idle.expiry', { lifetime: 10 }),
  p('idle.deputies', { key: 'pa', why: null }),
  p('idle.deputies', { key: 'pa', why: p('idle.deputiesNoInstitution', { institution: 'pa' }) }),
  p('idle.deputies', { key: 'ga', why: p('idle.deputiesNoEligible', {}) }),
  p('idle.routeMatchesNothing', { rule: 2, route: 'export' }),
  p('idle.routeShadowed', { rule: 3, route: 'federal', first: [0] }),
  p('idle.routeShadowed', { rule: 3, route: 'federal', first: [0, 1] }),
  p('idle.veto', { key: 'pa', quorum: 1, holders: 1 }),
  p('idle.veto', { key: 'council', quorum: 3, holders: 3 }),
  p('idle.conditionNever', { key: 'president', condition: 'budget > 1e12' }),
  p('idle.conditionAlways', { key: 'president', condition: 'budget >= 0' }),
  p('idle.reach', { bodies: ['governors', 'ministries'] }),
  p('warn.unreached', { states: ['exportRollout'] }),
  p('warn.unreached', { states: ['exportRollout', 'lapsed'] }),
  p('warn.neverTaken', {
    command: 'REVOKE',
    letters: [letter('oreshkin revokes'), letter('grigorenko revokes')],
  }),
  p('tk1.noApprovalStep', { stage: 'federalRollout' }),
  p('tk1.amendedSince', { stage: 'approved', current: 2, hash: 'abc', approved: '1' }),
  p('tk1.notTurned', { revision: '1', key: 'ga', seats: 1, quorum: 2 }),
  p('tk1.shownWaived', { key: 'president', revision: '1', condition: 'budget > 1e10' }),
  p('tk1.shownTurned', { key: 'ga', seats: 0, quorum: 1, revision: '2' }),
  p('tk3.sponsorApproved', { sponsor: 'minzifry', key: 'ga' }),
  p('tk3.sponsorSeat', { by: 'ga-aide', key: 'ga', sponsor: 'grigorenko' }),
  p('tk4.vetoed', { revision: '1', hash: 'd7449c0b822f', by: 'grigorenko', key: 'ga' }),
  p('tk5.amendedNotPending', { revision: '2', key: 'pa', state: 'turned' }),
  p('tk8.turned', { event: 'TICK', decision: null, key: 'pa', was: 'pending', stage: 'review' }),
  p('tk8.turned', {
    event: 'DECIDE',
    decision: { decision: 'refuse', key: 'ga' },
    key: 'pa',
    was: null,
    stage: 'draft',
  }),
  p('tk8.moved', { event: 'PLENARY', from: 'review', to: 'approved' }),
  p('tk2.counted', {
    kind: 'principal',
    id: 'oreshkin',
    first: { key: 'pa', by: 'oreshkin', seat: 'oreshkin' },
    second: { key: 'ga', by: 'ga-aide', seat: 'grigorenko' },
    revision: '1',
  }),
  p('tk2.counted', {
    kind: 'institution',
    id: 'presidential-administration',
    first: { key: 'pa', by: 'oreshkin', seat: 'oreshkin' },
    second: { key: 'ga', by: 'pa-aide', seat: 'grigorenko' },
    revision: '3',
  }),
  p('tk5.namedOther', {
    decision: 'approve',
    key: 'pa',
    by: 'oreshkin',
    named: 1,
    namedHash: 'aaa',
    current: 2,
    currentHash: 'bbb',
  }),
  p('tk5.namedOther', {
    decision: 'refuse',
    key: 'ga',
    by: 'grigorenko',
    named: null,
    namedHash: 'zzz',
    current: null,
    currentHash: '',
  }),
  p('tk6.decision', { decision: 'approve', key: 'pa', problem: p('tk6.unknownKey', { key: 'pa' }) }),
  p('tk6.delegation', {
    key: 'ga',
    holder: 'grigorenko',
    deputy: 'ga-aide',
    problem: p('tk6.noDeputies', { key: 'ga' }),
  }),
  p('tk6.notHolder', { holder: 'oreshkin', key: 'ga' }),
  p('tk6.emptyWindow', { from: '2026-03-02T00:00:00.000Z', until: '2026-03-01T00:00:00.000Z' }),
  p('tk6.tooLong', { days: '30.5', maxDays: 14 }),
  p('tk6.notEligible', { deputy: 'pa-aide', key: 'ga' }),
  p('tk6.notHolding', {
    by: 'pa-aide',
    key: 'pa',
    holders: ['oreshkin'],
    why: 'noDeputies',
    at: '2026-03-01T00:00:00.000Z',
  }),
  p('tk6.notHolding', {
    by: 'ga-aide',
    key: 'pa',
    holders: ['oreshkin', 'second'],
    why: 'notEligible',
    at: 'x',
  }),
  p('tk6.notHolding', {
    by: 'pa-aide',
    key: 'pa',
    holders: ['oreshkin'],
    why: 'uncovered',
    at: '2026-03-09T00:00:00.000Z',
  }),
  p('tk7.approvedStale', { at: '2026-06-01T00:00:00.000Z', key: 'pa', lifetime: 30, fresh: 0, quorum: 1 }),
  p('tk7.stillTurned', { key: 'ga', at: '2026-06-01T00:00:00.000Z', fresh: 1, quorum: 2, lifetime: 30 }),
  p('tk9.wrongTrack', { track: 'export', expected: 'federal', objective: 'health', scope: 'federal' }),
  p('tk9.stageTrack', { stage: 'regionalRollout', track: 'federal' }),
  p('tk9.unfriendly', { destinations: ['atlantis', 'utopia'] }),
  p('tk9.unanswered', { track: 'regional', waiting: ['tatarstan'] }),
  p('tk9.outOfRollout', { target: 'tatarstan', stage: 'review', track: 'regional' }),
  p('tk9.notTarget', { target: 'nizhny-novgorod', track: 'regional', targets: ['tatarstan', 'novosibirsk'] }),
  p('tk9.twice', { target: 'tatarstan', first: true, second: false }),
  p('tk9.notRegion', { target: 'atlantis', by: 'gov-tatarstan' }),
  p('tk9.notGovernor', { region: 'tatarstan', by: 'gov-nizhny', governor: 'gov-tatarstan' }),
  p('tk9.notMinistry', { ministry: 'minek', by: 'minzifry' }),
  p('tk9.notAgency', { destination: 'belarus', by: 'minek' }),
  p('tk9.notSponsor', { destination: 'belarus', by: 'mid', sponsor: 'minzifry' }),
  p('tk11.orders', {
    first: ['oreshkin→pa', 'grigorenko→ga'],
    second: ['grigorenko→ga', 'TICK', 'oreshkin→pa'],
    firstValue: '"federalRollout"',
    firstTrack: 'federal',
    secondValue: '"lapsed"',
    secondTrack: 'null',
  }),
  p('tk12.differs', { events: 5, at: 'context.revision' }),
  p('tk13.outOfReach', { by: 'gov-tatarstan', role: 'governor', reach: [] }),
  p('tk13.outOfReach', { by: 'gov-tatarstan', role: 'governor', reach: ['ministry', 'agency'] }),
  p('tk13.notRole', { by: 'mid', role: 'governor' }),
  p('hole.neverProposed', { branch: 'export' }),
  p('hole.refused', { reasons: refusedBecause }),
  p('hole.refused', { reasons: [] }),
  p('hole.neverApproved', { proposer: 'oreshkin', branches: ['federal', 'regional'] }),
  p('hole.asFarAsItGets', {}),
  p('hole.cannotApprove', { by: 'oreshkin', key: 'pa', reasons: refusedBecause.slice(0, 1) }),
  p('hole.cannotApprove', { by: 'oreshkin', key: 'pa', reasons: [] }),
  p('reroute.title', { field: 'scope', before: 'federal', after: 'export' }),
  p('reroute.routed', {
    track: 'export',
    approvals: [{ by: 'oreshkin', key: 'pa' }],
    field: 'scope',
    rule: 0,
    scope: 'export',
    objective: 'infrastructure',
  }),
  p('reroute.routed', {
    track: 'federal',
    approvals: [
      { by: 'oreshkin', key: 'pa' },
      { by: 'grigorenko', key: 'ga' },
    ],
    field: 'scope',
    rule: 1,
    scope: 'federal',
    objective: 'infrastructure',
  }),
  p('reroute.routed', {
    track: 'regional',
    approvals: [{ by: 'grigorenko', key: 'ga' }],
    field: 'objective',
    rule: 2,
    scope: 'federal',
    objective: 'health',
  }),
  p('reroute.note', { field: 'objective', why: p('reroute.neverPartly', { scope: 'regional' }) }),
  p('reroute.note', { field: 'scope', why: p('reroute.noContent', {}) }),
  p('reroute.note', { field: 'scope', why: p('reroute.amendRefused', {}) }),
  p('reroute.note', { field: 'scope', why: p('reroute.newRevision', {}) }),
  p('reroute.note', { field: 'scope', why: p('reroute.notRouted', { track: 'export' }) }),
  p('partial.limit', { maxStates: 3000, expanded: 2999, states: 12345, defaultMax: 200_000 }),
  p('partial.violation', { expanded: 10, states: 40 }),
  p('partial.memory', { bytes: 1024 * 2 ** 20, expanded: 0, states: 1 }),
  p('partial.moreMemory', {}),
]

describe('the checkers’ English, every phrase', () => {
  it('has a sample of every key of the catalogue, alone or inside another', () => {
    const keys = new Set<string>()
    const visit = (value: unknown): void => {
      if (Array.isArray(value)) for (const v of value) visit(v)
      else if (value !== null && typeof value === 'object') {
        const o = value as Record<string, unknown>
        if (typeof o.key === 'string' && o.key in CHECK_WORDS) keys.add(o.key)
        for (const v of Object.values(o)) visit(v)
      }
    }
    visit(samples)
    expect([...keys].sort()).toEqual(Object.keys(CHECK_WORDS).sort())
  })

  it('words each one as the results and the README print it', () => {
    const text = samples.map((s) => `${s.key}: ${sayCheck(s)}`).join('\n')
    expect(text).toMatchInlineSnapshot(`
      "step.propose: minzifry proposes a federal infrastructure initiative
      step.submit: minzifry submits it for review
      step.amend: minzifry amends the budget and summary (substantive)
      step.amend: minzifry amends the content (not substantive)
      step.amend: minzifry amends the scope to an education initiative exporting to belarus and kazakhstan (substantive)
      step.decide: oreshkin approves pa
      step.decide: grigorenko refuses ga on a revision that is not the current one
      step.revoke: oreshkin revokes their approval of pa
      step.delegate: oreshkin names pa-aide deputy for pa from day 1 to day 8 (7 days; the policy allows 14)
      step.withdraw: minzifry withdraws the initiative
      step.tick: time passes
      step.tick: time passes: the review window closes, the plenary session ends, oreshkin's approval of pa expires, pa-aide's delegation for pa begins, pa-aide's delegation for pa ends
      step.respond: gov-tatarstan accepts the rollout in tatarstan
      step.respond: gov-tatarstan declines the rollout in tatarstan
      step.ministry: minek accepts the federal rollout for minek
      step.ministry: minek declines the federal rollout for minek
      step.plenary: mid votes in the plenary to return it to its sponsor
      step.destination: mid records that belarus agreed
      step.destination: mid records that belarus declined
      step.complete: minzifry completes the rollout
      step.propose: minek proposes a regional health initiative for tatarstan and novosibirsk
      note.transitions: checked on all 1371 transitions
      note.replayed: replayed the paths to 190 states
      note.heldOnTransitions: held on the 12 transitions explored; the rest of the space was not explored
      note.heldOnStates: held on the 7 states explored; the rest of the space was not explored
      note.deadEnds: searched back from the final states over all 190 states
      note.deadEndsPartial: searched back from the final states; the 3 unexpanded states count as able to finish
      note.orders: compared up to 6 key orders from 20 of 41 review starts
      note.oneKey: the policy has one key
      note.noVeto: no key has veto
      note.neverExpire: approvals never expire
      note.noReach: no key says what it reaches
      found.stuck: the initiative is stuck in approved: no final state (completed, withdrawn, lapsed) can be reached from here
      found.takesNothing: it takes no command at all
      found.takesOnly: it still takes only: oreshkin approves; tick
      found.takesOnly: it still takes only: oreshkin approves; …
      found.twoOrders: the same approvals, in two orders, end in different states
      idle.expiryInReview: approvals cannot expire before the review ends — lifetime 90 d ≥ window 30 d + plenary 14 d
      idle.expiryInReview: approvals cannot expire before the review ends — lifetime 30 d ≥ window 30 d (then it lapses)
      idle.expiry: no reachable state lets an approval outlive its lifetime of 10 d while its revision is in review
      idle.deputies: deputies of key "pa" can never act: no reachable state takes a decision by one
      idle.deputies: deputies of key "pa" can never act: no reachable state takes a decision by one (no principal but its holders belongs to "pa")
      idle.deputies: deputies of key "ga" can never act: no reachable state takes a decision by one (none of its eligible deputies is a principal who can be named)
      idle.routeMatchesNothing: routing[2] (export) never decides a track — it matches no initiative the policy can express
      idle.routeShadowed: routing[3] (federal) never decides a track — routing[0] takes every initiative it matches first (first match wins)
      idle.routeShadowed: routing[3] (federal) never decides a track — routing[0], routing[1] take every initiative it matches first (first match wins)
      idle.veto: the veto of key "pa" never matters — with a quorum of 1 of its 1 holder, one refusal already leaves too few holders to turn it
      idle.veto: the veto of key "council" never matters — with a quorum of 3 of its 3 holders, one refusal already leaves too few holders to turn it
      idle.conditionNever: key "president" never applies — no initiative the policy allows meets "budget > 1e12", so it is waived for every one
      idle.conditionAlways: the condition of key "president" always holds — "budget >= 0" is true of every initiative the policy allows, so the key applies to all of them
      idle.reach: every body that answers a rollout (governors, ministries) is brought in by a key that applies to every initiative, so no answer can fall outside the approvers' reach
      warn.unreached: no run enters state "exportRollout" of the chart
      warn.unreached: no run enters states "exportRollout", "lapsed" of the chart
      warn.neverTaken: REVOKE is never taken from any reachable state, though the policy means it to be: oreshkin revokes; grigorenko revokes
      tk1.noApprovalStep: the initiative is in "federalRollout" but no step into approval was recorded
      tk1.amendedSince: the initiative is in "approved" on revision 2 (abc), but was approved on revision 1 and amended substantively since
      tk1.notTurned: approved on revision 1 with key "ga" not turned: 1 of 2 required holder seats approved it
      tk1.shownWaived: key "president" shows waived on revision 1, but it applies to its content (budget > 1e10)
      tk1.shownTurned: key "ga" shows turned with 0 of 1 required approvals on the current revision 2
      tk3.sponsorApproved: the sponsor "minzifry" approved key "ga" of its own initiative
      tk3.sponsorSeat: "ga-aide" approved key "ga" on the seat of the sponsor "grigorenko"
      tk4.vetoed: revision 1 (d7449c0b822f) was approved although "grigorenko" refused it for key "ga", which has veto
      tk5.amendedNotPending: the amendment made revision 2, but key "pa" is "turned" instead of starting again as pending
      tk8.turned: a TICK turned key "pa" (was pending)
      tk8.turned: a DECIDE (refuse of "ga") turned key "pa" (was not in review but "draft")
      tk8.moved: a PLENARY moved the initiative from "review" to "approved"; only an approval may
      tk2.counted: principal "oreshkin" counts toward both key "pa" (via "oreshkin" for seat "oreshkin") and key "ga" (via "ga-aide" for seat "grigorenko") on revision 1
      tk2.counted: institution "presidential-administration" counts toward both key "pa" (via "oreshkin" for seat "oreshkin") and key "ga" (via "pa-aide" for seat "grigorenko") on revision 3
      tk5.namedOther: an approval of key "pa" by "oreshkin" was accepted naming revision 1 (aaa) while the current revision was 2 (bbb)
      tk5.namedOther: a refusal of key "ga" by "grigorenko" was accepted naming "zzz", no revision of this initiative, while the current revision was none ()
      tk6.decision: an approval of key "pa" was recorded without authority: key "pa" is not in the policy
      tk6.delegation: a delegation of key "ga" from "grigorenko" to "ga-aide" was recorded that the policy does not allow: key "ga" allows no deputies
      tk6.notHolder: "oreshkin" does not hold key "ga"
      tk6.emptyWindow: the window 2026-03-02T00:00:00.000Z → 2026-03-01T00:00:00.000Z is empty
      tk6.tooLong: the window of 30.5 days is longer than the 14 days allowed
      tk6.notEligible: "pa-aide" may not be deputy for key "ga"
      tk6.notHolding: "pa-aide" does not hold key "pa" (holders: "oreshkin") and the key allows no deputies
      tk6.notHolding: "ga-aide" does not hold key "pa" (holders: "oreshkin", "second") and may not be its deputy
      tk6.notHolding: "pa-aide" does not hold key "pa" (holders: "oreshkin") and no allowed delegation recorded before it covers 2026-03-09T00:00:00.000Z
      tk7.approvedStale: approved at 2026-06-01T00:00:00.000Z with key "pa" counting approvals older than 30 days: only 0 of 1 were fresh
      tk7.stillTurned: key "ga" still shows turned at 2026-06-01T00:00:00.000Z with only 1 of 2 approvals younger than 30 days
      tk9.wrongTrack: the initiative took track "export" but its routing rules give "federal" for objective "health" and scope "federal"
      tk9.stageTrack: the initiative is in "regionalRollout" but its track is "federal"
      tk9.unfriendly: export goes to "atlantis", "utopia", not on the friendly-destinations list
      tk9.unanswered: the regional rollout completed without an answer from "tatarstan"
      tk9.outOfRollout: "tatarstan" answered while the initiative was in "review", not in the regional rollout
      tk9.notTarget: "nizhny-novgorod" answered, but the regional rollout reaches only "tatarstan", "novosibirsk"
      tk9.twice: "tatarstan" answered twice (true → false)
      tk9.notRegion: "atlantis" answered through a RESPOND by "gov-tatarstan", but it is not a region of the policy: only a region's own governor may answer for it
      tk9.notGovernor: region "tatarstan" answered through a RESPOND by "gov-nizhny"; only its governor "gov-tatarstan" may answer for it
      tk9.notMinistry: ministry "minek" answered through a MINISTRY by "minzifry"; only the ministry itself may answer
      tk9.notAgency: destination "belarus" was recorded through a DESTINATION by "minek", which is not an agency of the policy
      tk9.notSponsor: destination "belarus" was recorded through a DESTINATION by "mid", not by the sponsor "minzifry"
      tk11.orders: approving in the order [oreshkin→pa, grigorenko→ga] ends in "federalRollout" (track federal), but [grigorenko→ga, TICK, oreshkin→pa] ends in "lapsed" (track null)
      tk12.differs: folding the 5 accepted events does not reproduce the snapshot: they differ at context.revision
      tk13.outOfReach: "gov-tatarstan" answered as a governor, but no key that approved the initiative brings a governor in (their reach: none)
      tk13.outOfReach: "gov-tatarstan" answered as a governor, but no key that approved the initiative brings a governor in (their reach: "ministry", "agency")
      tk13.notRole: "mid" answered as a governor but is not one in the policy
      hole.neverProposed: no export initiative can ever be proposed
      hole.refused: the machine refuses it: the window is closed; no quorum
      hole.refused: the machine refuses it: refused
      hole.neverApproved: no initiative oreshkin proposes (federal, regional) can ever be approved
      hole.asFarAsItGets: this is as far as it gets: no sequence of commands from here approves it
      hole.cannotApprove: oreshkin cannot approve pa: the window is closed
      hole.cannotApprove: oreshkin cannot approve pa: refused
      reroute.title: an initiative approved as federal can be amended to export and keep its approvals (amendments.substantive leaves out "scope")
      reroute.routed: routed to export on the approval oreshkin gave for pa on an export initiative: amendments.substantive leaves out "scope", which routing[0] reads; add "scope" to amendments.substantive
      reroute.routed: routed to federal on the approvals oreshkin gave for pa and grigorenko gave for ga on a federal initiative: amendments.substantive leaves out "scope", which routing[1] reads; add "scope" to amendments.substantive
      reroute.routed: routed to regional on the approval grigorenko gave for ga on an initiative with objective health: amendments.substantive leaves out "objective", which routing[2] reads; add "objective" to amendments.substantive
      reroute.note: amendments.substantive leaves out "objective", which routing reads, but no reachable regional initiative is ever partly approved
      reroute.note: amendments.substantive leaves out "scope", which routing reads, but the explorer has no content to amend it to
      reroute.note: amendments.substantive leaves out "scope", which routing reads, but the machine refuses the amendment
      reroute.note: amendments.substantive leaves out "scope", which routing reads, but the amendment makes a new revision
      reroute.note: amendments.substantive leaves out "scope", which routing reads, but the amended initiative is not routed to export
      partial.limit: the exploration stopped at the limit of 3,000 states (--max-states) after expanding 2,999 of 12,345 states seen; raise --max-states (maxStates; default 200,000) for a verdict
      partial.violation: the exploration stopped at the first violation (stopAtFirstViolation) after expanding 10 of 40 states seen; run without it for a verdict on every invariant
      partial.memory: the exploration stopped at the memory bound of 1,024 MB after expanding 0 of 1 states seen; give the search more memory (--max-memory <MB>, maxHeapBytes in the API; by default 85 % of the heap, which \`node --max-old-space-size=<MB>\` raises) or make the policy smaller, for a verdict
      partial.moreMemory: give the search more memory (--max-memory <MB>, maxHeapBytes in the API; by default 85 % of the heap, which \`node --max-old-space-size=<MB>\` raises) or make the policy smaller"
    `)
  })
})

describe('days, counts and megabytes', () => {
  it('a time after the proposal: whole days, then hours, minutes, seconds or milliseconds past it', () => {
    expect(dayWords(0)).toBe('day 0')
    expect(dayWords(14 * DAY_MS)).toBe('day 14')
    expect(dayWords(30 * DAY_MS + 1)).toBe('day 30 + 1 ms')
    expect(dayWords(2 * DAY_MS + 2 * 3_600_000 + 5 * 60_000 + 3_000)).toBe('day 2 + 2 h 5 min 3 s')
    expect(dayWords(DAY_MS + 60_000 + 1_500)).toBe('day 1 + 1 min 1500 ms')
    expect(dayWords(DAY_MS + 3_600_000)).toBe('day 1 + 1 h')
  })

  it('counts with thousands separators; bytes in whole megabytes', () => {
    expect(countWords(1234567)).toBe('1,234,567')
    expect(countWords(12)).toBe('12')
    expect(megabytesWords(3 * 2 ** 20 + 2 ** 19)).toBe('4 MB')
    expect(megabytesWords(2048 * 2 ** 20)).toBe('2,048 MB')
  })
})
