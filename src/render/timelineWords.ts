/** A proposal's scope as a timeline reads it: its kind and the regions or destinations it names. */
export interface TimelineScope {
  kind: string
  /** The named regions (regional) or destinations (export); empty for federal. */
  targets: readonly string[]
}

/**
 * The words of `historyToMermaid`'s timelines, so a page can draw them in its own language. Ids,
 * titles, times, reasons as given and the marks (✓ ✖ ↩) stay as they are. The English ones are
 * the text `twokeys history --format mermaid` prints.
 */
export interface TimelineWords {
  /** The initiative's participant and the default title without one: `initiative kazan`. */
  initiative(id: string): string
  /** The initiative's id where there are no events to take it from. */
  noInitiative: string
  /** A key's participant: `key presidential-administration`. */
  key(id: string): string
  noEvents: string
  unreadable: string
  /** A proposal's content: `"Kazan GPU cluster" (infrastructure, regional: tatarstan)`. */
  content(title: string, objective: string, scope: TimelineScope): string
  // The sequence diagram: what each actor does.
  proposes(content: string): string
  submits: string
  /** An amendment, and the revision it makes (null: the revision stands). */
  amends(revision: number | null): string
  approves(revision: number): string
  refuses(revision: number): string
  revokes: string
  delegates(key: string, from: string, until: string): string
  withdraws: string
  deadline: string
  respondsForRegion(region: string, accept: boolean): string
  respondsForMinistry(accept: boolean): string
  plenaryVote: string
  destination(destination: string, agreed: boolean): string
  completes: string
  /** After a new revision: earlier approvals do not count for it. */
  approvalsReset(revision: number): string
  // The Gantt chart: milestones and bars.
  section: string
  proposedBy(by: string): string
  submittedBy(by: string): string
  amendedBy(by: string, revision: number | null): string
  namesDeputy(by: string, deputy: string): string
  withdrawnBy(by: string): string
  /** A region or ministry answering the rollout. */
  answers(who: string, accept: boolean): string
  votesToReturn(by: string): string
  completedBy(by: string): string
  inReview(revision: number): string
  waiting(revision: number): string
  approvedBy(by: string): string
  refusedBy(by: string): string
  revokedBy(by: string): string
}

export const ENGLISH_TIMELINE_WORDS: TimelineWords = {
  initiative: (id) => `initiative ${id}`,
  noInitiative: '(no events)',
  key: (id) => `key ${id}`,
  noEvents: 'no events',
  unreadable: 'an unreadable event',
  content: (title, objective, scope) => {
    const where = scope.kind === 'federal' ? 'federal' : `${scope.kind}: ${scope.targets.join(', ')}`
    return `"${title}" (${objective}, ${where})`
  },
  proposes: (content) => `proposes ${content}`,
  submits: 'submits it for review',
  amends: (revision) =>
    revision === null ? 'amends it (the revision stands)' : `amends it: revision ${revision}`,
  approves: (revision) => `approves revision ${revision}`,
  refuses: (revision) => `refuses revision ${revision}`,
  revokes: 'revokes its approval',
  delegates: (key, from, until) => `names deputy for ${key} from ${from} until ${until}`,
  withdraws: 'withdraws it',
  deadline: 'a deadline fell due',
  respondsForRegion: (region, accept) => `${accept ? 'accepts' : 'declines'} the rollout in ${region}`,
  respondsForMinistry: (accept) => `${accept ? 'accepts' : 'declines'} the federal rollout`,
  plenaryVote: 'votes in the plenary to return it',
  destination: (destination, agreed) => `${destination} ${agreed ? 'agrees' : 'declines'}`,
  completes: 'completes the rollout',
  approvalsReset: (revision) => `revision ${revision}: earlier approvals no longer count (TK5)`,
  section: 'initiative',
  proposedBy: (by) => `proposed by ${by}`,
  submittedBy: (by) => `submitted by ${by}`,
  amendedBy: (by, revision) => `amended by ${by}${revision === null ? '' : `: revision ${revision}`}`,
  namesDeputy: (by, deputy) => `${by} names ${deputy} deputy`,
  withdrawnBy: (by) => `withdrawn by ${by}`,
  answers: (who, accept) => `${who} ${accept ? 'accepts' : 'declines'}`,
  votesToReturn: (by) => `${by} votes to return it`,
  completedBy: (by) => `completed by ${by}`,
  inReview: (revision) => `revision ${revision} in review`,
  waiting: (revision) => `waiting, revision ${revision}`,
  approvedBy: (by) => `✓ ${by} approves`,
  refusedBy: (by) => `✖ ${by} refuses`,
  revokedBy: (by) => `↩ ${by} revokes`,
}
