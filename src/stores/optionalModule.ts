// Aliased: a bundle's banner may declare its own `createRequire` (tests/stores/support/crashSoak.ts).
import { createRequire as createRequireAt } from 'node:module'
import type BetterSqlite3 from 'better-sqlite3'
import type pg from 'pg'
import { type DriverStore, storeError } from './storeMessages.js'

const requireOptional = createRequireAt(import.meta.url)

/**
 * Loads an optional peer dependency (better-sqlite3, pg) when a store that needs it is opened,
 * synchronously, so `import 'twokeys'` and the memory store never need it. Missing, it is a
 * CONFIG_INVALID error that names the package to install.
 *
 * @example
 * const { Pool } = optionalModule<typeof pg>('pg', 'PostgreSQL', 'npm install pg')
 */
export function optionalModule<T>(name: string, neededFor: DriverStore, install: string): T {
  try {
    return requireOptional(name) as T
  } catch (cause) {
    if (isMissing(cause, name)) {
      throw storeError(
        'CONFIG_INVALID',
        'store.moduleMissing',
        { store: neededFor, name, install },
        { cause },
      )
    }
    throw cause
  }
}

/** The package itself is missing, not something it requires (that is a real failure to report). */
function isMissing(error: unknown, name: string): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown }
  return code === 'MODULE_NOT_FOUND' && typeof message === 'string' && message.includes(`'${name}'`)
}

/** better-sqlite3's Database class, for the SQLite store. */
export const loadBetterSqlite3 = (): typeof BetterSqlite3 =>
  optionalModule('better-sqlite3', 'SQLite', 'npm install better-sqlite3@12')

/** The pg module, for the PostgreSQL store. */
export const loadPg = (): typeof pg => optionalModule('pg', 'PostgreSQL', 'npm install pg')
