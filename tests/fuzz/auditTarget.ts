import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { importAudit } from '../../src/audit/importAudit.js'
import { verifyStore } from '../../src/audit/verifyStore.js'
import { eventHash } from '../../src/domain/eventHash.js'
import { createEngine } from '../../src/engine/createEngine.js'
import { memoryStore } from '../../src/stores/memoryStore.js'
import type { Store } from '../../src/stores/Store.js'
import { sqliteStore } from '../../src/stores/sqliteStore.js'
import { policy } from './commandAttempts.js'
import type { FuzzTarget } from './FuzzTarget.js'
import { broken, errorLaw, OK, type Verdict } from './laws.js'
import { applyDocumentEdit, documentEdit } from './mutateDocument.js'
import { mutatedText } from './mutateText.js'
import { AUDIT_SEED } from './seeds.js'

const IMPORT_CODES = new Set(['AUDIT_TAMPERED', 'CONFLICT', 'COMMAND_INVALID'])
/** STORE_FAILED: the initiative is pinned to a policy the store lacks (the import warned of it). */
const LOAD_CODES = new Set(['AUDIT_TAMPERED', 'NOT_FOUND', 'STORE_FAILED'])

type Rec = Record<string, unknown>

/** Recomputes every link and hash, initiative by initiative: a forged log whose chain checks out. */
export function forge(records: unknown[], renumber: boolean): unknown[] {
  const last = new Map<unknown, { seq: number; hash: string }>()
  return records.map((r) => {
    if (typeof r !== 'object' || r === null || Array.isArray(r)) return r
    const record = { ...(r as Rec) }
    const previous = last.get(record.initiativeId)
    if (renumber) record.seq = (previous?.seq ?? 0) + 1
    record.prevHash = previous?.hash ?? ''
    try {
      record.hash = eventHash(record)
    } catch {
      return record
    }
    last.set(record.initiativeId, { seq: Number(record.seq), hash: String(record.hash) })
    return record
  })
}

const lines = (records: unknown[]) => records.map((r) => JSON.stringify(r) ?? 'undefined').join('\n')
const index = (f: number, n: number) => Math.min(n - 1, Math.floor(f * n))
const at = fc.double({ min: 0, max: 1, noNaN: true })

/** A mangled export: bytes edited, records edited (and maybe re-chained), lines moved, logs merged. */
export const mangledLog: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: mutatedText(AUDIT_SEED.text) },
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.array(fc.tuple(at, documentEdit), { minLength: 1, maxLength: 3 }), fc.boolean())
      .map(([edits, forged]) => {
        const records: unknown[] = structuredClone(AUDIT_SEED.records)
        for (const [which, edit] of edits) {
          const i = index(which, records.length)
          records[i] = applyDocumentEdit(records[i], edit)
        }
        return lines(forged ? forge(records, false) : records)
      }),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.array(fc.tuple(fc.constantFrom('drop', 'duplicate', 'swap', 'move-initiative'), at, at), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.boolean(),
        fc.boolean(),
      )
      .map(([ops, forged, renumber]) => {
        const records: unknown[] = structuredClone(AUDIT_SEED.records)
        for (const [op, a, b] of ops) {
          const i = index(a, records.length)
          const j = index(b, records.length)
          if (op === 'drop') records.splice(i, 1)
          else if (op === 'duplicate') records.splice(j, 0, structuredClone(records[i]))
          else if (op === 'swap') [records[i], records[j]] = [records[j], records[i]]
          // One event handed to another initiative.
          else (records[i] as Rec).initiativeId = (records[j] as Rec).initiativeId
        }
        return lines(forged ? forge(records, renumber) : records)
      }),
  },
  {
    weight: 1,
    // The log twice, the second copy under other initiative ids: every command id is used twice.
    arbitrary: fc.constantFrom('copy', '__proto__', '', 'x'.repeat(200), 'a\u0000b').map((suffix) => {
      const copy = AUDIT_SEED.records.map((r) => ({
        ...r,
        initiativeId: `${r.initiativeId}${suffix === 'copy' ? '-copy' : suffix}`,
      }))
      return lines(forge([...AUDIT_SEED.records, ...copy], false))
    }),
  },
)

/** After an import, the store verifies, and an engine on it loads every initiative or refuses it as tampered. */
async function importedLaw(store: Store): Promise<Verdict> {
  const report = await verifyStore(store)
  // A log pinned to a policy nobody passed imports with a warning; only that may be missing.
  const policyProblems = report.policies.problems.filter((p) => !p.includes('is missing'))
  if (!report.audit.ok || policyProblems.length > 0 || report.snapshots.problems.length > 0) {
    return broken(
      'stored data verifies',
      'an import left a store that fails verifyStore',
      JSON.stringify({ audit: report.audit, policies: report.policies, snapshots: report.snapshots }),
    )
  }
  const engine = createEngine({ policy, store })
  for (const id of await store.listInitiatives()) {
    try {
      await engine.status(id)
      await engine.explain({ type: 'submit', initiativeId: id, by: 'minzifry' })
    } catch (error) {
      const verdict = errorLaw(error, new Set([...LOAD_CODES, 'COMMAND_INVALID']))
      if (!verdict.ok) return verdict
    }
  }
  return OK
}

interface AuditState {
  dir: string
  /** A SQLite store holding the seed log, into which every mangled log is also imported. */
  victim: Store
}

export const auditImportTarget: FuzzTarget<string, AuditState> = {
  name: 'audit-import',
  weight: 12,
  arbitrary: mangledLog,
  timeLimitMs: 15_000,
  async setup() {
    const dir = mkdtempSync(join(tmpdir(), 'twokeys-fuzz-audit-'))
    const victim = sqliteStore(join(dir, 'victim.db'))
    await importAudit(victim, AUDIT_SEED.text, { policies: [policy] })
    return { dir, victim }
  },
  async run(text, { victim }) {
    for (const store of [memoryStore(), victim]) {
      try {
        await importAudit(store, text, { policies: [policy] })
      } catch (error) {
        const verdict = errorLaw(error, IMPORT_CODES)
        if (!verdict.ok) return verdict
        if (store === victim) continue
      }
      if (store !== victim) {
        const verdict = await importedLaw(store)
        if (!verdict.ok) return verdict
      }
    }
    return OK
  },
  async finish({ victim }) {
    // The victim still verifies and still holds the seed log, whatever was imported into it.
    const report = await verifyStore(victim)
    const verdicts: Verdict[] = []
    if (!report.ok)
      verdicts.push(
        broken('stored data verifies', 'the victim store fails verifyStore', JSON.stringify(report.audit)),
      )
    for (const r of AUDIT_SEED.records) {
      const stored = (await victim.readEvents(r.initiativeId)).find((e) => e.seq === r.seq)
      if (stored?.hash !== r.hash) {
        verdicts.push(
          broken('acknowledged events kept', 'an event of the seed log is gone from the victim store'),
        )
        break
      }
    }
    return verdicts
  },
  async teardown({ dir, victim }) {
    await victim.close().catch(() => undefined)
    rmSync(dir, { recursive: true, force: true })
  },
  reproducer: (text) => ({
    files: { 'audit.jsonl': text, 'two-keys.yaml': policyText() },
    command: 'twokeys audit import audit.jsonl --db copy.db --policy two-keys.yaml',
  }),
}

function policyText() {
  return JSON.stringify(policy, null, 2)
}
