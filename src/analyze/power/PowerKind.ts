import type { InitiativeContent } from '../../domain/InitiativeContent.js'
import type { ScopeKind } from '../../policy/PolicySchema.js'

/**
 * One kind of initiative the power analysis asks about: a representative proposal of the
 * explorer (`representativeContents`), named by its branch — its scope, its objective, the track
 * routing gives it, and which conditional keys apply (a budget past a threshold).
 */
export interface PowerKind {
  /** The explorer's branch name: `federal`, `export/infrastructure`, `federal@₽10000000001`. */
  name: string
  objective: string
  scope: ScopeKind
  /** The track the policy's routing gives it, or null when no rule takes it. */
  track: string | null
  /** The keys that apply to it (a conditional key that does not is waived). */
  keys: string[]
  content: InitiativeContent
  /** Who proposes and submits it: the background sponsor of every coalition's play. */
  sponsor: string
}
