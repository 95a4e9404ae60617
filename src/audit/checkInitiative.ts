import type { AuditHead, AuditProblem } from './AuditResult.js'
import { type AuditPhrase, auditPhrase } from './auditMessages.js'
import { at, byPosition, type Entry, type Finding, isRecordShape, phrased } from './chainFinding.js'

/**
 * Checks one initiative's events (in log order). The genuine chain is rebuilt from the hash links:
 * back from the head (the anchored head, or the last event with the highest seq) and, if that walk
 * breaks, forward from the first event. Whatever is not that chain, in that order and in one run,
 * is reported, at the first position where the log stops being it.
 */
export function checkInitiative(
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
