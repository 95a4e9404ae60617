import { eventHash } from '../domain/eventHash.js'
import { withPhrase } from '../policy/phrased.js'
import type { RecordedEvent } from '../stores/Store.js'
import type { AuditResult } from './AuditResult.js'
import { type AuditPhrase, type EventAt, renderAuditPhrase } from './auditMessages.js'

/** The verdict on a tampered log, as `AuditResult` reports it. */
export type Failure = Extract<AuditResult, { ok: false }>
/** `split`: only that an initiative's run was broken, a weaker finding than one about the event itself. */
export type Finding = Omit<Failure, 'ok' | 'count'> & { split?: true }

/** At one position, a finding about the event there beats one about a missing event, which beats a split. */
const weight = (f: Finding) => (f.split === true ? 2 : f.problem === 'deleted' ? 1 : 0)
export const byPosition = (a: Finding, b: Finding) => a.position - b.position || weight(a) - weight(b)

/** One event of the log, where it sits. */
export interface Entry {
  pos: number
  r: RecordedEvent
  /** The stored hash matches the content. */
  valid: boolean
}

/** Whether a value has the fields a chain is checked by (initiative, seq, links); not whether they are right. */
export function isRecordShape(value: unknown): value is RecordedEvent {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const r = value as Record<string, unknown>
  return (
    typeof r.initiativeId === 'string' &&
    typeof r.seq === 'number' &&
    Number.isSafeInteger(r.seq) &&
    r.seq >= 1 &&
    typeof r.prevHash === 'string' &&
    typeof r.hash === 'string'
  )
}

/** Whether the stored hash is the hash of the event's content (false for content that cannot be hashed). */
export function hashMatches(r: RecordedEvent): boolean {
  try {
    return eventHash(r as unknown as Record<string, unknown>) === r.hash
  } catch {
    return false
  }
}

/** Where an entry sits, for a finding's words. */
export const at = (e: Entry): EventAt => ({ position: e.pos, initiative: e.r.initiativeId, seq: e.r.seq })

/** A finding worded by `phrase`: its English is the message, the phrase rides along (not enumerable). */
export const phrased = (finding: Omit<Finding, 'message'>, phrase: AuditPhrase): Finding =>
  withPhrase({ ...finding, message: renderAuditPhrase(phrase) }, phrase)
