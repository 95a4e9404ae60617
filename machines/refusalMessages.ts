import type { Phase } from './describeState.js'

/**
 * The English text of every refusal the machine's rules and the engine can give, by message key.
 * `{{name}}` is a parameter, in i18next's interpolation syntax, so a translation (the playground's
 * Russian, the CLI's `--lang`) renders the same phrase with the same parameters. Parameters are
 * already formatted: ids in quotes, lists joined, instants in ISO 8601.
 */
export const REFUSAL_MESSAGES = {
  // content of a proposal or amendment
  'content.unknownObjective':
    'objective "{{objective}}" is not one of the policy\'s objectives ({{objectives}})',
  'content.unknownRegion': 'region {{regions}} is not in the policy; known regions: {{known}}',
  'content.regionTwice': 'a region is named twice in the scope',
  'content.unfriendlyDestination':
    'destination {{destinations}} is not on the friendly-destinations list ({{friendly}}); export goes only to friendly destinations (TK9)',
  'content.destinationTwice': 'a destination is named twice in the scope',
  'content.noMinistry':
    'a federal initiative names the ministries that carry it out (scope ministries), at least one: policy "{{policy}}" has each accept or decline its rollout',
  'content.notMinistry': '{{ministries}} is not a ministry of the policy; ministries: {{known}}',
  'content.ministryTwice': 'a ministry is named twice in the scope',
  'rule.contentIsRoutable':
    'no routing rule of policy "{{policy}}" takes an initiative with objective "{{objective}}" and scope "{{scope}}", so it could never be routed once approved (TK9, TK10); choose another objective or scope, or ask the policy\'s owner to add a rule',
  // who may act
  'rule.actorMaySponsor.unknown': '"{{by}}" is not a principal of policy "{{policy}}"',
  'rule.actorMaySponsor.notSponsor':
    '"{{by}}" may not propose: only principals with the role "sponsor" may ({{sponsors}})',
  'rule.actorIsSponsor': 'only the sponsor "{{sponsor}}" may {{action}} this initiative, not "{{by}}"',
  'rule.actorHasAuthority.noDeputies':
    '"{{by}}" does not hold key "{{key}}" (holders: {{holders}}), and key "{{key}}" allows no deputies (TK6)',
  'rule.actorHasAuthority.unknownNoDeputies':
    'unknown principal "{{by}}" does not hold key "{{key}}" (holders: {{holders}}), and key "{{key}}" allows no deputies (TK6)',
  'rule.actorHasAuthority.notNamed':
    '"{{by}}" does not hold key "{{key}}" (holders: {{holders}}) and no holder has named them deputy (TK6)',
  'rule.actorHasAuthority.unknownNotNamed':
    'unknown principal "{{by}}" does not hold key "{{key}}" (holders: {{holders}}) and no holder has named them deputy (TK6)',
  'rule.actorHasAuthority.outsideWindow':
    '"{{by}}" does not hold key "{{key}}" (holders: {{holders}}); their delegation ({{windows}}) does not cover {{at}} (TK6)',
  'rule.actorIsNotSponsor.sponsor': '"{{by}}" sponsors this initiative and may not turn a key on it (TK3)',
  'rule.actorIsNotSponsor.forSponsor':
    '"{{by}}" acts for the sponsor "{{sponsor}}" and may not turn a key on its initiative (TK3)',
  'rule.actorHoldsDelegatedKey.unknownKey': '"{{key}}" is not a key of policy "{{policy}}" (keys: {{keys}})',
  'rule.actorHoldsDelegatedKey.notHolder':
    'only a holder of key "{{key}}" ({{holders}}) may name its deputy, not "{{by}}"',
  'rule.governorOfPendingRegion.notNamed':
    'region "{{region}}" is not named by this initiative ({{targets}}); rollout reaches only named regions (TK9)',
  'rule.governorOfPendingRegion.answered': 'region "{{region}}" has already answered',
  'rule.governorOfPendingRegion.notGovernor':
    'only the governor of "{{region}}" ("{{governor}}") may answer for it, not "{{by}}" (TK9)',
  'rule.ministryOfPendingAnswer.notNamed':
    'ministry "{{ministry}}" is not named by this initiative ({{targets}}); the federal rollout is answered only by the ministries it names (TK9)',
  'rule.ministryOfPendingAnswer.answered': 'ministry "{{ministry}}" has already answered',
  'rule.ministryOfPendingAnswer.notMinistry':
    'only ministry "{{ministry}}" may answer for itself, not "{{by}}" (TK9)',
  'rule.actorIsAgency':
    'only an agency of the policy ({{agencies}}) records a destination\'s answer, not "{{by}}"',
  'rule.withinReach':
    '"{{by}}" answers as a {{role}}, but no key that approved this initiative brings that body in (their reach: {{reach}}) (TK13)',
  'rule.actorIsMember':
    '"{{by}}" is not a member of the commission ({{members}}); only members vote in the plenary',
  'rule.memberHasNotVoted': '"{{by}}" has already voted in this plenary session',
  // decisions
  'rule.onCurrentRevision':
    'the decision was taken on revision {{given}}, but the current revision is {{n}} ({{current}}); an approval counts only for the revision it was given on (TK5) — review the current revision and decide again',
  'rule.withinWindow': 'the review window closed at {{deadline}}; no decision is taken after it',
  'rule.distinctAcrossKeys.samePrincipal':
    '"{{by}}" already approved key "{{other}}"; key "{{key}}" needs a different principal (TK2)',
  'rule.distinctAcrossKeys.sameInstitution':
    'institution "{{institution}}" already counts toward key "{{other}}" (through "{{through}}"); key "{{key}}" needs a different institution (TK2)',
  'rule.distinctAcrossKeys.other': '"{{by}}" already counts toward another key of this revision (TK2)',
  'rule.seatHasNotDecided':
    '"{{seat}}" already decided ({{decision}}) key "{{key}}" on this revision at {{at}}; revoke the approval first to decide again',
  'rule.seatHasNotDecided.seat':
    'the seat of "{{seat}}" already decided ({{decision}}) key "{{key}}" on this revision at {{at}}; revoke the approval first to decide again',
  'rule.hasApprovalToRevoke': '"{{by}}" has no approval of key "{{key}}" on this revision to revoke',
  'rule.allKeysTurned': 'key "{{key}}" is not turned: waiting for {{missing}} of {{waiting}}',
  // deputies
  'rule.deputiesAllowed': 'the policy allows no deputies for key "{{key}}"',
  'rule.delegationWindowValid.backwards': 'a delegation must end after it starts ({{from}} → {{until}})',
  'rule.delegationWindowValid.tooLong':
    'a delegation of {{days}} days is longer than the {{maxDays}} days key "{{key}}" allows',
  'rule.delegationWindowValid.ended': 'the delegation window has already ended',
  'rule.deputyEligible.unknown': 'deputy "{{deputy}}" is not a principal of policy "{{policy}}"',
  'rule.deputyEligible.sponsor':
    'the sponsor "{{deputy}}" may not be named deputy on its own initiative (TK3)',
  'rule.deputyEligible.holder': '"{{deputy}}" already holds a key and may not also act as a deputy (TK2)',
  'rule.deputyEligible.otherInstitution':
    '"{{deputy}}" belongs to "{{institution}}", the institution of key "{{other}}", and so may not act for another key (TK2)',
  'rule.deputyEligible.wrongInstitution':
    '"{{deputy}}" is not of institution "{{institution}}" and so may not be deputy for key "{{key}}"',
  'rule.deputyEligible.notListed':
    '"{{deputy}}" is not on the eligible deputies of key "{{key}}" ({{eligible}})',
  // rollout
  'rule.destinationPending.answered': 'destination "{{destination}}" has already answered',
  'rule.destinationPending.notNamed':
    'destination "{{destination}}" is not named by this initiative ({{targets}})',
  // where in the chart a command is taken (the engine's own refusals, not a rule's)
  'state.closed': 'the initiative is {{phase}} and takes no further commands',
  'state.notAcceptedHere': 'the initiative is {{phase}}; {{event}} is accepted only in {{where}}',
  'state.alreadyExists': 'initiative "{{initiative}}" already exists; propose under a new id',
  'state.notAcceptedByPolicy':
    'the initiative is {{phase}}; {{event}} is accepted in no phase under policy "{{policy}}" (its chart has no state that takes it)',
  'state.keyDone': 'key "{{key}}" has already {{done}} on this revision; it takes no further decision',
  'state.keyWaived':
    'key "{{key}}" does not apply to this revision (it applies only when {{condition}}); it takes no decision',
  'state.unknownKey': '"{{key}}" is not a key of policy "{{policy}}" (keys: {{keys}})',
  'state.notNow': '{{event}} is not accepted while the initiative is {{phase}}',
  // a recorded event re-judged by a candidate that wants signed commands (replay)
  'identity.unsigned':
    '{{event}} by "{{by}}" carries no signed command, but policy "{{policy}}" says identity: signed',
  // a reason with no phrase of its own (a signature or input check): shown as written, in English
  text: '{{text}}',
  // terms: words a parameter names ({ term: 'phase.lapsed' }), so a translation words them too
  'phase.none': 'not yet proposed',
  'phase.draft': 'a draft',
  'phase.review': 'in review',
  'phase.plenary': 'in plenary session (the review window closed)',
  'phase.returned': 'returned for amendment (a key was refused, or the plenary returned it)',
  'phase.approved': 'approved',
  'phase.federalRollout': 'in federal rollout',
  'phase.regionalRollout': 'in regional rollout',
  'phase.exportRollout': 'in export rollout',
  'phase.completed': 'completed',
  'phase.withdrawn': 'withdrawn',
  'phase.lapsed': 'lapsed',
  'where.open': 'draft, review or returned',
  'where.draft': 'draft',
  'where.review': 'review',
  'where.plenary': 'plenary',
  'where.returned': 'returned',
  'where.idle': 'before it is proposed',
  'where.federalRollout': 'federal rollout',
  'where.regionalRollout': 'regional rollout',
  'where.exportRollout': 'export rollout',
  'where.nowhere': 'no state',
  'command.PROPOSE': 'PROPOSE',
  'command.SUBMIT': 'SUBMIT',
  'command.AMEND': 'AMEND',
  'command.WITHDRAW': 'WITHDRAW',
  'command.DELEGATE': 'DELEGATE',
  'command.DECIDE': 'DECIDE',
  'command.REVOKE': 'REVOKE',
  'command.TICK': 'TICK',
  'command.COMPLETE': 'COMPLETE',
  'command.RESPOND': 'RESPOND',
  'command.DESTINATION': 'DESTINATION',
  'command.MINISTRY': 'MINISTRY',
  'command.PLENARY': 'PLENARY',
  'action.submit': 'submit',
  'action.amend': 'amend',
  'action.withdraw': 'withdraw',
  'action.complete': 'complete',
  'action.destination': "record a destination's answer on",
  'body.ministry': 'ministry',
  'body.governor': 'governor',
  'body.agency': 'agency',
  'body.none': 'none',
  'decision.approve': 'approve',
  'decision.refuse': 'refuse',
  'done.turned': 'turned',
  'done.refused': 'been refused',
} as const

/** A refusal message's key. */
export type RefusalKey = keyof typeof REFUSAL_MESSAGES

/** A parameter of a phrase: a formatted value (an id, an instant), or a term a translation words. */
export type PhraseParam = string | number | { term: RefusalKey } | { terms: RefusalKey[] }

/** A message key and its parameters: what a rule says, ready for any language. */
export interface Phrase {
  key: RefusalKey
  params: Readonly<Record<string, PhraseParam>>
}

/** Makes a phrase; `params` fill the message's `{{name}}` placeholders. */
export const phrase = (key: RefusalKey, params: Record<string, PhraseParam> = {}): Phrase => ({ key, params })

/** A word of the catalogue as a parameter: a phase, a command, a decision. */
export const term = (key: RefusalKey): { term: RefusalKey } => ({ term: key })

/** The catalogue's words for a phase, e.g. "in review" (the English of `phase.review`). */
export const phaseTerm = (phase: Phase): RefusalKey => `phase.${phase}`

/**
 * A phrase in words, from `messages` (English by default; a translation supplies its own). A
 * placeholder with no parameter is left as written, so a mistake shows rather than vanishes.
 */
export function renderPhrase(
  { key, params }: Phrase,
  messages: Readonly<Record<RefusalKey, string>> = REFUSAL_MESSAGES,
): string {
  const word = (value: PhraseParam): string => {
    if (typeof value !== 'object') return String(value)
    if ('term' in value) return messages[value.term]
    return value.terms.map((t) => messages[t]).join(', ')
  }
  return messages[key].replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    const value = params[name]
    return value === undefined ? whole : word(value)
  })
}

/**
 * Refusal reasons in a language: each rendered from its phrase with `messages` when there is one
 * phrase per reason (the rules gave them all), else the reasons as the engine wrote them.
 * `phrases` is typed loosely so an error's phrases (`TwoKeysError.phrases`) can be passed as they are.
 */
export function reasonsIn(
  messages: Readonly<Record<RefusalKey, string>>,
  reasons: readonly string[],
  phrases: readonly { key: string; params: Readonly<Record<string, unknown>> }[] | undefined,
): string[] {
  if (phrases === undefined || phrases.length !== reasons.length) return [...reasons]
  return phrases.map((p) => renderPhrase(p as Phrase, messages))
}
