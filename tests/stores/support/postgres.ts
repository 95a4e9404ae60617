import { randomBytes } from 'node:crypto'
import { userInfo } from 'node:os'
import pg from 'pg'

/**
 * Finds the test PostgreSQL server: $TWOKEYS_TEST_PG_URL, else 127.0.0.1:5432, database `test`,
 * as `postgres` or as the current OS user (trust auth). Each test works in a schema of its own.
 */
async function findPostgres(): Promise<{ url: string } | { reason: string }> {
  const candidates = process.env.TWOKEYS_TEST_PG_URL
    ? [process.env.TWOKEYS_TEST_PG_URL]
    : [
        'postgres://postgres@127.0.0.1:5432/test',
        `postgres://${encodeURIComponent(userInfo().username)}@127.0.0.1:5432/test`,
      ]
  const failures: string[] = []
  for (const url of candidates) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 })
    try {
      await client.connect()
      await client.query('select 1')
      return { url }
    } catch (error) {
      failures.push(`${url.replace(/\/\/[^@]*@/, '//…@')}: ${error instanceof Error ? error.message : error}`)
    } finally {
      await client.end().catch(() => {})
    }
  }
  return { reason: `no PostgreSQL server reachable (${failures.join('; ')})` }
}

const found = await findPostgres()

/** The server's URL, or undefined with `pgSkipReason` saying why. */
export const pgUrl = 'url' in found ? found.url : undefined
export const pgSkipReason = 'reason' in found ? found.reason : ''
/** In CI a missing server fails the run; elsewhere the PostgreSQL tests are skipped, visibly. */
export const pgRequired = Boolean(process.env.CI)

if (pgUrl === undefined && !pgRequired) {
  console.warn(`⚠ PostgreSQL tests skipped: ${pgSkipReason} (set TWOKEYS_TEST_PG_URL to run them)`)
}

/** A fresh schema `tk_<random>`; `drop()` removes it and everything in it. */
export async function freshSchema(url: string): Promise<{ schema: string; drop: () => Promise<void> }> {
  const schema = `tk_${randomBytes(6).toString('hex')}`
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(`CREATE SCHEMA ${schema}`)
  } finally {
    await client.end()
  }
  return {
    schema,
    async drop() {
      const c = new pg.Client({ connectionString: url })
      await c.connect()
      try {
        await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
      } finally {
        await c.end()
      }
    },
  }
}

/** Runs `sql` in a schema, bypassing the store (to tamper with it in tests). */
export async function inSchema<T extends pg.QueryResultRow>(url: string, schema: string, sql: string) {
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` })
  await client.connect()
  try {
    return (await client.query<T>(sql)).rows
  } finally {
    await client.end()
  }
}
