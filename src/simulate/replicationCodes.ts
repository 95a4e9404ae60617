/**
 * The small integers a replication stores in typed arrays and on its event queue, by name: what
 * an event is, where a seat stands on a dossier, which random stream a draw comes from, what has
 * happened to an initiative, and which answer a rollout event carries.
 */

/** What a queued event does when it comes due (the queue's `kind`). */
export const EventKind = {
  /** The next initiative arrives. */
  Arrival: 0,
  /** A holder finished reading a dossier (a: slot, b: generation, c: seat). */
  ReviewDone: 1,
  /** A deputy finished reading a dossier (c: seat). */
  DeputyDone: 2,
  /** A review or plenary window closes, if it is still the initiative's latest one. */
  WindowCloses: 3,
  /** The oldest approval of the current revision is past its lifetime. */
  ApprovalExpires: 4,
  /** A delegation to a deputy ends (c: key). */
  DelegationEnds: 5,
  /** The sponsor's amendment is ready (c: the revision it amends). */
  Amended: 6,
  /** The sponsor withdraws the initiative. */
  Withdrawn: 7,
  /** A rollout party answers (c: a `RolloutAnswer`). */
  RolloutAnswer: 8,
  /** The work-in-progress series takes a sample (a: the sample's index). */
  Sample: 9,
} as const
export type EventKind = (typeof EventKind)[keyof typeof EventKind]

/** Where one seat stands on one initiative. */
export const SeatStatus = {
  /** Not asked, or asked for a revision that is no longer current. */
  Idle: 0,
  /** Waiting in its holder's queue. */
  Queued: 1,
  /** Being read by its holder. */
  Reviewing: 2,
  /** Decided on the current revision (or returned it). */
  Done: 3,
  /** Handed to the holder's deputy. */
  WithDeputy: 4,
} as const
export type SeatStatus = (typeof SeatStatus)[keyof typeof SeatStatus]

/** An initiative's random streams: one for it and its sponsor, one for its rollout, one per seat. */
export const Stream = {
  Sponsor: 0,
  Rollout: 1,
  /** Seat s draws from stream `FirstSeat + s`. */
  FirstSeat: 2,
} as const

/** What has happened to an initiative, as bits of one byte. */
export const InitiativeFlag = {
  /** Submitted after the warm-up: its lead times and outcome are counted. */
  Counted: 1,
  Escalated: 2,
  Refused: 4,
  Approved: 8,
  /** Its outcome (approved, refused, lapsed …) has been counted once. */
  Resolved: 16,
} as const

/**
 * The answer a rollout event carries. The table names two regions and two ministries; a region
 * answer is for its first seat (all governors but the last) or its second (the last one).
 */
export const RolloutAnswer = {
  /** The sponsor completes a federal rollout. */
  Complete: 0,
  FirstRegionAccepts: 1,
  FirstRegionDeclines: 2,
  LastRegionAccepts: 3,
  LastRegionDeclines: 4,
  DestinationsAgreed: 5,
  DestinationDeclined: 6,
  /** Ministry m accepts with `FirstMinistry + 2m`, declines with `FirstMinistry + 2m + 1`. */
  FirstMinistry: 7,
} as const

/** The answer code of ministry `m` (0 or 1). */
export const ministryAnswer = (m: number, accepts: boolean): number =>
  RolloutAnswer.FirstMinistry + 2 * m + (accepts ? 0 : 1)
