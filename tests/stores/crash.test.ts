import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { readAuditLog } from '../../src/audit/readAuditLog.js'
import { verifyAudit } from '../../src/audit/verifyAudit.js'
import { verifyStore } from '../../src/audit/verifyStore.js'
import { sqliteStore } from '../../src/stores/sqliteStore.js'

const SEED = 20260301
const ROUNDS = 4
const WRITER = 'tests/stores/support/crashWriter.ts'

/** mulberry32: a small seeded generator, so the kill moments are the same on every run. */
function seeded(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface Round {
  acknowledged: string[]
  killed: boolean
}

/**
 * Runs the writer as its own OS process (node itself, not a wrapper that would outlive a kill)
 * from command `first`; SIGKILLs it `killAfterMs` after it is ready, or lets it finish at `stop`.
 */
function runWriter(
  db: string,
  first: number,
  opts: { killAfterMs?: number; stop?: number; crashAfterCommit?: number },
): Promise<Round> {
  const args = ['--import', 'tsx', WRITER, db, String(first)]
  if (opts.stop !== undefined) args.push(String(opts.stop))
  const env = { ...process.env, CRASH_AFTER_COMMIT: String(opts.crashAfterCommit ?? '') }
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env })
  const acknowledged: string[] = []
  let pending = ''
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  child.stdout.on('data', (chunk: Buffer) => {
    pending += chunk.toString()
    const lines = pending.split('\n')
    pending = lines.pop() ?? '' // only complete lines are acknowledgements
    for (const line of lines) {
      if (line === 'ready' && opts.killAfterMs !== undefined) {
        setTimeout(() => child.kill('SIGKILL'), opts.killAfterMs)
      } else if (line.startsWith('cmd-')) acknowledged.push(line)
    }
  })
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code, signal) => {
      if (signal === 'SIGKILL') resolve({ acknowledged, killed: true })
      else if (code === 0) resolve({ acknowledged, killed: false })
      else reject(new Error(`writer exited with ${code ?? signal}:\n${stderr}`))
    })
  })
}

describe('a SQLite engine killed at random moments', () => {
  const dir = mkdtempSync(join(tmpdir(), 'twokeys-crash-'))
  const db = join(dir, 'crash.db')
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it(`loses no acknowledged command over ${ROUNDS + 1} SIGKILLs (seed ${SEED})`, async () => {
    const random = seeded(SEED)
    const acknowledged: string[] = []
    for (let round = 0; round < ROUNDS; round++) {
      // The next writer starts at the first unacknowledged command: possibly one that was stored
      // but killed before its acknowledgement, which its idempotency key then answers.
      const result = await runWriter(db, acknowledged.length, {
        killAfterMs: 150 + Math.floor(random() * 600),
      })
      expect(result.killed).toBe(true)
      acknowledged.push(...result.acknowledged)

      const store = sqliteStore(db)
      for (const id of result.acknowledged) {
        expect(await store.findCommand(id), `${id} after round ${round}`).toMatchObject({ kind: 'accepted' })
      }
      const log = await readAuditLog(store)
      // At most one command beyond the acknowledged ones: the one in flight at the kill.
      expect(log.length - acknowledged.length).toBeGreaterThanOrEqual(0)
      expect(log.length - acknowledged.length).toBeLessThanOrEqual(1)
      expect(verifyAudit(log)).toMatchObject({ ok: true })
      await store.close()
    }
    expect(acknowledged.length).toBeGreaterThan(ROUNDS * 10)

    // The worst moment: stored, then killed before the acknowledgement. The next writer re-sends
    // that command with the same id and must not apply it twice.
    const inFlight = acknowledged.length + 5
    const crashed = await runWriter(db, acknowledged.length, { crashAfterCommit: inFlight })
    expect(crashed.killed).toBe(true)
    acknowledged.push(...crashed.acknowledged)
    expect(acknowledged.length).toBe(inFlight)
    const between = sqliteStore(db)
    expect(await between.findCommand(`cmd-${inFlight}`)).toMatchObject({ kind: 'accepted' })
    await between.close()

    // A last writer finishes the current initiative undisturbed.
    const stop = (Math.floor(acknowledged.length / 4) + 1) * 4
    const last = await runWriter(db, acknowledged.length, { stop })
    acknowledged.push(...last.acknowledged)
    expect(acknowledged).toEqual(Array.from({ length: stop }, (_, n) => `cmd-${n}`))

    const store = sqliteStore(db)
    const log = await readAuditLog(store)
    // Every command exactly once, in order; every initiative approved by both keys.
    expect(log.map((e) => e.commandId)).toEqual(acknowledged)
    const report = await verifyStore(store)
    expect(report.ok).toBe(true)
    for (const initiativeId of await store.listInitiatives()) {
      const events = await store.readEvents(initiativeId)
      expect(events.map((e) => e.event.type)).toEqual(['PROPOSE', 'SUBMIT', 'DECIDE', 'DECIDE'])
    }
    await store.close()
    const raw = new Database(db, { readonly: true })
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok')
    raw.close()
  })
})
