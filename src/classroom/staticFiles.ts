import type { FastifyReply, FastifyRequest } from 'fastify'
import { readStaticFile, type StaticCache } from '../cli/playgroundServer.js'

/**
 * A handler that serves the built page (web/dist) exactly as `twokeys playground` does
 * (`readStaticFile`): GET only, nothing outside the folder, text compressed once per file and
 * coding, hashed assets cached for a year.
 */
export function staticFiles(root: string) {
  const cache: StaticCache = new Map()
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== 'GET') return reply.callNotFound()
    const found = await readStaticFile(root, cache, request.url, request.headers['accept-encoding'])
    if (typeof found === 'string') return reply.callNotFound()
    return reply.headers(found.headers).send(found.body)
  }
}
