import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { TwoKeysError } from '../domain/TwoKeysError.js'
import type { Engine } from '../engine/createEngine.js'
import type { RecordedEvent } from '../stores/Store.js'
import { errorReply } from './httpErrors.js'
import { openEventStream, resumeAfter } from './sseResponse.js'

export interface EventStreamOptions {
  engine: Engine
  /** Extra route options (security, read access) shared with the other reads. */
  route?: Record<string, unknown>
  /** A comment line every this many ms keeps proxies from closing an idle stream; 15 s by default. */
  heartbeatMs?: number
  /** Told when a client connects (+1) or leaves (-1): for the SSE clients gauge. */
  onClients?(delta: 1 | -1): void
}

/** One Server-Sent Event: `id` is the event's seq, so a client resumes with Last-Event-ID. */
const frame = (e: RecordedEvent) => `id: ${e.seq}\nevent: event\ndata: ${JSON.stringify(e)}\n\n`

/**
 * `GET /initiatives/:id/events`: the initiative's events as Server-Sent Events, first those after
 * Last-Event-ID (all, without one), then each as it is appended — by this instance or, on
 * PostgreSQL, by any other (the store's LISTEN/NOTIFY). Events go out in seq order, each once per
 * connection; after a dropped notification connection the stream re-reads, so none is skipped.
 */
export function registerEventStream(app: FastifyInstance, options: EventStreamOptions): void {
  const { engine } = options
  const heartbeatMs = options.heartbeatMs ?? 15_000
  app.get(
    '/initiatives/:id/events',
    {
      ...options.route,
      schema: {
        operationId: 'streamEvents',
        summary: "The initiative's events as Server-Sent Events, live; resume with Last-Event-ID",
        tags: ['initiatives'],
        params: {
          type: 'object',
          properties: { id: { type: 'string', description: 'The initiative id.' } },
          required: ['id'],
        },
        querystring: {
          type: 'object',
          properties: {
            lastEventId: {
              type: 'string',
              description: 'Resume after this seq (as the Last-Event-ID header).',
            },
          },
        },
        headers: {
          type: 'object',
          properties: { 'last-event-id': { type: 'string', description: 'Resume after this seq.' } },
        },
        ...((options.route?.schema as Record<string, unknown> | undefined) ?? {}),
        response: {
          200: {
            description:
              'text/event-stream: `id: <seq>`, `event: event`, `data: <the recorded event as JSON>`',
            content: { 'text/event-stream': { schema: { type: 'string' } } },
          },
        },
      },
    },
    async (request: FastifyRequest, reply: FastifyReply) => {
      const { id } = request.params as { id: string }
      let sent: number
      let backlog: RecordedEvent[]
      try {
        sent = resumeAfter(request)
        // One read: it says whether the initiative exists and is what the client missed.
        backlog = await engine.store.readEvents(id, 0)
        if (backlog.length === 0)
          throw new TwoKeysError(
            'NOT_FOUND',
            `no initiative "${id}"; check the id (GET /initiatives lists them)`,
          )
      } catch (error) {
        // Answered here, before the stream starts, in the same shape as every other error.
        const { status, body } = errorReply(error)
        return reply.code(status).type('application/json; charset=utf-8').send(body)
      }
      const out = openEventStream(reply, 'twokeys events')
      for (const e of backlog.slice(sent)) out.write(frame(e))
      sent = Math.max(sent, backlog.length)
      if ((request.query as { follow?: string } | undefined)?.follow === 'false') {
        out.end()
        return
      }
      options.onClients?.(1)
      let closed = false
      let pending: Promise<void> = Promise.resolve()
      // One catch-up at a time, so events go out in order and once each.
      const catchUp = () => {
        pending = pending
          .then(async () => {
            if (closed) return
            for (const e of await engine.store.readEvents(id, sent)) {
              if (closed) return
              out.write(frame(e))
              sent = e.seq
            }
          })
          .catch(() => undefined)
      }
      const unwatch = engine.store.watch?.((notice) => {
        if ('resync' in notice || (notice.initiativeId === id && notice.seq > sent)) catchUp()
      })
      const heartbeat = setInterval(() => out.write(': keep-alive\n\n'), heartbeatMs)
      heartbeat.unref()
      catchUp()
      request.raw.on('close', () => {
        closed = true
        clearInterval(heartbeat)
        unwatch?.()
        options.onClients?.(-1)
      })
    },
  )
}
