import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { it } from 'vitest'
import { memoryStore } from '../../../src/stores/memoryStore.js'
import { postgresStore } from '../../../src/stores/postgresStore.js'
import type { Store } from '../../../src/stores/Store.js'
import { sqliteStore } from '../../../src/stores/sqliteStore.js'
import { freshSchema, pgRequired, pgSkipReason, pgUrl } from './postgres.js'

/** A place a store lives: `open()` may be called again to reopen the same data (a restart). */
export interface StoreTarget {
  open(): Store
  /** Where it lives, for child processes: a SQLite path, or a postgres URL and schema. */
  location: { sqlite: string } | { postgres: string; schema: string } | { memory: true }
  dispose(): Promise<void>
}

export interface TargetKind {
  name: 'memory' | 'sqlite' | 'postgres'
  /** Why the target cannot run here; undefined when it can. */
  skip?: string
  create(): Promise<StoreTarget>
}

export const sqliteTarget: TargetKind = {
  name: 'sqlite',
  async create() {
    const dir = mkdtempSync(join(tmpdir(), 'twokeys-sqlite-'))
    const path = join(dir, 'twokeys.db')
    const opened: Store[] = []
    return {
      open: () => {
        const store = sqliteStore(path)
        opened.push(store)
        return store
      },
      location: { sqlite: path },
      async dispose() {
        for (const s of opened) await s.close()
        rmSync(dir, { recursive: true, force: true })
      },
    }
  },
}

export const postgresTarget: TargetKind = {
  name: 'postgres',
  ...(pgUrl === undefined ? { skip: pgSkipReason } : {}),
  async create() {
    if (pgUrl === undefined) throw new Error(`PostgreSQL is required here: ${pgSkipReason}`)
    const url = pgUrl
    const { schema, drop } = await freshSchema(url)
    const opened: Store[] = []
    return {
      open: () => {
        const store = postgresStore(url, { schema, poolSize: 4 })
        opened.push(store)
        return store
      },
      location: { postgres: url, schema },
      async dispose() {
        for (const s of opened) await s.close()
        await drop()
      },
    }
  },
}

export const memoryTarget: TargetKind = {
  name: 'memory',
  async create() {
    const store = memoryStore()
    return { open: () => store, location: { memory: true }, async dispose() {} }
  },
}

/** Opt-in: `TWOKEYS_STORES=memory` (comma-separated names) keeps only those targets; unset, all. */
const onlyStores = process.env.TWOKEYS_STORES?.split(',').map((s) => s.trim())

/**
 * The targets to run a suite on. PostgreSQL is skipped with a visible reason when no server is
 * reachable, except in CI, where its absence fails.
 */
export function targets(kinds: TargetKind[]): TargetKind[] {
  return kinds
    .filter((k) => onlyStores === undefined || onlyStores.includes(k.name))
    .filter((k) => k.skip === undefined || pgRequired)
}

/** A visible placeholder for a target that is skipped here. */
export function reportSkipped(kinds: TargetKind[]): void {
  for (const k of kinds) {
    if (k.skip !== undefined && !pgRequired) it.skip(`${k.name}: skipped — ${k.skip}`, () => {})
  }
}
