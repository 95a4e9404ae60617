import { eventHash } from '../domain/eventHash.js'
import { TwoKeysError } from '../domain/TwoKeysError.js'
import { keepPhrase, phraseOf, withPhrase } from '../policy/phrased.js'
import type { RecordedEvent } from '../stores/Store.js'
import { type AuditPhrase, auditPhrase, type EventAt, renderAuditPhrase } from './auditMessages.js'

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

type Failure = Extract<AuditResult, { ok: false }>
/** `split`: only that an initiative's run was broken, a weaker finding than one about the event itself. */
type Finding = Omit<Failure, 'ok' | 'count'> & { split?: true }

/** At one position, a finding about the event there beats one about a missing event, which beats a split. */
const weight = (f: Finding) => (f.split === true ? 2 : f.problem === 'deleted' ? 1 : 0)
const byPosition = (a: Finding, b: Finding) => a.position - b.position || weight(a) - weight(b)

interface Entry {
  pos: number
  r: RecordedEvent
  /** The stored hash matches the content. */
  valid: boolean
}

function isRecordShape(value: unknown): value is RecordedEvent {
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

function hashMatches(r: RecordedEvent): boolean {
  try {
    return eventHash(r as unknown as Record<string, unknown>) === r.hash
  } catch {
    return false
  }
}

const own = <T>(record: Record<string, T> | undefined, key: string): T | undefined =>
  record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined

const at = (e: Entry): EventAt => ({ position: e.pos, initiative: e.r.initiativeId, seq: e.r.seq })

/** A finding worded by `phrase`: its English is the message, the phrase rides along (not enumerable). */
const phrased = (finding: Omit<Finding, 'message'>, phrase: AuditPhrase): Finding =>
  withPhrase({ ...finding, message: renderAuditPhrase(phrase) }, phrase)

/**
 * Checks one initiative's events (in log order). The genuine chain is rebuilt from the hash links:
 * back from the head (the anchored head, or the last event with the highest seq) and, if that walk
 * breaks, forward from the first event. Whatever is not that chain, in that order and in one run,
 * is reported, at the first position where the log stops being it.
 */
function checkInitiative(
  id: string,
  entries: Entry[],
  anchor: AuditHead | undefined,
  exact: boolean,
  log: { at: (position: number) => unknown; end: number },
): Finding | undefined {
  const first = entries[0]
  if (exact && anchor === undefined && first?.valid === true) {
    return phrased(
      { position: first.pos, initiativeId: id, seq: first.r.seq, problem: 'inserted' },
      auditPhrase('chain.notAnchored', { at: at(first) }),
    )
  }
  const valid = entries.filter((e) => e.valid)
  const positions = new Set(entries.map((e) => e.pos))
  const nextToOwn = (e: Entry) => positions.has(e.pos - 1) || positions.has(e.pos + 1)
  // Of identical copies, the genuine one is the first that sits with its initiative's other events.
  const byHash = new Map<string, Entry>()
  const copies = new Map<string, number>()
  const children = new Map<string, Entry[]>()
  for (const e of valid) {
    const kept = byHash.get(e.r.hash)
    if (kept === undefined || (!nextToOwn(kept) && nextToOwn(e))) byHash.set(e.r.hash, e)
    copies.set(e.r.hash, (copies.get(e.r.hash) ?? 0) + 1)
    const siblings = children.get(e.r.prevHash)
    if (siblings === undefined) children.set(e.r.prevHash, [e])
    else siblings.push(e)
  }
  const isFirstCopy = (e: Entry) => byHash.get(e.r.hash) === e

  const childOf = (e: Entry) => children.get(e.r.hash)?.find((c) => c.r.seq === e.r.seq + 1 && isFirstCopy(c))
  // The anchored event, if the log still has it; else the last event with the highest seq.
  let head: Entry | undefined = anchor === undefined ? undefined : byHash.get(anchor.hash)
  const anchorFound = head !== undefined && head.r.seq === anchor?.seq
  if (!anchorFound) {
    head = undefined
    for (const e of valid) if (head === undefined || e.r.seq >= head.r.seq) head = e
    if (head !== undefined) head = byHash.get(head.r.hash)
  }

  // Back from the head, then (if that breaks) forward from the first event.
  const back: Entry[] = []
  for (let cur = head; cur !== undefined; ) {
    back.push(cur)
    if (cur.r.prevHash === '') break
    const parent: Entry | undefined = byHash.get(cur.r.prevHash)
    cur = parent?.r.seq === cur.r.seq - 1 ? parent : undefined
  }
  back.reverse() // walked from the head: oldest first now
  // Past an anchored checkpoint the log may have grown, unless the heads are exact.
  if (anchorFound && !exact) {
    for (let cur = head && childOf(head); cur !== undefined; cur = childOf(cur)) back.push(cur)
  }
  const rooted = (e: Entry | undefined) => e !== undefined && e.r.seq === 1 && e.r.prevHash === ''
  const forward: Entry[] = []
  if (!rooted(back[0])) {
    const onBack = new Set(back)
    const next = (prevHash: string, seq: number) =>
      children.get(prevHash)?.find((e) => e.r.seq === seq && isFirstCopy(e) && !onBack.has(e))
    for (let cur = next('', 1); cur !== undefined; cur = next(cur.r.hash, cur.r.seq + 1)) forward.push(cur)
  }
  const chain = [...forward, ...back]
  const gap = !rooted(chain[0]) || (forward.length > 0 && back.length > 0)
  const indexOf = new Map(chain.map((e, i) => [e, i]))
  const seqs = new Set(chain.map((e) => e.r.seq))

  const findings: Finding[] = []
  const report = (e: Entry | undefined, pos: number, problem: AuditProblem, phrase: AuditPhrase) =>
    findings.push(phrased({ position: pos, initiativeId: id, seq: e?.r.seq ?? null, problem }, phrase))
  const seen = new Set<string>()
  let ptr = 0
  let prev: Entry | undefined
  for (const e of entries) {
    if (e !== chain[ptr]) {
      const later = indexOf.get(byHash.get(e.r.hash) as Entry)
      if (!e.valid) {
        report(e, e.pos, 'edited', auditPhrase('chain.edited', { at: at(e) }))
      } else if (seen.has(e.r.hash)) {
        report(e, e.pos, 'inserted', auditPhrase('chain.secondCopy', { at: at(e) }))
      } else if (later !== undefined && later > ptr) {
        const expected = chain[ptr] as Entry
        if ((copies.get(e.r.hash) ?? 0) > 1) {
          const positions = entries.filter((x) => x.r.hash === e.r.hash).map((x) => x.pos)
          report(e, e.pos, 'inserted', auditPhrase('chain.copyOutOfOrder', { at: at(e), positions }))
        } else {
          report(
            e,
            e.pos,
            'reordered',
            auditPhrase('chain.reordered', { at: at(e), seq: expected.r.seq, position: expected.pos }),
          )
        }
      } else if (
        !(gap && ptr === forward.length) &&
        (seqs.has(e.r.seq) || indexOf.has(byHash.get(e.r.prevHash) as Entry))
      ) {
        report(
          e,
          e.pos,
          'inserted',
          auditPhrase(seqs.has(e.r.seq) ? 'chain.forged' : 'chain.pastAnchor', { at: at(e) }),
        )
      } else {
        report(e, e.pos, 'edited', auditPhrase('chain.rehashed', { at: at(e) }))
      }
      break
    }
    if (ptr === forward.length && gap) {
      const last = forward.at(-1)
      // Is e vouched for, by a later event linking to it or by the anchor? If not, and an anchor
      // contradicts it, e is the one that changed; otherwise the event before it is.
      const vouched = back.length > 1 || anchorFound || anchor === undefined
      if (last !== undefined && last.r.seq + 1 === e.r.seq && !vouched) {
        report(e, e.pos, 'edited', auditPhrase('chain.differsFromAnchor', { at: at(e), seq: last.r.seq }))
      } else if (last !== undefined && last.r.seq + 1 === e.r.seq) {
        report(
          last,
          last.pos,
          'edited',
          auditPhrase('chain.rehashedBefore', { at: at(last), seq: e.r.seq, position: e.pos }),
        )
      } else if (last === undefined && e.r.seq === 1) {
        report(e, e.pos, 'edited', auditPhrase('chain.firstLinks', { at: at(e) }))
      } else if (e.r.prevHash === (last?.r.hash ?? '')) {
        report(e, e.pos, 'edited', auditPhrase('chain.seqChanged', { at: at(e), seq: last?.r.seq ?? 0 }))
      } else {
        const missing = (last?.r.seq ?? 0) + 1
        findings.push(
          phrased(
            { position: e.pos, initiativeId: id, seq: missing, problem: 'deleted' },
            auditPhrase('chain.missing', {
              position: e.pos,
              initiative: id,
              from: missing,
              to: e.r.seq - 1,
              before: e.r.seq,
            }),
          ),
        )
      }
    }
    if (prev !== undefined && e.pos > prev.pos + 1) {
      const intruder = log.at(prev.pos + 1)
      const other = isRecordShape(intruder) ? intruder.initiativeId : null
      findings.push(
        phrased(
          {
            split: true,
            position: prev.pos + 1,
            initiativeId: other,
            seq: isRecordShape(intruder) ? intruder.seq : null,
            problem: 'reordered',
          },
          auditPhrase('chain.split', {
            position: prev.pos + 1,
            other,
            initiative: id,
            seq: prev.r.seq,
            at: prev.pos,
            nextSeq: e.r.seq,
            nextAt: e.pos,
          }),
        ),
      )
    }
    if (findings.length > 0) break
    seen.add(e.r.hash)
    prev = e
    ptr++
  }
  if (anchor !== undefined && !anchorFound) {
    const replaced = chain.find((e) => e.r.seq === anchor.seq)
    const position = replaced?.pos ?? (prev === undefined ? log.end : prev.pos + 1)
    findings.push(
      replaced !== undefined
        ? phrased(
            { position, initiativeId: id, seq: anchor.seq, problem: 'edited' },
            auditPhrase('chain.anchorEdited', { at: at(replaced), hash: `${anchor.hash.slice(0, 12)}…` }),
          )
        : phrased(
            { position, initiativeId: id, seq: (prev?.r.seq ?? 0) + 1, problem: 'deleted' },
            auditPhrase('chain.tailDeleted', {
              position,
              initiative: id,
              seq: prev?.r.seq ?? 0,
              anchorSeq: anchor.seq,
              hash: `${anchor.hash.slice(0, 12)}…`,
            }),
          ),
    )
  }
  return findings.sort(byPosition)[0]
}

/**
 * The heads of a part of the log that is plainly sound — each initiative's events in one run,
 * seq 1, 2, 3 … each linking to the one before, every hash matching, the anchored heads where
 * they must be — or undefined when anything is off, for the full analysis to say what. The common
 * case costs one pass and no index; `checkInitiative` finds nothing in such a part.
 */
function cleanRuns(
  part: readonly unknown[],
  anchorOf: (id: string) => AuditHead | undefined,
  exact: boolean,
  earlier: ReadonlyMap<string, AuditHead>,
): Map<string, AuditHead> | undefined {
  const heads = new Map<string, AuditHead>()
  let id: string | undefined
  let prev: RecordedEvent | undefined
  let anchored = false
  const close = (): boolean => {
    if (id === undefined || prev === undefined) return true
    const anchor = anchorOf(id)
    const atHead = anchor !== undefined && prev.seq === anchor.seq && prev.hash === anchor.hash
    if (exact ? !atHead : anchor !== undefined && !anchored) return false
    heads.set(id, { seq: prev.seq, hash: prev.hash })
    return true
  }
  for (const value of part) {
    if (!isRecordShape(value) || !hashMatches(value)) return undefined
    if (value.initiativeId !== id) {
      if (!close()) return undefined
      // An initiative seen before, here or in an earlier part, is split: the full analysis says where.
      if (heads.has(value.initiativeId) || earlier.has(value.initiativeId)) return undefined
      id = value.initiativeId
      prev = undefined
      anchored = false
    }
    if (value.seq !== (prev?.seq ?? 0) + 1 || value.prevHash !== (prev?.hash ?? '')) return undefined
    const anchor = anchorOf(id)
    if (anchor !== undefined && value.seq === anchor.seq && value.hash === anchor.hash) anchored = true
    prev = value
  }
  return close() ? heads : undefined
}

/**
 * Verifies an audit log: every event's hash matches its content, each initiative's events
 * follow on (seq 1, 2, 3 …, each `prevHash` the hash of the one before) and stay together.
 * Detects any edit, deletion, insertion or reordering, and reports the first position touched.
 * A cut-off tail is detected only against known `heads` (see {@link VerifyAuditOptions}).
 *
 * @example
 * const result = verifyAudit(await engine.history(id))
 * if (!result.ok) console.error(result.message) // 'position 3 (initiative "i1", seq 4): …'
 */
export function verifyAudit(events: readonly unknown[], options: VerifyAuditOptions = {}): AuditResult {
  const check = createChainCheck(options)
  check.add(events)
  return check.result()
}

/**
 * {@link verifyAudit} for a log read in parts, such as a store read initiative by initiative: the
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

/**
 * Like {@link verifyAudit}, but throws a TwoKeysError AUDIT_TAMPERED naming the first bad position.
 *
 * @example
 * assertAuditOk(await engine.history(id)) // throws if anyone touched the log
 */
export function assertAuditOk(
  events: readonly unknown[],
  options: VerifyAuditOptions = {},
): Extract<AuditResult, { ok: true }> {
  const result = verifyAudit(events, options)
  if (!result.ok) {
    const error = new TwoKeysError(
      'AUDIT_TAMPERED',
      `the audit log was tampered with (${result.problem}): ${result.message}. Restore it from a trusted copy; nothing after position ${result.position} can be trusted`,
      { reasons: [result.message] },
    )
    const finding = phraseOf<AuditPhrase>(result)
    throw withPhrase(
      error,
      finding && tampered({ problem: result.problem, position: result.position, finding }),
    )
  }
  return result
}
