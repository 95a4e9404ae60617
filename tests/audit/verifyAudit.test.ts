import { beforeAll, describe, expect, it } from 'vitest'
import { type AuditHead, type AuditResult, assertAuditOk, verifyAudit } from '../../src/audit/verifyAudit.js'
import { eventHash } from '../../src/domain/eventHash.js'
import type { RecordedEvent } from '../../src/stores/Store.js'
import { sampleLog } from './support/sampleLog.js'

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type Path = (string | number)[]

let log: RecordedEvent[] = []
let heads: Record<string, AuditHead> = {}
beforeAll(async () => {
  log = await sampleLog()
  const result = verifyAudit(log)
  if (!result.ok) throw new Error(`the sample log does not verify: ${result.message}`)
  heads = result.heads
})

const clone = <T>(value: T): T => structuredClone(value)
const rehash = (r: RecordedEvent): RecordedEvent => ({ ...r, hash: eventHash({ ...r }) })

/** Every path to a primitive inside a record, e.g. ['event', 'content', 'scope', 'kind']. */
function leaves(value: Json, path: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [path]
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value)
  return keys.flatMap((k) => leaves((value as Record<string | number, Json>)[k] as Json, [...path, k]))
}

/** The same record with the value at `path` changed, keeping its type. */
function edit(record: RecordedEvent, path: Path): RecordedEvent {
  const copy = clone(record) as unknown as Json
  let parent = copy as Record<string | number, Json>
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, Json>
  const last = path.at(-1) as string | number
  const old = parent[last]
  parent[last] =
    typeof old === 'string'
      ? `${old}x`
      : typeof old === 'number'
        ? old + 1
        : typeof old === 'boolean'
          ? !old
          : 'x'
  return copy as unknown as RecordedEvent
}

/** Is `i` the last event of its initiative in the sample log? */
const isTail = (i: number) => log[i + 1]?.initiativeId !== log[i]?.initiativeId

function expectFailure(result: AuditResult, position: number, problems: string[], what: string) {
  if (result.ok) throw new Error(`${what}: not detected`)
  expect({ what, position: result.position, problem: problems.includes(result.problem) }).toEqual({
    what,
    position,
    problem: true,
  })
  expect(result.message).toMatch(new RegExp(`position ${result.position}\\b`))
}

/** The first index where two logs differ: where a tamper first shows. */
function firstDifference(a: readonly unknown[], b: readonly unknown[]): number {
  let i = 0
  while (i < Math.min(a.length, b.length) && JSON.stringify(a[i]) === JSON.stringify(b[i])) i++
  return i
}

describe('verifyAudit', () => {
  it('accepts the untouched log and reports its count and heads', () => {
    const result = verifyAudit(log)
    expect(result).toMatchObject({ ok: true, count: 12, initiatives: 3 })
    expect(verifyAudit(log, { heads, exact: true })).toMatchObject({ ok: true })
    expect(verifyAudit([])).toEqual({ ok: true, count: 0, initiatives: 0, heads: {} })
  })

  it('detects every edit of every field of every event, at that event', () => {
    let cases = 0
    log.forEach((record, i) => {
      for (const path of leaves(record as unknown as Json)) {
        const tampered = log.map((r, j) => (j === i ? edit(r, path) : r))
        const what = `edit ${path.join('.')} of position ${i}`
        expectFailure(verifyAudit(tampered), i, ['edited'], what)
        expectFailure(verifyAudit(tampered, { heads, exact: true }), i, ['edited'], `${what} (anchored)`)
        cases++
      }
      const extra = log.map((r, j) => (j === i ? { ...r, note: 'added' } : r))
      expectFailure(verifyAudit(extra), i, ['edited'], `add a field to position ${i}`)
      const missing = log.map((r, j) => {
        if (j !== i) return r
        const { commandHash: _gone, ...rest } = r
        return rest
      })
      expectFailure(verifyAudit(missing), i, ['edited'], `remove a field from position ${i}`)
    })
    expect(cases).toBeGreaterThan(150)
  })

  it('detects an edit whose hash was recomputed, at that event, given the heads', () => {
    log.forEach((record, i) => {
      for (const path of leaves(record as unknown as Json)) {
        if (path[0] === 'hash') continue
        const tampered = log.map((r, j) => (j === i ? rehash(edit(r, path)) : r))
        const what = `edit ${path.join('.')} of position ${i} and recompute its hash`
        // Moving an event to another initiative also makes it an insertion there.
        const problems = path[0] === 'initiativeId' ? ['edited', 'inserted'] : ['edited']
        expectFailure(verifyAudit(tampered, { heads, exact: true }), i, problems, what)
        if (path[0] !== 'initiativeId')
          expectFailure(verifyAudit(tampered, { heads }), i, problems, `${what} (checkpoint)`)
        // Without heads, only a later event can give it away; an event moved to a new initiative of its
        // own looks genuine there, so its old initiative shows the gap at the next event.
        const unanchored = verifyAudit(tampered)
        if (path[0] === 'initiativeId' && !unanchored.ok) expect([i, i + 1]).toContain(unanchored.position)
        else if (!isTail(i)) expectFailure(unanchored, i, problems, `${what} (no heads)`)
      }
    })
  })

  it('detects every deletion where it happened; a cut-off tail only given the heads', () => {
    log.forEach((_, i) => {
      const tampered = log.filter((_, j) => j !== i)
      expectFailure(
        verifyAudit(tampered, { heads, exact: true }),
        i,
        ['deleted'],
        `delete position ${i} (anchored)`,
      )
      if (isTail(i)) expect(verifyAudit(tampered).ok).toBe(true)
      else expectFailure(verifyAudit(tampered), i, ['deleted'], `delete position ${i}`)
    })
  })

  it('detects a copy of any event inserted anywhere, where the log first differs', () => {
    log.forEach((record, k) => {
      for (let j = 0; j <= log.length; j++) {
        const tampered: unknown[] = [...log]
        tampered.splice(j, 0, clone(record))
        const position = firstDifference(log, tampered)
        const what = `insert a copy of position ${k} at ${j}`
        expectFailure(verifyAudit(tampered), position, ['inserted'], what)
        expectFailure(
          verifyAudit(tampered, { heads, exact: true }),
          position,
          ['inserted'],
          `${what} (anchored)`,
        )
      }
    })
  })

  it('detects a forged event with a valid hash inserted anywhere, given the heads', () => {
    log.forEach((record, k) => {
      const forged = rehash({ ...clone(record), commandId: `forged-${k}` })
      const stranger = rehash({ ...clone(record), initiativeId: 'forged', seq: 1, prevHash: '' })
      for (let j = 0; j <= log.length; j++) {
        for (const [name, fake] of [
          ['forged', forged],
          ['forged initiative', stranger],
        ] as const) {
          const tampered: unknown[] = [...log]
          tampered.splice(j, 0, fake)
          expectFailure(
            verifyAudit(tampered, { heads, exact: true }),
            j,
            ['inserted'],
            `insert a ${name} copy of ${k} at ${j}`,
          )
        }
      }
    })
  })

  it('detects every swap of two neighbouring events, at the first of them', () => {
    for (let i = 0; i + 1 < log.length; i++) {
      const tampered = [...log]
      ;[tampered[i], tampered[i + 1]] = [tampered[i + 1] as RecordedEvent, tampered[i] as RecordedEvent]
      expectFailure(verifyAudit(tampered), i, ['reordered'], `swap positions ${i} and ${i + 1}`)
      expectFailure(
        verifyAudit(tampered, { heads, exact: true }),
        i,
        ['reordered'],
        `swap ${i} and ${i + 1} (anchored)`,
      )
    }
  })

  it('accepts a log that grew past checkpoint heads, unless the heads are exact', () => {
    const before = verifyAudit(log.slice(0, -1))
    if (!before.ok) throw new Error(before.message)
    expect(verifyAudit(log, { heads: before.heads })).toMatchObject({ ok: true })
    expect(verifyAudit(log, { heads: before.heads, exact: true })).toMatchObject({
      ok: false,
      position: 11,
      problem: 'inserted',
    })
  })

  it('catches a rewrite that recomputed every later hash only against the heads', () => {
    // Edit seq 2 of the first initiative and re-chain everything after it: self-consistent.
    const rewritten = [...log]
    for (let i = 1; i <= 3; i++) {
      const prev = rewritten[i - 1] as RecordedEvent
      const r = i === 1 ? edit(log[i] as RecordedEvent, ['event', 'by']) : clone(log[i] as RecordedEvent)
      rewritten[i] = rehash({ ...r, prevHash: prev.hash })
    }
    expect(verifyAudit(rewritten).ok).toBe(true)
    expect(verifyAudit(rewritten, { heads })).toMatchObject({ ok: false, position: 3, problem: 'edited' })
  })

  it('reports entries that are not event records as malformed', () => {
    const tampered: unknown[] = [...log]
    tampered[5] = 'not json'
    expect(verifyAudit(tampered)).toMatchObject({ ok: false, position: 5, problem: 'malformed' })
    tampered[5] = { ...log[5], seq: '2' }
    expect(verifyAudit(tampered)).toMatchObject({ ok: false, position: 5, problem: 'malformed' })
  })

  it('names the entry in its message', () => {
    const tampered = log.map((r, i) => (i === 2 ? edit(r, ['event', 'by']) : r))
    const result = verifyAudit(tampered)
    expect(result.ok === false && result.message).toBe(
      'position 2 (initiative "sample-1", seq 3): the event no longer matches its hash; it was edited',
    )
  })

  it('assertAuditOk throws AUDIT_TAMPERED with the first bad position', () => {
    expect(assertAuditOk(log).count).toBe(12)
    const tampered = log.filter((_, i) => i !== 1)
    expect(() => assertAuditOk(tampered)).toThrow(
      expect.objectContaining({ code: 'AUDIT_TAMPERED', message: expect.stringContaining('position 1') }),
    )
  })
})
