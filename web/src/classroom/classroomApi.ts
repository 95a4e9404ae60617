/** An answer of the classroom API: the status and the parsed JSON (or text) body. */
export interface ApiAnswer {
  ok: boolean
  status: number
  // biome-ignore lint/suspicious/noExplicitAny: each caller reads the fields of its own route
  body: any
}

/** Calls the classroom API on the server that served the page; `token` for the teacher's actions. */
export async function api(
  path: string,
  options: { method?: string; body?: unknown; token?: string } = {},
): Promise<ApiAnswer> {
  const response = await fetch(path, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(options.token === undefined ? {} : { authorization: `Bearer ${options.token}` }),
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  })
  const text = await response.text()
  let body: unknown = text
  try {
    body = JSON.parse(text)
  } catch {
    // Not JSON (the audit export): the text as it is.
  }
  return { ok: response.ok, status: response.status, body }
}

/** A random id for a command or an initiative (letters and digits: a record id). */
export function randomId(length = 12): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789'
  return Array.from(
    crypto.getRandomValues(new Uint8Array(length)),
    (b) => alphabet[b % alphabet.length],
  ).join('')
}
