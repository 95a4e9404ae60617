import { createInitiativeMachine, type InitiativeMachine } from '../../machines/initiative.js'
import { hashPolicy } from '../policy/hashPolicy.js'
import type { Policy } from '../policy/PolicySchema.js'
import type { Store } from '../stores/Store.js'
import { auditPhrase, renderAuditPhrase } from './auditMessages.js'
import { type ProblemPhrase, phrasedProblems } from './phrasedProblems.js'

const short = (hash: string) => `${hash.slice(0, 12)}…`

/** A pinned policy that still hashes to its pin, and the machine made from it. */
export interface Pinned {
  policy: Policy
  machine: InitiativeMachine
}

/**
 * The policies a log is pinned to, each looked up once: from `given` (policy files at hand) or
 * else from the store, where it must still hash to its pin. A policy that is missing or was edited
 * has no machine, and is named in `problems`.
 */
export function pinnedPolicies(store: Store, given: readonly Policy[] = []) {
  const byHash = new Map(given.map((p) => [hashPolicy(p), p]))
  const machines = new Map<string, Pinned | undefined>()
  // Their phrases ride on the list (see phrasedProblems), pushed in step with it.
  const phrases: ProblemPhrase[] = []
  const problems: string[] = phrasedProblems([], phrases)
  const problem = (phrase: ProblemPhrase & object) => {
    problems.push(renderAuditPhrase(phrase))
    phrases.push(phrase)
  }

  async function lookUp(hash: string): Promise<Pinned | undefined> {
    const policy = byHash.get(hash) ?? (await store.getPolicy(hash))
    if (policy === undefined) {
      problem(auditPhrase('policies.missing', { hash: short(hash) }))
      return undefined
    }
    let actual: string
    try {
      actual = hashPolicy(policy)
    } catch {
      actual = '(not a policy)'
    }
    if (actual !== hash) {
      problem(auditPhrase('policies.edited', { hash: short(hash), actual: short(actual) }))
      return undefined
    }
    return { policy, machine: createInitiativeMachine(policy) }
  }

  return {
    /** The policy pinned as `hash` and its machine; undefined when it is missing or was edited. */
    async pinned(hash: string): Promise<Pinned | undefined> {
      if (!machines.has(hash)) machines.set(hash, await lookUp(hash))
      return machines.get(hash)
    },
    /** Policies looked up so far. */
    get checked(): number {
      return machines.size
    },
    problems,
  }
}
