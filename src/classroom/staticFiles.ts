import { readFile, stat } from 'node:fs/promises'
import { extname, isAbsolute, join, relative, resolve } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, gzip } from 'node:zlib'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { pickEncoding } from '../cli/playgroundServer.js'

const brotli = promisify(brotliCompress)
const gzipped = promisify(gzip)

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
}
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg'])

/** The file a URL path names inside `root`, or null when it would leave it. */
function fileFor(root: string, url: string): string | null {
  let path: string
  try {
    path = decodeURIComponent(new URL(url, 'http://localhost').pathname)
  } catch {
    return null
  }
  const file = resolve(root, `.${path.endsWith('/') ? `${path}index.html` : path}`)
  const inside = relative(root, file)
  return inside.startsWith('..') || isAbsolute(inside) || path.includes('\0') ? null : file
}

/**
 * A handler that serves the built page (web/dist) as `twokeys playground` does: GET only,
 * nothing outside the folder, text compressed once per file and coding (brotli, else gzip),
 * hashed assets cached for a year.
 */
export function staticFiles(root: string) {
  const cache = new Map<string, Promise<Buffer>>()
  return async (request: FastifyRequest, reply: FastifyReply) => {
    let file = fileFor(root, request.url)
    if (request.method !== 'GET' || file === null) return reply.callNotFound()
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html')
      await stat(file)
    } catch {
      return reply.callNotFound()
    }
    const type = extname(file)
    const encoding = COMPRESSIBLE.has(type) ? pickEncoding(request.headers['accept-encoding']) : 'identity'
    let body: Promise<Buffer>
    if (encoding === 'identity') body = readFile(file)
    else {
      const key = `${encoding}:${file}`
      body = cache.get(key) ?? readFile(file).then((raw) => (encoding === 'br' ? brotli(raw) : gzipped(raw)))
      cache.set(key, body)
    }
    return reply
      .type(TYPES[type] ?? 'application/octet-stream')
      .header('x-content-type-options', 'nosniff')
      .header('vary', 'Accept-Encoding')
      .header(
        'cache-control',
        relative(root, file).startsWith('assets') ? 'public, max-age=31536000, immutable' : 'no-cache',
      )
      .headers(encoding === 'identity' ? {} : { 'content-encoding': encoding })
      .send(await body)
  }
}
