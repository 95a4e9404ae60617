import { TwoKeysError } from '../../domain/TwoKeysError.js'
import { KEY_STATUSES, PHASES, UNEXPANDED } from '../../explore/compile.js'
import type { SimulationModel } from '../../simulate/SimulationModel.js'
import { analyzeError } from '../analyzeMessages.js'
import type { ExactRates } from './exactRates.js'

/**
 * Where one initiative ends, as far as the analysis goes: approved with key k turned last
 * (0 … K−1), approved with no key turning at that step (K), lapsed (K+1), withdrawn after a
 * refusal (K+2), withdrawn because a reviewer asked for an amendment past the sponsor's last
 * (K+3).
 *
 * @example
 * outcomeIndex(2).lapsed // 3
 */
export const outcomeIndex = (keyCount: number) => ({
  approvedOther: keyCount,
  lapsed: keyCount + 1,
  refused: keyCount + 2,
  withdrawn: keyCount + 3,
  count: keyCount + 4,
})

/**
 * One initiative as an absorbing continuous-time Markov chain on the compiled table. A transient
 * state is a table state in review or plenary together with what the simulator keeps beside it:
 * each seat idle, reviewing the current revision or reviewing a revision since amended, whether
 * an amendment is on its way, and how many amendments there have been. Moves are CSR rows:
 * `target[i] ≥ 0` a transient state, `target[i] < 0` the outcome `−1 − target[i]`.
 * `tick[x]` is where the deadline's TICK takes state x (encoded the same way).
 */
export interface ExactChain {
  states: number
  outcomes: number
  rowStart: Int32Array
  target: Int32Array
  rate: Float64Array
  /** Which clock drives each move: reviewer p (`model.reviewers[p]`), or −1 for the sponsor's amendment. */
  clock: Int32Array
  /** The move's share of its clock's rate (a decision's probability, or 1). */
  share: Float64Array
  /** Total rate out of each state (moves to itself left out). */
  exit: Float64Array
  tick: Int32Array
  /** 1 where a state is in plenary. */
  plenary: Uint8Array
  /** The initial distribution over transient states (the mix's weights). */
  initial: Float64Array
  /** For tests: each state's description, "table state|seats|amendment pending|amendments". */
  labels: string[]
}

/** Past this many transient states the chain is not built (`LIMIT_REACHED`). */
export const DEFAULT_MAX_CHAIN_STATES = 200_000

/** The clock of the sponsor's amendment in `ExactChain.clock`. */
const AMENDMENT = -1
const IDLE = 0
const REVIEWING = 1
const STALE = 2

interface Extended {
  s: number
  seats: number[]
  pending: number
  amendments: number
}

/**
 * Builds the chain by a search from the submitted initiative of each mix entry, reading every
 * move off the table (`next[s · eventCount + e]`, expanding a lazy table's rows as it goes),
 * the way `runReplication` sends events with unlimited capacity: a seat reviews when its key is
 * pending, decides approve / refuse / amend with the scenario's shares, and a finished review of
 * an amended revision starts again.
 *
 * @example
 * const chain = buildChain(model, exactRatesOf(model))
 */
export function buildChain(
  model: SimulationModel,
  rates: ExactRates,
  maxStates = DEFAULT_MAX_CHAIN_STATES,
): ExactChain {
  const { table, seats, scenario, policy, ev } = model
  const E = table.eventCount
  const K = table.keyCount
  const O = outcomeIndex(K)
  const PENDING = KEY_STATUSES.indexOf('pending')
  const TURNED = KEY_STATUSES.indexOf('turned')
  const phase = (s: number) => PHASES[table.phase[s] as number]
  const move = (s: number, e: number): number => {
    if (e < 0) return -1
    let n = table.next[s * E + e] as number
    if (n === UNEXPANDED) {
      table.expand?.(s)
      n = table.next[s * E + e] as number
    }
    return n
  }
  const pendingKey = (s: number, k: number) => table.keyStatus[s * K + k] === PENDING
  const maxAmendments = scenario.sponsor.maxAmendments

  const index = new Map<string, number>()
  const found: Extended[] = []
  const labels: string[] = []
  const state = (x: Extended): number => {
    const label = `${x.s}|${x.seats.join('')}|${x.pending}|${x.amendments}`
    const known = index.get(label)
    if (known !== undefined) return known
    if (found.length >= maxStates) {
      throw analyzeError('LIMIT_REACHED', 'exact.tooManyStates', {
        policy: policy.id,
        scenario: scenario.name,
        max: maxStates,
      })
    }
    index.set(label, found.length)
    found.push(x)
    labels.push(label)
    return found.length - 1
  }
  const outcome = (o: number) => -1 - o

  /** Where the table's move s → n leaves the initiative (the simulator's `changed`). */
  const settle = (x: Extended, n: number): number => {
    if (n < 0 || n === x.s) return state(x)
    const p = phase(n)
    if (p === 'review' || p === 'plenary') return state({ ...x, s: n })
    if (p === 'lapsed') return outcome(O.lapsed)
    if (p === 'withdrawn') return outcome(O.withdrawn)
    if (p === 'returned') {
      // The sponsor withdraws at once, or amends and resubmits: a new window opening at a random instant.
      if (x.amendments < maxAmendments && scenario.sponsor.withdrawAfterRefusal < 1) {
        throw analyzeError('SCENARIO_INVALID', 'exact.resubmission', {
          scenario: scenario.name,
          chance: 1 - scenario.sponsor.withdrawAfterRefusal,
        })
      }
      const w = move(n, ev.withdraw)
      if (w < 0 || phase(w) !== 'withdrawn')
        throw new TwoKeysError(
          'INTERNAL',
          `the table refuses the sponsor's WITHDRAW after a refusal (state ${n})`,
        )
      return outcome(O.refused)
    }
    // Approved: the step that turns the last key starts a rollout (the simulator's `approved`).
    if (p !== 'federalRollout' && p !== 'regionalRollout' && p !== 'exportRollout') {
      throw new TwoKeysError(
        'INTERNAL',
        `the table leaves review for phase "${p}" (state ${n}), which the exact analysis does not know`,
      )
    }
    for (let k = 0; k < K; k++) {
      if (table.keyStatus[x.s * K + k] !== TURNED && table.keyStatus[n * K + k] === TURNED) return outcome(k)
    }
    return outcome(O.approvedOther)
  }

  const rowStart: number[] = [0]
  const target: number[] = []
  const clock: number[] = []
  const share: number[] = []
  const tick: number[] = []
  const plenary: number[] = []

  const initialMass = new Map<number, number>()
  const weights = model.mixCumulative.map(
    (c, i) => c - (i === 0 ? 0 : (model.mixCumulative[i - 1] as number)),
  )
  model.propose.forEach((proposal, i) => {
    const drafted = move(0, proposal)
    const submitted = drafted < 0 ? -1 : move(drafted, ev.submit)
    if (submitted < 0 || phase(submitted) !== 'review') {
      throw analyzeError('SCENARIO_INVALID', 'exact.noReview', {
        scenario: scenario.name,
        entry: i + 1,
        policy: policy.id,
      })
    }
    const x = state({
      s: submitted,
      seats: seats.map((seat) => (pendingKey(submitted, seat.key) ? REVIEWING : IDLE)),
      pending: 0,
      amendments: 0,
    })
    initialMass.set(x, (initialMass.get(x) ?? 0) + (weights[i] as number))
  })

  for (let i = 0; i < found.length; i++) {
    const x = found[i] as Extended
    const add = (to: number, by: number, part: number) => {
      if (part > 0 && to !== i) {
        target.push(to)
        clock.push(by)
        share.push(part)
      }
    }
    const withSeat = (j: number, code: number) => x.seats.map((c, m) => (m === j ? code : c))
    x.seats.forEach((code, j) => {
      const seat = seats[j]!
      const reviewer = model.reviewers[seat.principal]!
      const by = seat.principal
      if (code === STALE) {
        // The review was of an amended revision: it starts again if the key still waits.
        add(state({ ...x, seats: withSeat(j, pendingKey(x.s, seat.key) ? REVIEWING : IDLE) }), by, 1)
        return
      }
      if (code !== REVIEWING) return
      const done = { ...x, seats: withSeat(j, IDLE) }
      const d = reviewer.decisions
      add(settle(done, move(x.s, seat.approve)), by, d.approve)
      add(settle(done, move(x.s, seat.refuse)), by, d.refuse)
      if (d.amend > 0) {
        const asked =
          x.pending === 1
            ? state(done)
            : x.amendments >= maxAmendments
              ? settle(done, move(x.s, ev.withdraw))
              : state({ ...done, pending: 1 })
        add(asked, by, d.amend)
      }
    })
    if (x.pending === 1) {
      const n = move(x.s, ev.amend)
      if (n < 0) add(state({ ...x, pending: 0 }), AMENDMENT, 1)
      else {
        // A new revision: reviews under way are of the old one; idle seats start on the new one.
        const next = {
          s: x.s,
          pending: 0,
          amendments: x.amendments + 1,
          seats: x.seats.map((code, j) =>
            code === REVIEWING
              ? STALE
              : code === STALE
                ? STALE
                : pendingKey(n, seats[j]!.key)
                  ? REVIEWING
                  : IDLE,
          ),
        }
        add(settle(next, n), AMENDMENT, 1)
      }
    }
    rowStart.push(target.length)
    tick.push(settle(x, move(x.s, ev.window)))
    plenary.push(phase(x.s) === 'plenary' ? 1 : 0)
  }

  const initial = new Float64Array(found.length)
  for (const [x, w] of initialMass) initial[x] = w
  return withRates(
    {
      states: found.length,
      outcomes: O.count,
      rowStart: Int32Array.from(rowStart),
      target: Int32Array.from(target),
      clock: Int32Array.from(clock),
      share: Float64Array.from(share),
      rate: new Float64Array(target.length),
      exit: new Float64Array(found.length),
      tick: Int32Array.from(tick),
      plenary: Uint8Array.from(plenary),
      initial,
      labels,
    },
    rates,
  )
}

/**
 * The same chain under other rates (its moves do not depend on them): how the sensitivities
 * re-solve it without searching again.
 *
 * @example
 * const faster = withRates(chain, { ...rates, review: rates.review.map((r) => r * 1.1) })
 */
export function withRates(chain: ExactChain, rates: Pick<ExactRates, 'review' | 'amendment'>): ExactChain {
  const rate = new Float64Array(chain.target.length)
  const exit = new Float64Array(chain.states)
  for (let x = 0; x < chain.states; x++) {
    let out = 0
    for (let i = chain.rowStart[x] as number; i < (chain.rowStart[x + 1] as number); i++) {
      const by = chain.clock[i] as number
      const r =
        (by === AMENDMENT ? rates.amendment : (rates.review[by] as number)) * (chain.share[i] as number)
      rate[i] = r
      out += r
    }
    exit[x] = out
  }
  return { ...chain, rate, exit }
}
