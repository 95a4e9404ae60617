import type { AuditPhrase } from './auditMessages.js'

/** What was done to the log at the first bad position. */
export type AuditProblem = 'malformed' | 'edited' | 'deleted' | 'inserted' | 'reordered'

/** The last event of an initiative: publish these (or keep receipts) to detect a cut-off tail. */
export interface AuditHead {
  seq: number
  hash: string
}

export type AuditResult =
  | {
      ok: true
      /** Events checked. */
      count: number
      initiatives: number
      /** The last event of each initiative, to anchor a later verification. */
      heads: Record<string, AuditHead>
    }
  | {
      ok: false
      count: number
      /** The first position (0-based index in the log) that was touched. */
      position: number
      initiativeId: string | null
      seq: number | null
      problem: AuditProblem
      /** Names the entry, says what is wrong with it and what was expected. */
      message: string
    }

export interface VerifyAuditOptions {
  /**
   * Checkpoints the log must still contain: heads from an earlier verification, a receipt or a
   * published digest. Without them a cut-off tail (or a whole rewritten tail) cannot be told
   * from a log that simply ends there; with them it is reported as deleted or edited.
   */
  heads?: Record<string, AuditHead>
  /**
   * The log must end exactly at `heads`, with no other initiatives (checking an export against
   * the heads published with it). By default the log may have grown past them since.
   */
  exact?: boolean
}

/**
 * Why an audit refused a log, as data on its AUDIT_TAMPERED error (not enumerable; see
 * `withPhrase`): the chain's first bad position, or (`problem: 'rules'`) an event that breaks
 * the rules of its pinned policy, and the finding's phrase.
 */
export interface TamperedPhrase {
  tampered: true
  problem: AuditProblem | 'rules'
  position: number
  finding: AuditPhrase
}

/** Makes a {@link TamperedPhrase}. */
export const tampered = (why: Omit<TamperedPhrase, 'tampered'>): TamperedPhrase => ({
  tampered: true,
  ...why,
})
