/**
 * One request to a classroom server at `base`: JSON in, and the answer's status with its body
 * parsed as JSON (or the text as it came, e.g. the audit export's JSON Lines).
 */
export async function callApi(base: string, method: string, path: string, body?: unknown, token?: string) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await response.text()
  // biome-ignore lint/suspicious/noExplicitAny: the tests read answers of many shapes, and expect checks them
  let json: any = text
  try {
    json = JSON.parse(text)
  } catch {
    // not JSON: the text as it came
  }
  return { status: response.status, body: json }
}
