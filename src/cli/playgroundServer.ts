import { readFile, stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, isAbsolute, join, relative, resolve } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'

const brotli = promisify(brotliCompress)
const gzipped = promisify(gzip)

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
}

/** What is worth compressing: text. Images and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.txt'])

/** A content coding the server can send. */
export type Encoding = 'br' | 'gzip' | 'identity'

/**
 * The coding to send for an `Accept-Encoding` header: brotli if the client takes it, else gzip,
 * else none. A coding with `q=0` is refused; `*` stands for any coding not named.
 *
 * @example
 * pickEncoding('gzip, deflate, br') // 'br'
 * pickEncoding('gzip;q=1.0, br;q=0') // 'gzip'
 */
export function pickEncoding(header: string | undefined): Encoding {
  const weights = new Map<string, number>()
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';')
    if (name === '') continue
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const weight = q === undefined ? 1 : Number(q.slice(2))
    weights.set(name, Number.isFinite(weight) ? weight : 0)
  }
  const weight = (name: string) => weights.get(name) ?? weights.get('*') ?? 0
  if (weight('br') > 0) return 'br'
  if (weight('gzip') > 0) return 'gzip'
  return 'identity'
}

/** Each file's compressed bodies, made on first request and kept while the file is unchanged. */
interface Compressed {
  mtimeMs: number
  size: number
  bodies: Partial<Record<Exclude<Encoding, 'identity'>, Promise<Buffer>>>
}

export interface PlaygroundServer {
  /** `http://127.0.0.1:PORT` */
  url: string
  host: string
  port: number
  close(): Promise<void>
}

export interface ServeOptions {
  /** The folder to serve: the built page, web/dist. */
  root: string
  /** 0 (the default) takes any free port. */
  port?: number
  host?: string
}

/** The file a request path names inside `root`, or null if it would leave `root`. */
function fileFor(root: string, url: string | undefined): string | null {
  let path: string
  try {
    path = decodeURIComponent(new URL(url ?? '/', 'http://localhost').pathname)
  } catch {
    return null
  }
  const file = resolve(root, `.${path.endsWith('/') ? `${path}index.html` : path}`)
  const inside = relative(root, file)
  return inside.startsWith('..') || isAbsolute(inside) || path.includes('\0') ? null : file
}

function send(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' })
  res.end(`${text}\n`)
}

/** A static file ready to send: its headers and its body, in the coding the request takes. */
export interface StaticFile {
  headers: Record<string, string | number>
  body: Buffer
}

/** Compressed bodies kept per file while it is unchanged; one per server. */
export type StaticCache = Map<string, Compressed>

/**
 * The file `url` names inside `root`, ready to send — `/` is `index.html`, nothing outside the
 * folder; text compressed (brotli or gzip, as `acceptEncoding` allows) once and kept in `cache`;
 * hashed assets cached for a year — or why not: a path that leaves the folder, or no such file.
 * `twokeys playground` and `twokeys classroom` both serve the built page through it.
 */
export async function readStaticFile(
  root: string,
  cache: StaticCache,
  url: string | undefined,
  acceptEncoding: string | undefined,
): Promise<StaticFile | 'bad-path' | 'not-found'> {
  let file = fileFor(root, url)
  if (file === null) return 'bad-path'
  try {
    let info = await stat(file)
    if (info.isDirectory()) {
      file = join(file, 'index.html')
      info = await stat(file)
    }
    const compressible = COMPRESSIBLE.has(extname(file))
    const encoding = compressible ? pickEncoding(acceptEncoding) : 'identity'
    const body =
      encoding === 'identity' ? await readFile(file) : await compressed(cache, file, info, encoding)
    return {
      body,
      headers: {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': body.length,
        ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }),
        // A cache between here and the browser keeps one copy per coding.
        ...(compressible ? { vary: 'Accept-Encoding' } : {}),
        // Vite names assets by their content hash: they never change; the page itself may.
        'cache-control': relative(root, file).startsWith('assets')
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
        'x-content-type-options': 'nosniff',
      },
    }
  } catch {
    return 'not-found'
  }
}

async function handle(
  root: string,
  cache: StaticCache,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD')
    return send(res, 405, 'method not allowed: the playground is static files')
  }
  const found = await readStaticFile(root, cache, req.url, req.headers['accept-encoding'])
  if (found === 'bad-path') return send(res, 400, 'bad path')
  if (found === 'not-found') return send(res, 404, `not found: ${req.url ?? ''}`)
  res.writeHead(200, found.headers)
  res.end(req.method === 'HEAD' ? undefined : found.body)
}

/** The file's body in `encoding`: compressed once (off the event loop), then served from memory. */
function compressed(
  cache: StaticCache,
  file: string,
  info: { mtimeMs: number; size: number },
  encoding: Exclude<Encoding, 'identity'>,
): Promise<Buffer> {
  let entry = cache.get(file)
  if (entry === undefined || entry.mtimeMs !== info.mtimeMs || entry.size !== info.size) {
    entry = { mtimeMs: info.mtimeMs, size: info.size, bodies: {} }
    cache.set(file, entry)
  }
  const bodies = entry.bodies
  const kept = bodies[encoding]
  if (kept !== undefined) return kept
  const made = readFile(file).then((raw) =>
    encoding === 'br'
      ? brotli(raw, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 9,
            [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
          },
        })
      : gzipped(raw, { level: 9 }),
  )
  bodies[encoding] = made
  // A failure is not kept: the next request tries again.
  made.catch(() => {
    if (bodies[encoding] === made) delete bodies[encoding]
  })
  return made
}

/**
 * Serves a folder of static files (the built playground page) over HTTP on `host:port`: GET
 * and HEAD only, nothing outside the folder, `/` is `index.html`. Text files go out compressed
 * (brotli or gzip, as the request's `Accept-Encoding` allows, with `Vary: Accept-Encoding`),
 * each compressed once and kept in memory while the file is unchanged. The tests and
 * `twokeys playground` both use it.
 *
 * @example
 * const server = await servePlayground({ root: 'web/dist', port: 0 })
 * console.log(server.url) // http://127.0.0.1:41234
 * await server.close()
 */
export function servePlayground(options: ServeOptions): Promise<PlaygroundServer> {
  const root = resolve(options.root)
  const host = options.host ?? '127.0.0.1'
  const cache: StaticCache = new Map()
  const server = createServer((req, res) => {
    handle(root, cache, req, res).catch(() => send(res, 500, 'internal error'))
  })
  return new Promise((resolveServer, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject)
      const { port } = server.address() as AddressInfo
      const shown = host.includes(':') ? `[${host}]` : host
      resolveServer({
        url: `http://${shown}:${port}`,
        host,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done())
            server.closeAllConnections()
          }),
      })
    })
  })
}
