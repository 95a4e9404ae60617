import { existsSync } from 'node:fs'
import type Database from 'better-sqlite3'
import { isTwoKeysError, type TwoKeysError } from '../domain/TwoKeysError.js'
import type { Migration } from './migrations/Migration.js'
import { sqliteMigrations } from './migrations/sqliteMigrations.js'
import { loadBetterSqlite3 } from './optionalModule.js'
import { type StoreDoing, storeError } from './storeMessages.js'

export interface SqliteStoreOptions {
  /** Fail with NOT_FOUND instead of creating a new database (for tools that only read). */
  mustExist?: boolean
  /** How long a write waits for another process's lock before failing; 5000 ms by default. */
  busyTimeoutMs?: number
}

export type Db = Database.Database

/** A driver error as STORE_FAILED, naming the file and what was being done. */
export function sqliteFailure(path: string, doing: StoreDoing, cause: unknown): TwoKeysError {
  if (isTwoKeysError(cause)) return cause
  const reason = cause instanceof Error ? cause.message : String(cause)
  return storeError('STORE_FAILED', 'store.sqliteFailed', { path, doing, reason }, { cause })
}

/**
 * Opens (or creates) the database file in WAL mode with `synchronous = FULL` and brings its schema
 * up to date; the file is closed again if any of that fails.
 */
export function openSqlite(path: string, options: SqliteStoreOptions): Db {
  if (options.mustExist === true && path !== ':memory:' && !existsSync(path)) {
    throw storeError('NOT_FOUND', 'store.noDatabase', { path })
  }
  const db = new (loadBetterSqlite3())(path)
  try {
    db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`)
    db.pragma('journal_mode = WAL')
    // FULL: the WAL is synced on every commit, so an acknowledged command survives power loss too.
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    migrate(db, sqliteMigrations)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

/** Applies the migrations not yet applied, each in its own write transaction (other processes wait). */
function migrate(db: Db, migrations: readonly Migration[]): void {
  db.exec(`CREATE TABLE IF NOT EXISTS twokeys_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`)
  const applied = db.prepare('SELECT 1 FROM twokeys_migrations WHERE version = ?')
  const record = db.prepare(
    "INSERT INTO twokeys_migrations (version, name, applied_at) VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ'))",
  )
  for (const migration of migrations) {
    db.transaction(() => {
      if (applied.get(migration.version) !== undefined) return
      db.exec(migration.sql)
      record.run(migration.version, migration.name)
    }).immediate()
  }
}

/** Is this a UNIQUE or PRIMARY KEY violation (another writer stored the same row first)? */
export const isUniqueViolation = (error: unknown) =>
  error instanceof Error &&
  'code' in error &&
  (error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
