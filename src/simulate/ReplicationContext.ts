import type { EventQueue } from './EventQueue.js'
import type { InitiativeSlots } from './InitiativeSlots.js'
import type { ReplicationStatistics } from './ReplicationStatistics.js'
import type { ReviewerQueues } from './ReviewerQueues.js'
import type { SimulationModel } from './SimulationModel.js'
import type { TableMoves } from './TableMoves.js'

/** The mechanisms one replication runs on, shared by its loop and its behaviour, and the clock. */
export interface ReplicationContext {
  readonly model: SimulationModel
  readonly table: TableMoves
  readonly slots: InitiativeSlots
  readonly queues: ReviewerQueues
  readonly stats: ReplicationStatistics
  readonly events: EventQueue
  /** The time of the event being handled, in days. */
  now: number
}
