import { readFile, stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, isAbsolute, join, relative, resolve } from 'node:path'

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

async function handle(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD')
    return send(res, 405, 'method not allowed: the playground is static files')
  }
  let file = fileFor(root, req.url)
  if (file === null) return send(res, 400, 'bad path')
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html')
    const body = await readFile(file)
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': body.length,
      // Vite names assets by their content hash: they never change; the page itself may.
      'cache-control': relative(root, file).startsWith('assets')
        ? 'public, max-age=31536000, immutable'
        : 'no-cache',
      'x-content-type-options': 'nosniff',
    })
    res.end(req.method === 'HEAD' ? undefined : body)
  } catch {
    send(res, 404, `not found: ${req.url ?? ''}`)
  }
}

/**
 * Serves a folder of static files (the built playground page) over HTTP on `host:port`: GET
 * and HEAD only, nothing outside the folder, `/` is `index.html`. The tests and
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
  const server = createServer((req, res) => {
    handle(root, req, res).catch(() => send(res, 500, 'internal error'))
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
