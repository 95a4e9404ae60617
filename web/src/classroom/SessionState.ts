import type { Board } from '../../../src/engine/keyBoard.js'
import type { Policy } from '../../../src/policy/PolicySchema.js'

/** What GET /api/sessions/:id answers: the policy in brief, the roster, the clock and every board. */
export interface SessionState {
  sessionId: string
  policy: {
    id: string
    title: string
    objectives: string[]
    keys: { id: string; label: string; holders: string[]; deputies: string[] }[]
    regions: { id: string; governor: string }[]
    destinations: string[]
    translations: NonNullable<Policy['translations']>
  }
  startedAt: number
  clock: number
  ended: boolean
  students: { role: string; name: string; keyId: string; inKeyring: boolean }[]
  roles: {
    id: string
    name: string
    institution: string | null
    roles: string[]
    keys: string[]
    taken: boolean
  }[]
  boards: Board[]
}
