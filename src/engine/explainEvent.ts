import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate'
import { phaseOf } from '../../machines/describeState.js'
import { guardTree, namedGuards } from '../../machines/guardTree.js'
import type { InitiativeContext } from '../../machines/InitiativeContext.js'
import {
  type Phrase,
  phaseTerm,
  phrase,
  REFUSAL_MESSAGES,
  type RefusalKey,
  renderPhrase,
  term,
} from '../../machines/refusalMessages.js'
import { createRules, isRule, type Rules } from '../../machines/rules.js'
import type { InitiativeEvent } from '../domain/InitiativeEvent.js'
import type { ErrorCode, ErrorPhrase } from '../domain/TwoKeysError.js'
import type { Policy } from '../policy/PolicySchema.js'

/** Why a command would or would not be taken, in words and as rule names. */
export interface Explanation {
  allowed: boolean
  reasons: string[]
  /**
   * The same reasons as message keys with parameters (`reasons[i]` is `phrases[i]` in English):
   * what a translation renders. See `REFUSAL_MESSAGES`.
   */
  phrases: Phrase[]
  /** The rules (guard names) that refused, in the order found. */
  rules: string[]
  /** The error code a refusal of this command carries. */
  code: ErrorCode | null
  /**
   * When the one reason is an error's own message (a signature check), that message as a phrase
   * (`TwoKeysError.said`: a message key of the error tables with its parameters), which the CLI
   * words in its language; `phrases` then holds it as English text only.
   */
  said?: ErrorPhrase
}

type GuardImpl = (args: { context: InitiativeContext; event: InitiativeEvent }, params: unknown) => boolean
interface Leaf {
  type: string
  params: unknown
}

/** The named guards a transition's guard is made of. */
const leavesOf = (guard: unknown): Leaf[] => namedGuards(guardTree(guard))

function refused(phrases: Phrase[], rules: string[] = [], code: ErrorCode = 'REFUSED'): Explanation {
  return { allowed: false, reasons: phrases.map((p) => renderPhrase(p)), phrases, rules, code }
}

/** A state node of the chart as the catalogue's words for the phases it belongs to. */
function phaseWords(node: AnyStateMachine['root']): RefusalKey {
  const [top, child] = node.path
  if (top === 'open') {
    if (child === undefined) return 'where.open'
    if (child === 'draft') return 'where.draft'
    if (child === 'returned') return 'where.returned'
    return node.path.includes('plenary') ? 'where.plenary' : 'where.review'
  }
  // idle and the rollouts: the catalogue has a word for each phase of the chart's top level.
  const phase = `where.${top}`
  return phase in REFUSAL_MESSAGES ? (phase as RefusalKey) : 'where.nowhere'
}

/** Where in the chart an event type is accepted at all, for "accepted only in …". */
function phasesAccepting(machine: AnyStateMachine, type: string): RefusalKey[] {
  const found = new Set<RefusalKey>()
  const visit = (node: AnyStateMachine['root']) => {
    if (node.transitions.has(type)) found.add(phaseWords(node))
    for (const child of Object.values(node.states)) visit(child)
  }
  visit(machine.root)
  return [...found]
}

type AnyRules = Record<string, Rules[keyof Rules] | undefined>
const rulesByPolicy = new WeakMap<Policy, AnyRules>()

/** The policy's rules, built once per policy: a refusal should not rebuild every rule. */
function rulesOf(policy: Policy): AnyRules {
  let rules = rulesByPolicy.get(policy)
  if (rules === undefined) {
    rules = createRules(policy)
    rulesByPolicy.set(policy, rules)
  }
  return rules
}

/**
 * Explains what the machine would do with `event` from `snapshot`, without acting: allowed,
 * or the reasons of every rule that refuses it. The reasons come from the same named rules
 * the machine's guards use, so an explanation cannot disagree with a decision.
 *
 * @example
 * explainEvent(machine, policy, snapshot, { type: 'DECIDE', by: 'minzifry', … })
 * // → { allowed: false, reasons: ['"minzifry" does not hold key …'], rules: ['actorHasAuthority'], code: 'NOT_AUTHORIZED' }
 */
export function explainEvent(
  machine: AnyStateMachine,
  policy: Policy,
  snapshot: AnyMachineSnapshot,
  event: InitiativeEvent,
): Explanation {
  // The allowed path is the hot one: answer it before working out any words.
  // (A finished snapshot takes nothing: its final state has no transitions.)
  if (snapshot.can(event)) return { allowed: true, reasons: [], phrases: [], rules: [], code: null }
  const phase = phaseOf(snapshot)
  // Only an initiative not yet proposed takes PROPOSE: any other has the id already.
  if (event.type === 'PROPOSE' && phase !== 'none') {
    return refused([phrase('state.alreadyExists', { initiative: event.id })])
  }
  if (snapshot.status !== 'active') {
    return refused([phrase('state.closed', { phase: term(phaseTerm(phase)) })])
  }

  const rules = rulesOf(policy)
  const impls = machine.implementations.guards as Record<string, GuardImpl>
  const context = snapshot.context as InitiativeContext
  const holds = (leaf: Leaf) => impls[leaf.type]?.({ context, event }, leaf.params) === true

  const phrases: Phrase[] = []
  const seen = new Set<string>()
  const failed: string[] = []
  let code: ErrorCode | undefined
  let handled = false
  for (const node of snapshot._nodes) {
    for (const transition of node.transitions.get(event.type) ?? []) {
      handled = true
      const leaves = leavesOf(transition.guard)
      // A selector only says which transition the event means; if one fails, this transition is not the one.
      if (leaves.some((leaf) => !isRule(rules[leaf.type]) && !holds(leaf))) continue
      for (const leaf of leaves) {
        const rule = rules[leaf.type]
        if (!isRule(rule) || holds(leaf)) continue
        for (const p of rule.phrases(context, event, leaf.params as never)) {
          const text = renderPhrase(p)
          if (!seen.has(text)) phrases.push(p)
          seen.add(text)
        }
        if (!failed.includes(leaf.type)) failed.push(leaf.type)
        // The first rule with a code more telling than REFUSED names the refusal.
        if (code === undefined || code === 'REFUSED') code = rule.code
      }
    }
  }
  if (phrases.length > 0) return refused(phrases, failed, code)
  if (!handled) {
    const where = phasesAccepting(machine, event.type)
    const said = { phase: term(phaseTerm(phase)), event: term(`command.${event.type}`) }
    // A command the policy's chart never takes (PLENARY without a plenary, MINISTRY without ministries).
    if (where.length === 0)
      return refused([phrase('state.notAcceptedByPolicy', { ...said, policy: policy.id })])
    return refused([phrase('state.notAcceptedHere', { ...said, where: { terms: where } })])
  }
  if (
    (event.type === 'DECIDE' || event.type === 'REVOKE') &&
    !snapshot.matches({ open: { review: { [event.key]: 'pending' } } })
  ) {
    const key = policy.keys.find((k) => k.id === event.key)
    const turned = snapshot.matches({ open: { review: { [event.key]: 'turned' } } })
    if (key !== undefined && snapshot.matches({ open: { review: { [event.key]: 'waived' } } })) {
      return refused([phrase('state.keyWaived', { key: key.id, condition: String(key.appliesIf) })])
    }
    return refused([
      key !== undefined
        ? phrase('state.keyDone', { key: event.key, done: term(turned ? 'done.turned' : 'done.refused') })
        : phrase('state.unknownKey', {
            key: event.key,
            policy: policy.id,
            keys: policy.keys.map((k) => `"${k.id}"`).join(', '),
          }),
    ])
  }
  return refused([
    phrase('state.notNow', { event: term(`command.${event.type}`), phase: term(phaseTerm(phase)) }),
  ])
}
