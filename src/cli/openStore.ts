import { memoryStore, type Store, TwoKeysError } from '../index.js'
import { cliErrorWords } from './cliErrorWords.js'

export interface OpenStoreOptions {
  /** Fail with NOT_FOUND instead of creating a new SQLite file (for commands that only read). */
  mustExist?: boolean
}

const POSTGRES_URL = /^postgres(ql)?:\/\//i

/**
 * The store a `--db` option names: a `postgres://…` URL (an optional `?schema=` picks the schema),
 * else a SQLite file; memory when absent. The optional adapters load only when named.
 */
export async function openStore(db: string | undefined, options: OpenStoreOptions = {}): Promise<Store> {
  if (db === undefined) return memoryStore()
  if (POSTGRES_URL.test(db)) {
    const { postgresStore } = await import('../stores/postgresStore.js')
    let url: URL
    try {
      url = new URL(db)
    } catch (cause) {
      throw new TwoKeysError('COMMAND_INVALID', cliErrorWords().badPostgresUrl(describeDb(db)), { cause })
    }
    const schema = url.searchParams.get('schema') ?? undefined
    url.searchParams.delete('schema')
    return postgresStore(url.toString(), schema === undefined ? {} : { schema })
  }
  const { sqliteStore } = await import('../stores/sqliteStore.js')
  return sqliteStore(db.replace(/^sqlite:/i, ''), options.mustExist === true ? { mustExist: true } : {})
}

/** Where a `--db` option points, for messages: never the password of a URL. */
export function describeDb(db: string): string {
  if (!POSTGRES_URL.test(db)) return db
  try {
    const url = new URL(db)
    url.password = ''
    return url.toString()
  } catch {
    return 'postgres://… (unreadable URL)'
  }
}
