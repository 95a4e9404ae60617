import { type CompiledTable, KEY_STATUSES, PHASES, UNEXPANDED } from '../explore/compile.js'
import type { SimulationModel } from './SimulationModel.js'

/** Key statuses and phases the simulator asks about, as the table numbers them. */
export const KEY_TURNED = KEY_STATUSES.indexOf('turned')
export const KEY_PENDING = KEY_STATUSES.indexOf('pending')
export const PHASE_COMPLETED = PHASES.indexOf('completed')
export const PHASE_WITHDRAWN = PHASES.indexOf('withdrawn')

/** Hooks on the moves a replication takes; see `ReplicationOptions`. */
export interface MoveHooks {
  onTransition?: ((initiative: number, from: number, event: number, to: number) => void) | undefined
  step?: ((initiative: number, from: number, event: number) => number) | undefined
}

/**
 * A replication's view of the compiled table: where an event leads, and what a state's phase,
 * key statuses and finality are. A lazy table computes a state's row the first time a move from
 * it is asked for, and may replace its arrays as it grows, so they are re-read after each
 * expansion. A `step` hook replaces the lookup (a benchmark driving XState itself).
 */
export class TableMoves {
  private next: Int32Array
  private phaseOf: Int8Array
  private keyStatusOf: Int8Array
  private finalOf: Uint8Array
  private readonly eventCount: number
  /** Keys per state. */
  readonly keys: number
  private readonly reviewPhase: number
  private readonly plenaryPhase: number
  private readonly onTransition: MoveHooks['onTransition']
  private readonly step: MoveHooks['step']

  constructor(
    private readonly table: CompiledTable,
    phases: SimulationModel['phase'],
    hooks: MoveHooks,
  ) {
    this.next = table.next
    this.phaseOf = table.phase
    this.keyStatusOf = table.keyStatus
    this.finalOf = table.final
    this.eventCount = table.eventCount
    this.keys = table.keyCount
    this.reviewPhase = phases.review
    this.plenaryPhase = phases.plenary
    this.onTransition = hooks.onTransition
    this.step = hooks.step
  }

  /**
   * The state initiative `serial` reaches from state `s` on event `e`, or -1 when the machine
   * refuses it (or `e` is -1: an event this policy does not have).
   */
  move(serial: number, s: number, e: number): number {
    if (e < 0) return -1
    let n = this.step === undefined ? (this.next[s * this.eventCount + e] as number) : this.step(serial, s, e)
    if (n === UNEXPANDED) n = this.expandedMove(s, e)
    if (n >= 0 && this.onTransition !== undefined) this.onTransition(serial, s, e, n)
    return n
  }

  phase(s: number): number {
    return this.phaseOf[s] as number
  }

  /** Whether a state is in review or in the plenary: the seats are reading its dossier. */
  inReview(s: number): boolean {
    const phase = this.phaseOf[s]
    return phase === this.reviewPhase || phase === this.plenaryPhase
  }

  /** Key `k`'s status in state `s` (an index of `KEY_STATUSES`). */
  keyStatus(s: number, k: number): number {
    return this.keyStatusOf[s * this.keys + k] as number
  }

  isFinal(s: number): boolean {
    return this.finalOf[s] === 1
  }

  /** The move from `s` on `e` once `s`'s row is computed. */
  private expandedMove(s: number, e: number): number {
    this.table.expand?.(s)
    this.next = this.table.next
    this.phaseOf = this.table.phase
    this.keyStatusOf = this.table.keyStatus
    this.finalOf = this.table.final
    return this.next[s * this.eventCount + e] as number
  }
}
