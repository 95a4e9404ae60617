import type { ScopeKind } from '../../policy/PolicySchema.js'
import type { HolderIndices } from './holderIndices.js'

/** What part a player plays for a kind of initiative, as the explorer's cast and the policy say. */
export type MemberRole =
  | 'holder'
  | 'deputy'
  | 'sponsor'
  | 'member'
  | 'governor'
  | 'ministry'
  | 'agency'
  | 'dual'
  | 'outsider'

/** The delegation a deputy acted under on the machine's path to approval, in days from the proposal. */
export interface DelegationWindow {
  /** The holder who named the deputy, and for which key. */
  holder: string
  key: string
  fromDay: number
  untilDay: number
  /** When the deputy decided (inside the window, or the machine would not have counted it). */
  actedDay: number
}

export interface PowerMember {
  id: string
  role: MemberRole
  /** The keys it holds (a holder) or may act for (a deputy). */
  keys: string[]
  /** For a deputy whose decision the path used: the window it acted in. */
  window: DelegationWindow | null
}

export interface PowerCoalition {
  members: PowerMember[]
  /** The machine's path to approval when only these (and the background) act, one line per event. */
  witness: string[]
}

/** The power analysis of one kind of initiative. */
export interface KindPower {
  kind: string
  objective: string
  scope: ScopeKind
  track: string | null
  /** The keys that apply to this kind (a conditional key that does not is waived). */
  keys: string[]
  /** Who proposes and submits it (background), and may act further as a player. */
  sponsor: string
  /** Every principal who sends some command besides the background: the game's players. */
  players: string[]
  /** The minimal winning coalitions, smallest first. */
  minimalWinning: PowerCoalition[]
  /** The minimal blocking coalitions: whoever holds one can stop every approval by not acting. */
  blocking: string[][]
  /** Players in every minimal winning coalition (none when two disjoint coalitions each win). */
  veto: string[]
  /** The fewest accounts that get this kind approved, or null when no coalition can. */
  fewestAccounts: number | null
  /** Players in no minimal winning coalition: their commands never make the difference. */
  powerless: string[]
  /** Banzhaf and Shapley–Shubik over the key holders (a deputy's commands count for its key's holders). */
  indices: HolderIndices
  /** How the coalitions were found: the grand coalition's graph, or (its answer failing the machine's check) by growing sizes. */
  method: 'graph' | 'levels'
  /** How many restricted plays the machine explored for this kind, checks included. */
  explorations: number
}

export interface PowerResult {
  policy: { id: string; title: string }
  /** The catalogued bug the machine carries, if any. */
  bug: string | null
  kinds: KindPower[]
  seconds: number
}
