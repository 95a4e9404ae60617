import { keepPhrase } from '../policy/phrased.js'
import type { AuditHead, AuditResult, VerifyAuditOptions } from './AuditResult.js'
import { auditPhrase } from './auditMessages.js'
import {
  byPosition,
  type Entry,
  type Failure,
  type Finding,
  hashMatches,
  isRecordShape,
  phrased,
} from './chainFinding.js'
import { checkInitiative } from './checkInitiative.js'
import { cleanRuns } from './cleanRuns.js'

/** `record[key]` when it is the record's own property (a log's ids are data, not property names). */
const own = <T>(record: Record<string, T> | undefined, key: string): T | undefined =>
  record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined

/**
 * `verifyAudit` for a log read in parts, such as a store read initiative by initiative: the
 * result is the one verifyAudit gives for the parts put together, provided each initiative's
 * events all come in one part. Only one part is held at a time.
 *
 * @example
 * const check = createChainCheck()
 * for (const id of await store.listInitiatives()) check.add(await store.readEvents(id))
 * const result = check.result()
 */
export function createChainCheck(options: VerifyAuditOptions = {}) {
  const exact = options.heads !== undefined && options.exact === true
  const findings: Finding[] = []
  const heads = new Map<string, AuditHead>()
  let count = 0

  /** Checks the next part of the log; returns its first finding, if any. */
  function add(part: readonly unknown[]): Omit<Failure, 'ok' | 'count'> | undefined {
    const offset = count
    count += part.length
    const clean = cleanRuns(part, (id) => own(options.heads, id), exact, heads)
    if (clean !== undefined) {
      for (const [id, head] of clean) heads.set(id, head)
      return undefined
    }
    const found: Finding[] = []
    const groups = new Map<string, Entry[]>()
    for (let i = 0; i < part.length; i++) {
      const value = part[i]
      const pos = offset + i
      if (!isRecordShape(value)) {
        const r = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>
        found.push(
          phrased(
            {
              position: pos,
              initiativeId: typeof r.initiativeId === 'string' ? r.initiativeId : null,
              seq: typeof r.seq === 'number' ? r.seq : null,
              problem: 'malformed',
            },
            auditPhrase('chain.malformed', { position: pos }),
          ),
        )
        continue
      }
      const entry = { pos, r: value, valid: hashMatches(value) }
      const group = groups.get(value.initiativeId)
      if (group === undefined) groups.set(value.initiativeId, [entry])
      else group.push(entry)
    }
    const log = { at: (position: number) => part[position - offset], end: count }
    for (const [id, entries] of groups) {
      const finding = checkInitiative(id, entries, own(options.heads, id), exact, log)
      if (finding !== undefined) found.push(finding)
      const last = entries.at(-1) as Entry
      heads.set(id, { seq: last.r.seq, hash: last.r.hash })
    }
    for (const finding of found) findings.push(finding)
    const first = found.sort(byPosition)[0]
    if (first === undefined) return undefined
    const { split: _split, ...finding } = first
    return keepPhrase(first, finding)
  }

  /** The verdict on everything added. */
  function result(): AuditResult {
    for (const [id, head] of Object.entries(options.heads ?? {})) {
      if (heads.has(id)) continue
      findings.push(
        phrased(
          { position: count, initiativeId: id, seq: 1, problem: 'deleted' },
          auditPhrase('chain.noEvents', { position: count, initiative: id, seq: head.seq }),
        ),
      )
    }
    const first = findings.sort(byPosition)[0]
    if (first !== undefined) {
      const { split: _split, ...finding } = first
      return keepPhrase(first, { ok: false, count, ...finding })
    }
    return { ok: true, count, initiatives: heads.size, heads: Object.fromEntries(heads) }
  }

  return { add, result }
}
