import type { Policy } from '../policy/PolicySchema.js'
import type { AbstractEvent } from './AbstractEvent.js'
import { type KeySymmetry, membersOf } from './keySymmetry.js'

/**
 * For each letter of the alphabet, the letter it stands for under key symmetry: the same command
 * on the first key of its symmetry group — the same type, role, variant and target, by the
 * principal in the same place there (a holder's image is the holder at the same position, a
 * deputy's the deputy at the same position; an actor tied to no key is itself) — or the letter
 * itself when it has no such image (a key in no group, an actor tied to another key).
 *
 * Why a letter may be left to its twin: when a state does not tell two alike keys k and j apart
 * (their parts of its abstract key are equal, `StateAbstraction.twins`), swapping k and j maps the
 * state onto one whose parts are equal place by place — the same futures, by the abstraction's
 * exactness (README, "Twin commands") — and the machine, the alphabet and the invariants treat alike
 * keys alike (`keySymmetry`). So a command on k leads to the image of the state its twin's command
 * on j leads to — the same abstract state, since the key sorts alike keys' parts — with the same
 * verdicts, and trying only j's commands finds every successor. `leftToTwin` (below) says, for each
 * letter, whether its image exists for every key of its group; the explorer skips a letter only
 * then, and only in states where its key's twin is another key.
 *
 * Likewise among a key's interchangeable holders (`keySymmetry`'s `holderOrbits`): where swapping
 * two holders leaves the key's facts as they are (`StateAbstraction.holderTwins`), the state is its
 * own image under the swap, so a command by the later holder leads to the image of the state the
 * same command by the earlier one leads to — the same abstract state, since the key writes a key's
 * part under the renaming of its holders that sorts first. `holderAt` says, per letter, where its
 * actor stands among the holders, when the same command exists by every one of them.
 *
 * @example
 * const { twin, leftToTwin } = twinLetters(policy, keySymmetry(policy), alphabet)
 * leftToTwin[i] // true: letter i on the second co-chair key may be left to the first's
 */
export function twinLetters(policy: Policy, symmetry: KeySymmetry, alphabet: readonly AbstractEvent[]) {
  const groupOf = new Map<number, number[]>()
  for (const group of symmetry.groups) for (const k of group) groupOf.set(k, group)
  const tied = new Set(policy.keys.flatMap((key) => Object.values(membersOf(policy, key)).flat()))
  // principal at a token, per key: the inverse of `symmetry.tokens`
  const atToken = symmetry.tokens.map((tokens) => new Map([...tokens].map(([id, token]) => [token, id])))
  const letterAt = new Map(
    alphabet.map((e) => [signature(e.type, e.role, e.actor, e.key, e.variant, e.target), e]),
  )

  /** The letter `event` becomes on key `j` (its group's other key), or undefined when it has none. */
  const imageOn = (event: AbstractEvent, j: number): AbstractEvent | undefined => {
    let actor = event.actor
    if (actor !== null) {
      const token = symmetry.tokens[event.key]?.get(actor)
      if (token !== undefined) actor = atToken[j]?.get(token) ?? null
      else if (tied.has(actor)) return undefined
      if (actor === null) return undefined
    }
    const image = letterAt.get(signature(event.type, event.role, actor, j, event.variant, event.target))
    return image !== undefined && image.expected === event.expected ? image : undefined
  }

  const leftToTwin = alphabet.map((event) => {
    const group = groupOf.get(event.key)
    return group?.every((j) => j === event.key || imageOn(event, j) !== undefined) === true
  })
  const twin = alphabet.map((event) => {
    const first = groupOf.get(event.key)?.[0]
    if (first === undefined || !leftToTwin[event.index]) return event.index
    return first === event.key ? event.index : (imageOn(event, first) as AbstractEvent).index
  })

  // Among a key's interchangeable holders: a holder's command, by the holder at another position.
  const positionOf = (event: AbstractEvent) => {
    const n = symmetry.holderOrbits[event.key] ?? 0
    if (n === 0 || event.role !== 'holder' || event.actor === null) return -1
    const p = policy.keys[event.key]?.holders.indexOf(event.actor) ?? -1
    return p < n ? p : -1
  }
  const byHolderAt = (event: AbstractEvent, q: number): AbstractEvent | undefined => {
    const actor = policy.keys[event.key]?.holders[q]
    const image = letterAt.get(
      signature(event.type, event.role, actor ?? null, event.key, event.variant, event.target),
    )
    return image !== undefined && image.expected === event.expected ? image : undefined
  }
  /** Per letter, the same command by each holder position of its key; empty unless every one exists. */
  const byHolder = alphabet.map((event) => {
    if (positionOf(event) < 0) return []
    const images = Array.from({ length: symmetry.holderOrbits[event.key] ?? 0 }, (_, q) =>
      byHolderAt(event, q),
    )
    return images.every((e) => e !== undefined) ? images.map((e) => (e as AbstractEvent).index) : []
  })
  const holderAt = Int32Array.from(alphabet, (event) =>
    (byHolder[event.index]?.length ?? 0) > 0 ? positionOf(event) : -1,
  )
  return {
    /** Whether the letter's image exists on every other key of its group. */
    leftToTwin,
    /** The letter's image on its group's first key (itself when it has none, or is on that key). */
    twin,
    /**
     * Per letter: the position of its actor among its key's interchangeable holders, where the
     * same command exists by every one of them (so it may be left to a holder twin); else -1.
     */
    holderAt,
    /** Per letter, the same command by each holder position of its key (see `holderAt`). */
    byHolder,
    /**
     * The letter that stands for it in coverage: its image on its group's first key, there by the
     * key's first holder where holders are interchangeable (itself when it has neither).
     */
    orbit: twin.map((t) => byHolder[t]?.[0] ?? t),
  }
}

const signature = (
  type: string,
  role: string,
  actor: string | null,
  key: number,
  variant: string,
  target: number,
) => `${type}|${role}|${actor ?? ''}|${key}|${variant}|${target}`
