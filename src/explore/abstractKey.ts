import type { InitiativeContext } from '../../machines/InitiativeContext.js'
import type { Policy } from '../policy/PolicySchema.js'
import { contentSubstance } from './contents.js'
import { deputyAsSeat } from './deputyAsSeat.js'
import type { KeySymmetry } from './keySymmetry.js'
import { expiryOf, reviewOf, timelineOf } from './timeline.js'

/** The part of a snapshot the abstraction reads. */
export interface SnapshotView {
  value: unknown
  status: string
  context: InitiativeContext
}

/** A holder's positional name in a key's facts (`%h0`, `%h1`, …; ids are kebab-case, never `%`). */
const HOLDER_TOKEN = /%h(\d+)/g

/** Every ordering of 0 … n−1 (n! of them; a key has few holders). */
function permutationsOf(n: number): number[][] {
  if (n <= 1) return [[0]]
  return permutationsOf(n - 1).flatMap((p) =>
    Array.from({ length: n }, (_, at) => [...p.slice(0, at), n - 1, ...p.slice(at)]),
  )
}

/**
 * The canonical abstract state of a snapshot: a string two snapshots share exactly when, for
 * the explorer's alphabet (`buildAlphabet`), every future of one is a future of the other. It
 * keeps what a guard can still read and forgets the rest, so that the loops of a real initiative
 * (amend, review again; time passing) close and the space is finite.
 *
 * **Time.** Every command happens at the snapshot's own instant; the clock moves only by a tick
 * to the next instant at which something a guard reads changes: the end of the review window,
 * the end of the plenary, the first instant an approval is no longer fresh (given + lifetime +
 * 1 ms), the start or end of a delegation window. Between two such instants nothing changes, so
 * those instants are the only times worth acting at. In review no tick goes past the horizon
 * (the window's end, plus the plenary while it is still ahead). Guards compare times only with
 * each other and with the policy's durations, so shifting every time by the same amount changes
 * nothing: the key keeps each time as an offset from now — the deadline, each counted approval's
 * expiry, each delegation's start ("started" once past) and end — and drops the clock itself.
 * An approval whose expiry lies past the horizon is "fresh" (no tick reaches it while its
 * revision is reviewed), an expired one "expired" (time never runs back). An ended delegation is
 * dropped (no later decision falls inside it) but the key remembers that its holder delegated:
 * the alphabet lets a holder name a deputy once per key, which keeps all times on a coarse grid
 * of the policy's durations. The windows of one holder and deputy are kept as their union (a
 * deputy acts whenever some window covers the instant); where one deputy was named by two holders
 * of a key, the order in which they named it is kept too (the deputy acts in the seat of the
 * first whose window covers the instant).
 *
 * **Revisions.** A revision hash is compared only for equality with the current one, and a new
 * revision has a new number, so an old revision never becomes current again. The context keeps
 * only the decisions on the current revision (a substantive amendment drops the others; the keys
 * they approved, which only the key board reads, are not part of the key), and the key keeps
 * them only in review, the one state whose guards read them; it forgets revision numbers and
 * hashes. Amendments toggle a field of the current
 * content, so whether one is substantive depends on the field alone: the key keeps objective,
 * scope and budget, not title and summary.
 *
 * **Plenary votes.** Members' votes to return are read (toward the plenary's quorum) only while
 * the session they were cast in sits, so the key keeps the current session's voters, sorted.
 *
 * **Stages.** Outside review, decisions, deadlines and escalation are never read again (a new
 * review starts a new revision and window); after approval only the sponsor, content, track and
 * rollout answers are; a final state takes no event, so its key is its state and track. A revoked
 * decision is dropped (no rule reads it) and equal facts collapse into one.
 *
 * **Deputies.** A decision a deputy took on a holder's seat is written as the holder's own where
 * the deputy holds no key, may never sponsor and brings no institution the holder lacks
 * (`deputyAsSeat` says why no rule and no invariant then tells the two apart).
 *
 * **Symmetry.** For keys in a symmetry group (`keySymmetry`) the per-key parts — the key's
 * region, its decisions, its delegations — are written with positional names (`%h0` for the
 * key's first holder, `%d0` for its first possible deputy) and sorted within the group, so states
 * that differ only by which of two alike keys is where share one key. A key whose holders are
 * interchangeable has its part written under the renaming of its holders that sorts first, so
 * states that differ only by which of its holders did what share one key too.
 *
 * Why this is sound for TK1–TK13: what the key forgets is, by the list above, never read again by
 * any guard or action of the machine, so two snapshots with one key accept the same events and
 * move to snapshots with one key (a bisimulation); the step invariants are checked on the
 * concrete step from each state's representative, and whatever they read that the key drops (an
 * old revision's decisions, a revoked approval) was checked on the step that recorded it. A
 * counterexample is never abstract: it is the representative's own concrete events, replayable on
 * the machine. The tests check exactness against XState's `getAdjacencyMap` (same states, same
 * moves) and against random concrete walks (the compiled table and XState agree after every step).
 */
export function createAbstractKey(
  policy: Policy,
  symmetry: KeySymmetry,
  options: AbstractionOptions = {},
): (snapshot: SnapshotView) => string {
  return createStateAbstraction(policy, symmetry, options).key
}

/** Choices of the abstraction that tests compare (each sound; see `createAbstractKey`). */
export interface AbstractionOptions {
  /**
   * Write a deputy's decision as its seat's own where the two are alike (`deputyAsSeat`).
   * Default true.
   */
  deputyAsSeat?: boolean
  /**
   * Before approval, the token a representative initiative's content is written as, so that the
   * branches share their review (`branchSharing`); null for a content written as it is. Default:
   * every content as it is.
   */
  sharedContent?: (content: InitiativeContext['content']) => string | null
}

/** A state's key as `createAbstractKey` writes it, and which alike keys the state does not tell apart. */
export interface StateAbstraction {
  key: (snapshot: SnapshotView) => string
  /**
   * Per key index, the first key of its symmetry group whose part of this state's key is the same
   * as its own (itself when there is none, or when the key is in no group). Swapping two such keys
   * maps the state onto one with the same key, so their commands lead to the same states: see
   * `twinLetters`.
   */
  twins: (snapshot: SnapshotView) => Int32Array
  /**
   * Per key index, for a key of interchangeable holders: per holder position, the first position
   * whose holder the state does not tell apart from it — swapping the two leaves the key's facts
   * as they are — (itself when there is none); empty for other keys. Their commands lead to the
   * same states: see `twinLetters`.
   */
  holderTwins: (snapshot: SnapshotView) => Int32Array[]
}

/**
 * A state's key before each key's facts are written as its part and alike keys' parts are sorted:
 * the whole key when it has no per-key parts.
 */
type Layout = string | { head: string; facts: string[][]; tail: string }

/** See `createAbstractKey` (the key) and `StateAbstraction` (the twins). */
export function createStateAbstraction(
  policy: Policy,
  symmetry: KeySymmetry,
  options: AbstractionOptions = {},
): StateAbstraction {
  const keyIds = policy.keys.map((k) => k.id)
  const keyIndex = new Map(keyIds.map((id, i) => [id, i]))
  // Keys whose principals are written by position: alike keys, and keys of interchangeable holders.
  const positional = new Set([
    ...symmetry.groups.flat(),
    ...symmetry.holderOrbits.flatMap((n, k) => (n > 0 ? [k] : [])),
  ])
  const holderPermutations = symmetry.holderOrbits.map((n) => (n > 0 ? permutationsOf(n) : []))
  const lifetime = policy.approvals.lifetimeDays
  const asSeat = options.deputyAsSeat === false ? null : deputyAsSeat(policy)
  /** Who the key says decided: the seat itself where its deputy's decision is alike (`deputyAsSeat`). */
  const actorOf = (k: number, by: string, seat: string) =>
    asSeat !== null && asSeat[k]?.has(`${by}>${seat}`) === true ? seat : by

  const contentKey = (c: InitiativeContext['content']) => (c === null ? '-' : contentSubstance(c))
  const shared = options.sharedContent
  /** The content before approval: a shared branch's token where the branches share their review. */
  const openContentKey = (c: InitiativeContext['content']) => shared?.(c) ?? contentKey(c)

  /**
   * Delegations as, per key, holder and deputy, the union of their windows from now on: a
   * deputy acts for a holder whenever some window covers the instant, so overlapping or
   * back-to-back windows are one.
   */
  const delegationParts = (
    context: InitiativeContext,
    parts: string[][],
    map: (k: number, id: string) => string,
  ) => {
    const now = context.now
    // Per key, holder and deputy. The pair's text names the key only where its principals are
    // named by position (`%h0>%d0` is the same text on every such key), so the map is keyed by
    // the key's index too: two keys' windows are never one.
    const windows = new Map<string, { pair: string; list: { k: number; from: number; until: number }[] }>()
    for (const d of context.delegations) {
      const k = keyIndex.get(d.key) ?? -1
      // Who has delegated at all: the alphabet lets each holder delegate a key once.
      parts[k < 0 ? parts.length - 1 : k]?.push(`#${map(k, d.holder)}`)
      if (d.until <= now || d.from >= d.until) continue
      const pair = `${k < 0 ? `${d.key}@` : '@'}${map(k, d.holder)}>${map(k, d.deputy)}`
      const at = `${k}${pair}`
      const entry = windows.get(at) ?? { pair, list: [] }
      entry.list.push({ k, from: Math.max(d.from, now), until: d.until })
      windows.set(at, entry)
    }
    // A deputy named by two holders of one key acts in the seat of whoever named it first (the
    // machine's `seatFor` takes the first delegation that covers the instant), so that order is
    // read again: keep it, per key and deputy, among the delegations not yet ended.
    const order = new Map<string, { k: number; holders: string[] }>()
    // One delegation has no order to keep (the common case on this hot path).
    if (context.delegations.length > 1)
      for (const d of context.delegations) {
        if (d.until <= now || d.from >= d.until) continue
        const k = keyIndex.get(d.key) ?? -1
        const at = `${d.key}>${d.deputy}`
        const entry = order.get(at) ?? { k, holders: [] }
        if (!entry.holders.includes(d.holder)) entry.holders.push(d.holder)
        order.set(at, entry)
      }
    for (const [at, { k, holders }] of order) {
      if (holders.length < 2) continue
      const deputy = at.slice(at.indexOf('>') + 1)
      const token = `!${map(k, deputy)}<${holders.map((h) => map(k, h)).join('<')}`
      parts[k < 0 ? parts.length - 1 : k]?.push(k < 0 ? `${at}${token}` : token)
    }
    for (const { pair, list } of windows.values()) {
      list.sort((a, b) => a.from - b.from)
      let current: { k: number; from: number; until: number } | null = null
      const flush = (w: { k: number; from: number; until: number }) => {
        const token = `${pair}:${w.from <= now ? 's' : w.from - now},${w.until - now}`
        parts[w.k < 0 ? parts.length - 1 : w.k]?.push(token)
      }
      for (const w of list) {
        if (current !== null && w.from <= current.until) current.until = Math.max(current.until, w.until)
        else {
          if (current !== null) flush(current)
          current = { ...w }
        }
      }
      if (current !== null) flush(current)
    }
  }

  /**
   * One key's part: its facts, sorted; for a key of interchangeable holders, under the renaming
   * of its holders that sorts first, so that renamed states share one part.
   */
  const keyPart = (facts: string[], k: number) => {
    const distinct = [...new Set(facts)]
    const orders = holderPermutations[k]
    if (orders === undefined || orders.length === 0) return distinct.sort().join(',')
    let best: string | undefined
    for (const order of orders) {
      const renamed = distinct.map((f) => f.replace(HOLDER_TOKEN, (_, i: string) => `%h${order[Number(i)]}`))
      const text = renamed.sort().join(',')
      if (best === undefined || text < best) best = text
    }
    return best as string
  }

  /** Joins per-key parts (`keyPart` of each): keys of a symmetry group sorted among themselves. */
  const joinKeys = (strings: string[]) => {
    if (symmetry.groups.length === 0) return strings.join(';')
    const out = strings.slice()
    for (const group of symmetry.groups) {
      const sorted = group.map((k) => strings[k] as string).sort()
      group.forEach((k, i) => {
        out[k] = sorted[i] as string
      })
    }
    return out.join(';')
  }

  const tokenOf = (k: number, id: string) =>
    k >= 0 && positional.has(k) ? (symmetry.tokens[k]?.get(id) ?? id) : id

  const layout = (snapshot: SnapshotView): Layout => {
    const { value, status, context } = snapshot
    if (status !== 'active')
      return `F|${JSON.stringify(value)}|${context.track}|${context.approvedAt !== null}`
    if (value === 'idle') return 'idle'
    const review = reviewOf(value)
    const parts: string[][] = keyIds.map(() => [])
    parts.push([]) // facts about keys the policy does not have
    if (review === null) {
      const top = typeof value === 'string' ? value : JSON.stringify(value)
      if (typeof value === 'string') {
        const responses = Object.entries(context.responses)
          .map(([t, a]) => `${t}=${a ? 1 : 0}`)
          .sort()
          .join(',')
        return `R|${top}|${context.sponsor}|${contentKey(context.content)}|${context.track}|${responses}`
      }
      delegationParts(context, parts, tokenOf)
      return {
        head: `D|${top}|${context.sponsor}|${openContentKey(context.content)}|`,
        facts: parts,
        tail: '',
      }
    }
    const now = context.now
    const timeline = timelineOf(policy, value, context)
    const hash = context.revision.hash
    for (const d of context.decisions) {
      if (d.revision !== hash) continue
      const k = keyIndex.get(d.key) ?? -1
      // A revoked decision is read by no rule (`currentDecisions` skips it).
      if (d.revokedAt !== undefined) continue
      let status: string
      if (d.decision === 'refuse' || lifetime === null) status = 'f'
      else {
        const expiry = expiryOf(policy, d.at)
        status = expiry <= now ? 'x' : expiry > timeline.horizon ? 'f' : String(expiry - now)
      }
      const token = `${tokenOf(k, actorOf(k, d.by, d.seat))}>${tokenOf(k, d.seat)}${d.decision === 'approve' ? '+' : '-'}${status}`
      if (k < 0) parts[parts.length - 1]?.push(`${d.key}:${token}`)
      else parts[k]?.push(token)
    }
    delegationParts(context, parts, tokenOf)
    keyIds.forEach((id, k) => {
      parts[k]?.push(`=${String(review[id])}`)
    })
    const deadline = context.deadline === null ? '-' : Math.max(0, context.deadline - now)
    // The plenary's votes are read again (toward its quorum) only in the session they were cast in.
    // (Absent without a commission: nothing to allocate on this hot path.)
    const votes =
      context.plenaryVotes === undefined
        ? ''
        : context.plenaryVotes
            .filter((v) => v.session === context.escalatedAt)
            .map((v) => v.by)
            .sort()
            .join(',')
    return {
      head: `V|${String(review.window)}|${context.sponsor}|${openContentKey(context.content)}|${deadline}|${
        context.escalatedAt === null ? 0 : 1
      }|`,
      facts: parts,
      tail: votes === '' ? '' : `|v:${votes}`,
    }
  }

  // The expander asks for a state's twins among keys and among holders in turn: one layout for both.
  let lastSnapshot: SnapshotView | null = null
  let lastLayout: Layout = ''
  const layoutOnce = (snapshot: SnapshotView): Layout => {
    if (snapshot !== lastSnapshot) {
      lastLayout = layout(snapshot)
      lastSnapshot = snapshot
    }
    return lastLayout
  }

  /** Whether swapping holders `%h<a>` and `%h<b>` leaves a key's facts (a set) as they are. */
  const swapKeeps = (facts: readonly string[], a: number, b: number) => {
    const before = new Set(facts)
    const swap = (_: string, i: string) => {
      const n = Number(i)
      return `%h${n === a ? b : n === b ? a : n}`
    }
    return [...before].every((f) => before.has(f.replace(HOLDER_TOKEN, swap)))
  }

  const grouped = symmetry.groups
  return {
    key(snapshot) {
      const l = layout(snapshot)
      return typeof l === 'string' ? l : `${l.head}${joinKeys(l.facts.map(keyPart))}${l.tail}`
    },
    twins(snapshot) {
      const twins = Int32Array.from(keyIds, (_, k) => k)
      const l = layoutOnce(snapshot)
      // A state with no per-key parts (idle, approved, final) tells no alike keys apart.
      const parts = typeof l === 'string' ? null : grouped.length === 0 ? [] : l.facts.map(keyPart)
      for (const group of grouped)
        for (const k of group)
          twins[k] =
            parts === null ? (group[0] as number) : (group.find((j) => parts[j] === parts[k]) as number)
      return twins
    },
    holderTwins(snapshot) {
      const l = layoutOnce(snapshot)
      return symmetry.holderOrbits.map((n, k) => {
        const twins = Int32Array.from({ length: n }, (_, p) => p)
        // A state with no per-key parts tells no holders apart.
        const facts = typeof l === 'string' ? null : (l.facts[k] ?? [])
        for (let p = 1; p < n; p++) {
          for (let q = 0; q < p; q++) {
            if (facts === null || swapKeeps(facts, q, p)) {
              twins[p] = q
              break
            }
          }
        }
        return twins
      })
    },
  }
}
