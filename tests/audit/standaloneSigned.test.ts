import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { revisionHash } from '../../machines/updates.js'
import { eventHash } from '../../src/domain/eventHash.js'
import { createEngine } from '../../src/engine/createEngine.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import type { RecordedEvent } from '../../src/stores/Store.js'
import { sqliteStore } from '../../src/stores/sqliteStore.js'
import { twokeys } from '../support/runCli.js'

const dir = mkdtempSync(join(tmpdir(), 'twokeys-standalone-signed-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const POLICY = 'machines/policies/two-keys.yaml'

let log: RecordedEvent[] = []
let trust: { identity: string; changes: { change: { signatures: unknown[] } }[] } & Record<string, unknown>

beforeAll(async () => {
  // The signed walkthrough (demo keys), kept in SQLite, exported as a user would.
  const db = join(dir, 'walk.db')
  expect((await twokeys('run', 'examples/seed-walkthrough.yaml', '--db', db)).code).toBe(0)
  expect((await twokeys('audit', 'export', '--db', db, '--out', join(dir, 'audit.jsonl'))).code).toBe(0)
  expect(
    (await twokeys('keys', 'export', '--db', db, '--policy', POLICY, '--out', join(dir, 'trust.json'))).code,
  ).toBe(0)
  log = readFileSync(join(dir, 'audit.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l))
  trust = JSON.parse(readFileSync(join(dir, 'trust.json'), 'utf8'))
})

/** The standalone script, run with plain node on a log and a trust file. */
function standalone(entries: RecordedEvent[], trustFile: unknown, name: string) {
  const file = join(dir, `${name}.jsonl`)
  const trustPath = join(dir, `${name}.trust.json`)
  writeFileSync(file, `${entries.map((e) => JSON.stringify(e)).join('\n')}\n`)
  writeFileSync(trustPath, JSON.stringify(trustFile))
  const run = spawnSync(process.execPath, ['examples/verify-audit-standalone.mjs', file, trustPath], {
    encoding: 'utf8',
  })
  return { code: run.status, out: run.stdout.trim() }
}

/** What the library says of the same log: importing it into a fresh store (rules, signatures). */
async function library(entries: RecordedEvent[], name: string): Promise<'ok' | 'refused'> {
  const store = sqliteStore(join(dir, `${name}.db`))
  try {
    const policy = loadPolicyFile(POLICY)
    const engine = createEngine({ policy, store })
    for (const c of trust.changes) await engine.changeKeyring(c.change as never)
    const { importAudit } = await import('../../src/audit/importAudit.js')
    // The walkthrough ran the shipped policy under identity: signed: that is the policy its events pin.
    await importAudit(store, entries, { policies: [{ ...policy, identity: 'signed' }] })
    return 'ok'
  } catch {
    return 'refused'
  } finally {
    await store.close()
  }
}

/** Re-chains a log after an edit, recomputing every hash, as an insider would. */
function rechain(entries: RecordedEvent[]): RecordedEvent[] {
  const prev = new Map<string, string>()
  return entries.map((e) => {
    const { hash: _h, ...rest } = { ...e, prevHash: prev.get(e.initiativeId) ?? '' }
    const hash = eventHash(rest)
    prev.set(e.initiativeId, hash)
    return { ...rest, hash }
  })
}

describe('the standalone verifier checks signatures and the keyring, as the library does', () => {
  it('accepts the honest signed log', async () => {
    // The shipped policy file says asserted; the walkthrough runs it under identity: signed, and the
    // trust file says what the store runs.
    expect(trust.identity).toBe('signed')
    expect(log.every((e) => e.event.type === 'TICK' || e.command !== undefined)).toBe(true)
    expect(standalone(log, trust, 'honest')).toEqual({
      code: 0,
      out: `OK ${log.length} events, signatures checked against keyring version 1`,
    })
    expect(await library(log, 'honest')).toBe('ok')
  })

  const forgeries: [string, () => { entries: RecordedEvent[]; trust?: unknown }, RegExp][] = [
    [
      'the budget × 10 with every hash and the revision recomputed',
      () => {
        const entries = log.map((e) => {
          if (e.event.type !== 'PROPOSE' || e.initiativeId !== 'gov-services-export') return e
          const content = { ...e.event.content, budget: 10 * (e.event.content.budget ?? 1) }
          return { ...e, event: { ...e.event, content } }
        })
        return { entries: rechain(entries) }
      },
      /the event is not what the signed command asked \(another content\)|hash/,
    ],
    [
      'the signed command edited too',
      () => {
        const i = log.findIndex((e) => e.event.type === 'DECIDE')
        const entries = log.map((e, k) =>
          k === i
            ? {
                ...e,
                command: { ...(e.command as object), decision: 'refuse' } as never,
                event: { ...e.event, decision: 'refuse' } as never,
              }
            : e,
        )
        return { entries: rechain(entries) }
      },
      /does not verify/,
    ],
    [
      "an approval put in another principal's name",
      () => {
        const i = log.findIndex((e) => e.event.type === 'DECIDE' && e.event.by === 'oreshkin')
        const entries = log.map((e, k) =>
          k === i ? { ...e, event: { ...e.event, by: 'gov-tatarstan' } as never } : e,
        )
        return { entries: rechain(entries) }
      },
      /another type or actor/,
    ],
    [
      'a keyring change signed by one institution only',
      () => ({
        entries: log,
        trust: {
          ...trust,
          changes: trust.changes.map((c) => ({
            ...c,
            change: { ...c.change, signatures: c.change.signatures.slice(0, 1) },
          })),
        },
      }),
      /keyring change 1: no signature from institution/,
    ],
    [
      'an unsigned event where the policy says signed',
      () => {
        const entries = rechain(
          log.map((e) =>
            e.event.type === 'SUBMIT' ? (({ command: _c, keyring: _k, ...bare }) => bare)(e) : e,
          ),
        )
        return { entries } // the exported trust file already says identity: signed
      },
      /carries no signed command/,
    ],
  ]
  for (const [name, forge, message] of forgeries) {
    it(`rejects ${name}`, async () => {
      const forged = forge()
      const { code, out } = standalone(forged.entries, forged.trust ?? trust, name.replaceAll(/\W+/g, '-'))
      expect(code).toBe(1)
      expect(out).toMatch(/^TAMPERED at /)
      expect(out).toMatch(message)
    })
  }

  it('agrees with the library on a rewritten signed log', async () => {
    const forged = forgeries[0]?.[1]().entries as RecordedEvent[]
    expect(await library(forged, 'budget')).toBe('refused')
    // And the revision hash really was recomputed: the forgery keeps every rule.
    const propose = forged.find(
      (e) => e.initiativeId === 'gov-services-export' && e.event.type === 'PROPOSE',
    ) as RecordedEvent & { event: { type: 'PROPOSE' } }
    expect(propose.revision).not.toBe(revisionHash(loadPolicyFile(POLICY), 'x', 1, propose.event.content))
  })
})
