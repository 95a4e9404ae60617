import pg from 'pg'

/** A PostgreSQL URL without its password, for messages and notes. */
export const shownUrl = (url: string) => url.replace(/\/\/[^@]*@/, '//')

/** The URL with one more query parameter (`schema=…`, `application_name=…`). */
export const withParameter = (url: string, name: string, value: string) =>
  `${url}${url.includes('?') ? '&' : '?'}${name}=${encodeURIComponent(value)}`

/**
 * Runs `work` with an administrative connection to `url` (closed after), or, when the server cannot
 * be reached within 3 s, returns the note that says PostgreSQL was skipped and why.
 *
 * @example
 * const skipped = await withPgAdmin(PG_URL, async (admin) => { … })
 * if (skipped !== undefined) notes.push(skipped)
 */
export async function withPgAdmin(
  url: string,
  work: (admin: pg.Client) => Promise<void>,
): Promise<string | undefined> {
  const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 })
  try {
    await admin.connect()
  } catch (error) {
    return `PostgreSQL: skipped, ${shownUrl(url)} is not reachable (${error instanceof Error ? error.message : error}); give --pg or TWOKEYS_BENCH_PG_URL`
  }
  try {
    await work(admin)
  } finally {
    await admin.end()
  }
  return undefined
}
