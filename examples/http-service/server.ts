/**
 * A small HTTP service around the twokeys engine, on `node:http` alone.
 *
 *   npx tsx examples/http-service/server.ts          # listens on $PORT (default 3000)
 *   curl -X POST localhost:3000/initiatives -H 'X-Principal: minzifry' \
 *     -d '{"title":"GPU cluster","objective":"infrastructure","scope":{"kind":"federal"}}'
 *
 * In your own project import from 'twokeys' instead of '../../src/index.js'.
 */
import http from 'node:http'
import { fileURLToPath, pathToFileURL } from 'node:url'
import {
  type CommandInput,
  type CommandType,
  createEngine,
  type Engine,
  type ErrorCode,
  isTwoKeysError,
  loadPolicyFile,
  TwoKeysError,
} from '../../src/index.js'

export interface ServerOptions {
  engine: Engine
  /** Larger request bodies are refused with 413; 64 KB by default. */
  maxBodyBytes?: number
}

/** `POST /initiatives/:id/<action>` → the command it sends. */
const ACTIONS = {
  submit: 'submit',
  amend: 'amend',
  decisions: 'decide',
  revocations: 'revoke',
  withdrawal: 'withdraw',
  delegations: 'delegate',
  responses: 'respond',
  destinations: 'destination',
  completion: 'complete',
} as const satisfies Record<string, CommandType>

const STATUS_OF_CODE: Partial<Record<ErrorCode, number>> = {
  COMMAND_INVALID: 400,
  NOT_AUTHORIZED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  KEY_ALREADY_USED: 409,
  STALE_REVISION: 409,
  WINDOW_CLOSED: 409,
  REFUSED: 409,
}

/** A problem with the request itself whose status the table above does not give (405, 413). */
class HttpError extends TwoKeysError {
  readonly status: number
  constructor(status: number, message: string) {
    super('COMMAND_INVALID', message)
    this.status = status
  }
}

const invalid = (message: string, path: string[] = []) =>
  new TwoKeysError('COMMAND_INVALID', message, { issues: [{ code: 'invalid_request', path, message }] })

function send(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: http.OutgoingHttpHeaders = {},
) {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  })
  res.end(text)
}

function sendError(res: http.ServerResponse, error: unknown) {
  if (!isTwoKeysError(error)) {
    // Unknown errors stay in the server log; the client learns only that it was not its fault.
    console.error(error)
    error = new TwoKeysError('INTERNAL', 'internal error; the server log has the details')
  }
  const e = error as TwoKeysError
  const status = e instanceof HttpError ? e.status : (STATUS_OF_CODE[e.code] ?? 500)
  const body = { error: { code: e.code, message: e.message, reasons: e.reasons, issues: e.issues } }
  send(res, status, body, status === 413 ? { connection: 'close' } : {})
}

/** Reads the body as a JSON object ({} when empty), refusing more than `limit` bytes. */
async function readJson(req: http.IncomingMessage, limit: number): Promise<Record<string, unknown>> {
  const tooLarge = () => new HttpError(413, `the request body is larger than ${limit} bytes; send less`)
  if (Number(req.headers['content-length'] ?? 0) > limit) throw tooLarge()
  const text = await new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      // Keep draining but stop keeping: the 413 goes out once, the connection then closes.
      if (size > limit) reject(tooLarge())
      else chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
  if (text.trim() === '') return {}
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (cause) {
    throw invalid(`the request body is not valid JSON (${(cause as Error).message}); send a JSON object`)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid('the request body must be a JSON object')
  }
  return value as Record<string, unknown>
}

/**
 * The caller's principal. This example trusts the `X-Principal` header as is: a real deployment
 * puts an authenticating proxy in front (mTLS, OIDC …) that sets it and strips any client copy.
 */
function principalOf(req: http.IncomingMessage): string {
  const header = req.headers['x-principal']
  const by = (Array.isArray(header) ? header[0] : header)?.trim()
  if (by === undefined || by === '') {
    throw invalid('the X-Principal header is missing; it names the principal acting', ['X-Principal'])
  }
  return by
}

/** The fields the URL and headers own may not also come in the body, so they cannot disagree. */
function commandOf(
  body: Record<string, unknown>,
  owned: readonly string[],
  fixed: Record<string, unknown>,
): CommandInput {
  const where: Record<string, string> = {
    by: 'the X-Principal header',
    commandId: 'the Idempotency-Key header',
    initiativeId: 'the URL',
    type: 'the URL',
  }
  for (const field of owned) {
    if (Object.hasOwn(body, field)) {
      throw invalid(`"${field}" comes from ${where[field]}, not from the body; remove it`, [field])
    }
  }
  return { ...body, ...fixed } as CommandInput
}

/** The request's Idempotency-Key as the command id, when it has one. */
function idempotencyOf(req: http.IncomingMessage): { commandId?: string } {
  const key = req.headers['idempotency-key']
  return typeof key === 'string' ? { commandId: key } : {}
}

async function route(engine: Engine, limit: number, req: http.IncomingMessage, res: http.ServerResponse) {
  const { pathname } = new URL(req.url ?? '/', 'http://localhost')
  let parts: string[]
  try {
    parts = pathname.split('/').filter(Boolean).map(decodeURIComponent)
  } catch {
    throw invalid(`the path ${JSON.stringify(pathname)} is not validly percent-encoded`)
  }
  const [collection, id, action] = parts
  const method = req.method ?? 'GET'
  const allow = (methods: string) => {
    if (!methods.split(', ').includes(method)) {
      res.setHeader('allow', methods)
      throw new HttpError(405, `${method} is not allowed on ${pathname}; use ${methods}`)
    }
  }
  if (collection !== 'initiatives' || parts.length > 3) {
    throw new TwoKeysError('NOT_FOUND', `no route ${pathname}; see examples/http-service/server.ts`)
  }

  if (id === undefined) {
    allow('GET, POST')
    if (method === 'GET') return send(res, 200, await engine.list())
    const fixed = { type: 'propose', by: principalOf(req), ...idempotencyOf(req) }
    const body = await readJson(req, limit)
    const receipt = await engine.dispatch(commandOf(body, ['type', 'by', 'commandId'], fixed))
    return send(res, receipt.replayed ? 200 : 201, receipt, {
      location: `/initiatives/${encodeURIComponent(receipt.initiativeId)}`,
    })
  }
  if (action === undefined) {
    allow('GET')
    return send(res, 200, await engine.status(id))
  }
  if (action === 'history') {
    allow('GET')
    return send(res, 200, await engine.history(id))
  }
  if (action === 'explain') {
    allow('POST')
    const by = principalOf(req)
    const body = await readJson(req, limit)
    const command = commandOf(body, ['by', 'initiativeId', 'commandId'], { by })
    // propose takes no initiative id: explaining it asks whether this principal may propose at all.
    const target = body.type === 'propose' ? {} : { initiativeId: id }
    return send(res, 200, await engine.explain({ ...command, ...target } as CommandInput))
  }
  const type = Object.hasOwn(ACTIONS, action) ? ACTIONS[action as keyof typeof ACTIONS] : undefined
  if (type === undefined) {
    throw new TwoKeysError(
      'NOT_FOUND',
      `no action "${action}"; use one of ${Object.keys(ACTIONS).join(', ')}, explain or history`,
    )
  }
  allow('POST')
  const fixed = { type, initiativeId: id, by: principalOf(req), ...idempotencyOf(req) }
  const body = await readJson(req, limit)
  const receipt = await engine.dispatch(commandOf(body, ['type', 'by', 'initiativeId', 'commandId'], fixed))
  return send(res, 200, receipt)
}

/**
 * An `http.Server` that runs `engine` over JSON. Not listening yet: call `listen()`.
 *
 * @example
 * const server = createServer({ engine }).listen(3000)
 */
export function createServer({ engine, maxBodyBytes = 64 * 1024 }: ServerOptions): http.Server {
  return http.createServer((req, res) => {
    route(engine, maxBodyBytes, req, res).catch((error: unknown) => {
      if (res.headersSent) res.destroy()
      else sendError(res, error)
    })
  })
}

function main() {
  const policyFile = fileURLToPath(new URL('../../machines/policies/two-keys.yaml', import.meta.url))
  const policy = loadPolicyFile(policyFile)
  const engine = createEngine({ policy })
  const server = createServer({ engine })
  server.listen(Number(process.env.PORT ?? 3000), () => {
    const address = server.address()
    const port = typeof address === 'object' && address !== null ? address.port : address
    console.log(`twokeys http service on http://localhost:${port} (policy "${policy.id}")`)
  })
  const stop = () => server.close(() => void engine.close())
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

// Run only when started directly, not when a test imports createServer.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main()
