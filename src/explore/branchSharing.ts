import type { InitiativeContext } from '../../machines/InitiativeContext.js'
import type { Policy } from '../policy/PolicySchema.js'
import { type ContentBranch, contentSubstance } from './contents.js'

/**
 * Sharing the review among the representative initiatives (`ExploreOptions.shareBranches`).
 *
 * Before approval no rule of the policy's own machine tells two of its representative
 * initiatives apart when no key applies by a condition (`appliesIf`) and none names a reach: the
 * guards of proposal, amendment, delegation, decision, window and plenary read the content only
 * to check that it is valid and routable (true of every branch's own content, false of every
 * invalid variant the alphabet tries, on every branch alike) and whether each key applies (every
 * key, always); the route is read first when the initiative is approved. So the review of a
 * federal initiative and that of a regional or export one, proposed by the same sponsor, are one
 * space, state for state and move for move: the states before approval are written with the
 * branch's content as a class token, and each is expanded once, from one representative. Its
 * *images* — the same state reached under the other branches, each computed by the machine from
 * the image of its parent — ride along, so that every move out of the shared space (approval:
 * from there the branches' futures differ) is computed from a snapshot the machine itself
 * reached under each branch. The explorer checks the premise as it goes: an image that refuses a
 * move its representative takes, or lands on another key, stops the search with
 * `BranchSharingBroken` (and `verify` searches again without sharing).
 */
export interface BranchSharing {
  /** The token a branch's own content is written as in the key before approval, or null for any other content. */
  tokenOf: (content: InitiativeContext['content']) => string | null
  /** The index of the branch whose content this is (title and summary aside), or -1. */
  branchOf: (content: InitiativeContext['content']) => number
}

/**
 * Why the branches cannot share their review under this policy, or null when they can: a key
 * that applies by a condition reads the content in review, and one that names a reach makes
 * the rollout read who approved; one branch has nothing to share with.
 */
export function whyNotShared(policy: Policy, branches: readonly ContentBranch[]): string | null {
  if (branches.length < 2) return 'one representative initiative'
  const conditional = policy.keys.find((k) => k.appliesIf !== undefined)
  if (conditional !== undefined) return `key ${conditional.id} applies by a condition on the content`
  const reaching = policy.keys.find((k) => k.reach !== undefined)
  if (reaching !== undefined) return `key ${reaching.id} names a reach`
  return null
}

/** The sharing of `branches`' review, or null when `whyNotShared` gives a reason. */
export function branchSharing(policy: Policy, branches: readonly ContentBranch[]): BranchSharing | null {
  if (whyNotShared(policy, branches) !== null) return null
  const index = new Map(branches.map((b, i) => [contentSubstance(b.content), i]))
  // Asked for every move of the search: a content object, never changed (an amendment makes a
  // new one), is looked up once.
  const known = new WeakMap<object, number>()
  const branchOf = (content: InitiativeContext['content']) => {
    if (content === null) return -1
    let branch = known.get(content)
    if (branch === undefined) {
      branch = index.get(contentSubstance(content)) ?? -1
      known.set(content, branch)
    }
    return branch
  }
  return {
    branchOf,
    tokenOf: (content) => (branchOf(content) < 0 ? null : '~'),
  }
}

/** Thrown when an image does not follow its representative: the premise of `branchSharing` failed. */
export class BranchSharingBroken extends Error {
  /** What parted, without the sentence's opening (a worker thread sends it on). */
  readonly detail: string
  constructor(detail: string) {
    super(`sharing the review among initiatives failed: ${detail}`)
    this.detail = detail
    this.name = 'BranchSharingBroken'
  }
}

/** An image that refuses the command its representative took. */
export const imageRefuses = (label: string, branch: string | undefined) =>
  new BranchSharingBroken(`the ${branch} initiative refuses "${label}", which its representative takes`)

/** A branch's snapshot reaching a shared state already expanded without it: its futures would be lost. */
export const imageTooLate = (s: number, branch: string | undefined) =>
  new BranchSharingBroken(`the ${branch} initiative reaches state ${s} after it was expanded without it`)

/** An image whose move lands on another state than its representative's. */
export const imageElsewhere = (label: string, branch: string | undefined) =>
  new BranchSharingBroken(
    `after "${label}" the ${branch} initiative is in another state than its representative`,
  )

/** An image still in the shared review where its representative's move leaves it. */
export const imageStaysInReview = (label: string, branch: string | undefined) =>
  new BranchSharingBroken(
    `"${label}" takes the representative out of the shared review, but not the ${branch} initiative`,
  )

/**
 * Per state, the branches its representative and images stand for, one bit each (none outside
 * the shared review): what both searches (`explore`, `exploreInWorkers`) keep of the sharing.
 * State 0 stands for none.
 */
export function branchCoverage() {
  const bits: number[] = [0]
  const of = (s: number) => bits[s] ?? 0
  return {
    /** The next state found, standing for `branch` (its representative's), or for none (-1). */
    add(branch: number): void {
      bits.push(branch >= 0 ? 1 << branch : 0)
    },
    covers: (s: number, branch: number): boolean => (of(s) & (1 << branch)) !== 0,
    /** Whether state `s` is in the shared review. */
    shared: (s: number): boolean => of(s) !== 0,
    /** State `s` gets an image under `branch`. */
    cover(s: number, branch: number): void {
      bits[s] = of(s) | (1 << branch)
    },
    /**
     * A move within the shared review from `source` to `target`, found before: `target` must
     * stand for every branch `source` does, or an initiative's future would be lost.
     */
    requireCovered(source: number, target: number, label: string, names: readonly { name: string }[]): void {
      const lacking = of(source) & ~of(target)
      if (lacking !== 0)
        throw new BranchSharingBroken(
          `"${label}" leads from state ${source} to state ${target}, found without the ${names[31 - Math.clz32(lacking)]?.name} initiative`,
        )
    },
    /** The branches some state stands for, by index. */
    branches(): number[] {
      let all = 0
      for (const b of bits) all |= b
      const out: number[] = []
      for (let b = 0; all >>> b !== 0; b++) if ((all >>> b) & 1) out.push(b)
      return out
    },
  }
}

/**
 * Whether a move of a shared state's representative out of the review must be followed by each
 * image too: always, but where the representative's run ends unapproved (withdrawn, lapsed) — a
 * state whose key holds no content nor track, the same state for every branch.
 */
export const imagesFollow = (after: { status: string; context: { approvedAt: number | null } }) =>
  after.status === 'active' || after.context.approvedAt !== null
