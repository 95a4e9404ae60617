import type { ServerResponse } from 'node:http'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { TwoKeysError } from '../domain/TwoKeysError.js'

/**
 * Where a Server-Sent Events client resumes: after Last-Event-ID (the header, or `?lastEventId=`
 * for clients without EventSource); 0 from the start. A value that is not a whole number ≥ 0 is
 * COMMAND_INVALID, before the stream starts.
 */
export function resumeAfter(request: FastifyRequest): number {
  const header = request.headers['last-event-id']
  const query = (request.query as { lastEventId?: string } | undefined)?.lastEventId
  const text = (Array.isArray(header) ? header[0] : header) ?? query
  if (text === undefined || text === '') return 0
  const seq = Number(text)
  if (!Number.isSafeInteger(seq) || seq < 0)
    throw new TwoKeysError(
      'COMMAND_INVALID',
      `Last-Event-ID "${text}" is not an event seq (a whole number ≥ 0)`,
    )
  return seq
}

/**
 * Takes the response over from Fastify and opens an event stream on it: the headers that keep
 * proxies from buffering or caching it, and a first comment line naming the stream.
 */
export function openEventStream(reply: FastifyReply, comment: string): ServerResponse {
  reply.hijack()
  const out = reply.raw
  out.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  })
  out.write(`: ${comment}\n\n`)
  return out
}
