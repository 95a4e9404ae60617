import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { ErrorPhrase } from '../domain/TwoKeysError.js'
import { verifierKeyOf } from '../tlog/noteKey.js'
import { TEXT } from './addCheckpoint.js'
import { ADD_CHECKPOINT_MESSAGES } from './addCheckpointMessages.js'
import type { Witness } from './witness.js'

/** An add-checkpoint body is a few hundred bytes; 64 KiB leaves room for many signatures. */
export const MAX_BODY_BYTES = 64 * 1024

export interface WitnessServer {
  /** `http://host:port` — the witness's submission prefix. */
  url: string
  port: number
  close(): Promise<void>
}

export interface WitnessServerOptions {
  host?: string
  /** 0 (the default) takes any free port. */
  port?: number
  /**
   * Told of every answer, for the operator's log; a 422 may be evidence of a misbehaving log. The
   * reason is English; `said`, when there is one, is it as a phrase the CLI words in its language.
   */
  onAnswer?: (answer: { status: number; reason: string; origin?: string; said?: ErrorPhrase }) => void
}

function send(res: ServerResponse, status: number, body: string, contentType = TEXT): void {
  res.writeHead(status, { 'content-type': contentType, 'x-content-type-options': 'nosniff' })
  res.end(body)
}

class TooLarge extends Error {}

/** The request body, or TooLarge past `limit` bytes (the rest is not read). */
async function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array> {
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > limit) throw new TooLarge()
  const chunks: Buffer[] = []
  let length = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    length += chunk.length
    if (length > limit) throw new TooLarge()
    chunks.push(chunk)
  }
  return new Uint8Array(Buffer.concat(chunks))
}

/**
 * The witness over HTTP (c2sp.org/tlog-witness): `POST /add-checkpoint` cosigns, `GET /` says who
 * the witness is. Every request is handled on its own: whatever one does — a malformed body, a
 * failed save, a dropped connection — it gets an answer or is closed, and the server goes on.
 */
export function startWitnessServer(
  witness: Witness,
  options: WitnessServerOptions = {},
): Promise<WitnessServer> {
  const vkey = verifierKeyOf(witness.signer)
  const answer = (status: number, reason: string, origin?: string, said?: ErrorPhrase) =>
    options.onAnswer?.({
      status,
      reason,
      ...(origin === undefined ? {} : { origin }),
      ...(said === undefined ? {} : { said }),
    })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0]
    if (path === '/' && (req.method === 'GET' || req.method === 'HEAD')) {
      return send(
        res,
        200,
        `twokeys witness ${witness.signer.name}\nvkey ${vkey}\nPOST /add-checkpoint (c2sp.org/tlog-witness)\n`,
      )
    }
    if (path !== '/add-checkpoint')
      return send(res, 404, 'not found: this witness serves POST /add-checkpoint\n')
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST')
      return send(res, 405, 'method not allowed: add-checkpoint is a POST\n')
    }
    let body: Uint8Array
    try {
      body = await readBody(req, MAX_BODY_BYTES)
    } catch (error) {
      if (!(error instanceof TooLarge)) throw error
      answer(413, ADD_CHECKPOINT_MESSAGES['addCheckpoint.bodyTooLarge']({}), undefined, {
        key: 'addCheckpoint.bodyTooLarge',
        params: {},
      })
      res.setHeader('connection', 'close')
      return send(
        res,
        413,
        `request body over ${MAX_BODY_BYTES} bytes: an add-checkpoint body is far smaller\n`,
      )
    }
    const outcome = await witness.addCheckpoint(body)
    answer(outcome.status, outcome.reason, outcome.origin, outcome.said)
    send(res, outcome.status, outcome.body, outcome.contentType)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error)
      // a phrased error (the state file could not be saved) keeps its phrase for the operator's language
      answer(500, reason, undefined, (error as { said?: ErrorPhrase } | undefined)?.said)
      if (res.headersSent) res.destroy()
      // The detail (a file path, say) is for the operator, not for whoever sent the request.
      else send(res, 500, 'internal error: nothing was cosigned; the witness operator sees why\n')
    })
  })
  // A witness answers in milliseconds; a client that trickles its request in is cut off.
  server.requestTimeout = 30_000
  server.headersTimeout = 10_000
  // A malformed request line or a reset connection is that client's problem, not the server's.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n')
    else socket.destroy()
  })

  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject)
      const { port, address } = server.address() as AddressInfo
      const host = address.includes(':') ? `[${address}]` : address
      resolve({
        url: `http://${host}:${port}`,
        port,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()))
            // Idle keep-alive connections would hold close() open; in-flight ones still finish.
            server.closeIdleConnections()
          }),
      })
    })
  })
}
