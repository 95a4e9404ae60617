import { AsyncLocalStorage } from 'node:async_hooks'
import { createHash } from 'node:crypto'
import type pg from 'pg'
import { isTwoKeysError, type TwoKeysError } from '../domain/TwoKeysError.js'
import { postgresMigrations } from './migrations/postgresMigrations.js'
import { loadPg } from './optionalModule.js'
import { type StoreDoing, storeError } from './storeMessages.js'

/**
 * The PostgreSQL store's way to the server: a pool whose connections commit durably, the schema
 * migrated before the first statement, every statement prepared once per connection, and every
 * failure worded as CONFLICT or STORE_FAILED.
 */
export interface PostgresConnection {
  readonly url: string
  readonly pool: pg.Pool
  /** The schema named in the options (undefined: the server's default). */
  readonly schema: string | undefined
  /** A driver error as CONFLICT (a unique key or serialization) or STORE_FAILED, saying what was being done. */
  fail(doing: StoreDoing, cause: unknown): TwoKeysError
  /** One prepared statement's rows (inside `consistentRead`, on its connection). */
  query<R extends pg.QueryResultRow>(doing: StoreDoing, text: string, values?: unknown[]): Promise<R[]>
  /** Runs `work` in one transaction on one connection; rolls back on any error. */
  inTransaction<T>(doing: StoreDoing, work: (client: pg.PoolClient) => Promise<T>): Promise<T>
  /** A connection of its own, once migrations are done; the caller releases it. */
  connect(doing: StoreDoing): Promise<pg.PoolClient>
  /** Runs `work` with every `query` on one REPEATABLE READ, read-only transaction. */
  consistentRead<T>(work: () => Promise<T>): Promise<T>
}

/** Where the server is, without the password, for messages (undefined: the URL does not parse). */
function describeServer(url: string): string | undefined {
  try {
    const u = new URL(url)
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`
  } catch {
    return undefined
  }
}

/** Applies the migrations not yet applied, one migrator at a time per schema. */
async function migrate(pool: pg.Pool, schema: string | undefined): Promise<void> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    // One migrator at a time per schema; the others wait here, then find nothing to do.
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`twokeys:${schema ?? 'default'}`])
    if (schema !== undefined) await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`)
    await client.query(`CREATE TABLE IF NOT EXISTS twokeys_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`)
    const { rows } = await client.query<{ version: number }>('SELECT version FROM twokeys_migrations')
    const applied = new Set(rows.map((r) => r.version))
    for (const migration of postgresMigrations) {
      if (applied.has(migration.version)) continue
      await client.query(migration.sql)
      await client.query('INSERT INTO twokeys_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ])
    }
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    throw error
  } finally {
    client.release()
  }
}

export function postgresConnection(
  url: string,
  options: { schema?: string | undefined; poolSize?: number | undefined },
): PostgresConnection {
  const { schema } = options
  const server = describeServer(url)
  const settings = ['-c synchronous_commit=on']
  if (schema !== undefined) settings.push(`-c search_path=${schema}`)
  const { Pool } = loadPg()
  const pool = new Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    options: settings.join(' '),
  })
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', () => {})

  function fail(doing: StoreDoing, cause: unknown): TwoKeysError {
    if (isTwoKeysError(cause)) return cause
    const code = (cause as { code?: unknown }).code
    if (code === '23505' || code === '40001' || code === '40P01')
      return storeError('CONFLICT', 'store.postgresConflict', { doing }, { cause })
    const reason = cause instanceof Error ? cause.message : String(cause)
    return storeError('STORE_FAILED', 'store.postgresFailed', { server, doing, reason }, { cause })
  }

  let ready: Promise<void> | undefined
  const init = () => {
    ready ??= migrate(pool, schema).catch((error) => {
      ready = undefined
      throw error
    })
    return ready
  }

  // Every statement is prepared once per connection: the server parses and plans it only once.
  const names = new Map<string, string>()
  const nameOf = (text: string) => {
    let name = names.get(text)
    if (name === undefined) {
      name = `twokeys_${createHash('sha256').update(text).digest('hex').slice(0, 16)}`
      names.set(text, name)
    }
    return name
  }

  // Inside consistentRead, every read goes to the one connection holding the snapshot.
  const snapshotClient = new AsyncLocalStorage<pg.PoolClient>()

  async function query<R extends pg.QueryResultRow>(doing: StoreDoing, text: string, values: unknown[] = []) {
    try {
      await init()
      const on = snapshotClient.getStore() ?? pool
      return (await on.query<R>({ name: nameOf(text), text, values })).rows
    } catch (error) {
      throw fail(doing, error)
    }
  }

  async function inTransaction<T>(
    doing: StoreDoing,
    work: (client: pg.PoolClient) => Promise<T>,
  ): Promise<T> {
    try {
      await init()
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        const result = await work(client)
        await client.query('COMMIT')
        return result
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {})
        throw error
      } finally {
        client.release()
      }
    } catch (error) {
      throw fail(doing, error)
    }
  }

  async function connect(doing: StoreDoing): Promise<pg.PoolClient> {
    try {
      await init()
      return await pool.connect()
    } catch (error) {
      throw fail(doing, error)
    }
  }

  async function consistentRead<T>(work: () => Promise<T>): Promise<T> {
    let client: pg.PoolClient | undefined
    try {
      await init()
      client = await pool.connect()
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
    } catch (error) {
      // A connection whose BEGIN failed goes back destroyed, not kept out of the pool for good.
      client?.release(error instanceof Error ? error : true)
      throw fail('begin a consistent read', error)
    }
    try {
      return await snapshotClient.run(client, work)
    } finally {
      await client.query('ROLLBACK').catch(() => {})
      client.release()
    }
  }

  return { url, pool, schema, fail, query, inTransaction, connect, consistentRead }
}
