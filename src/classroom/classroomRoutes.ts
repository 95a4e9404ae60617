import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import QRCode from 'qrcode'
import type { z } from 'zod'
import { isTwoKeysError } from '../domain/TwoKeysError.js'
import { errorReply, HttpError } from '../serve/httpErrors.js'
import { openEventStream, resumeAfter } from '../serve/sseResponse.js'
import { buildDebrief } from './buildDebrief.js'
import type { Notice } from './ClassroomFeed.js'
import { type ClassroomSession, sameText } from './ClassroomSession.js'
import { classroomError } from './classroomMessages.js'
import { ClockBodySchema, DeputyBodySchema, ForgeryBodySchema, JoinBodySchema } from './classroomSchemas.js'
import type { Forgery } from './forgeCopy.js'
import { normalizeJoinCode } from './joinCode.js'

export interface ClassroomRoutesOptions {
  /** The sessions, by id. */
  sessions: Map<string, ClassroomSession>
  /** Opens a new session (POST /api/sessions). */
  open(): Promise<ClassroomSession>
  /** The token POST /api/sessions needs (Bearer): the operator's, printed when the server starts. */
  operatorToken: string
  /** The address students open (`http://192.168.1.23:4322`), once known; the request's own host otherwise. */
  origin?: () => string | undefined
}

/** Checks a body with its schema: COMMAND_INVALID naming each bad field. */
function parsed<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value ?? {})
  if (result.success) return result.data
  const lines = result.error.issues.map((i) => `  ✖ ${['body', ...i.path].join('.')}: ${i.message}`)
  throw classroomError('COMMAND_INVALID', 'classroom.badBody', { lines })
}

const bearer = (request: FastifyRequest) => {
  const header = request.headers.authorization
  return header?.startsWith('Bearer ') === true ? header.slice(7) : undefined
}

/** The URLs a session is reached at: the teacher's (token in the fragment: never sent to a server or a log) and the students'. */
export function sessionUrls(origin: string, session: ClassroomSession) {
  return {
    teacherUrl: `${origin}/classroom.html#teacher=${session.id}.${session.teacherToken}`,
    joinUrl: `${origin}/classroom.html?join=${session.joinCode}`,
  }
}

/** A notice as one Server-Sent Event. */
const frame = (n: Notice) => `id: ${n.seq}\nevent: notice\ndata: ${JSON.stringify(n)}\n\n`

/**
 * The classroom API: open a session, join it with its code, send signed commands, watch the feed
 * (Server-Sent Events); the teacher (Bearer token) jumps the clock, injects a deputy, forges a copy
 * of the log, ends the session and reads the debrief and the audit export.
 */
export function registerClassroomRoutes(app: FastifyInstance, options: ClassroomRoutesOptions): void {
  const { sessions } = options
  // Open streams end when the server closes; a stream left open would hold the close forever.
  const streams = new Set<() => void>()
  app.addHook('preClose', async () => {
    for (const end of streams) end()
  })
  const originOf = (request: FastifyRequest) =>
    options.origin?.() ?? `${request.protocol}://${request.headers.host ?? 'localhost'}`

  const sessionOf = (request: FastifyRequest): ClassroomSession => {
    const { id } = request.params as { id: string }
    const session = sessions.get(id)
    if (session === undefined) throw classroomError('NOT_FOUND', 'classroom.noSession', { id })
    return session
  }
  const teacherOf = (request: FastifyRequest): ClassroomSession => {
    const session = sessionOf(request)
    const token = bearer(request)
    if (token === undefined)
      throw new HttpError(
        401,
        'UNAUTHENTICATED',
        'this is a teacher action: send Authorization: Bearer <teacher token>',
      )
    if (!session.isTeacher(token))
      throw new HttpError(
        403,
        'NOT_AUTHORIZED',
        'this is a teacher action, and the token given is not the teacher token of this session',
      )
    return session
  }
  const bySession = (code: string) => {
    const wanted = normalizeJoinCode(code)
    const session = [...sessions.values()].find((s) => s.matches(wanted))
    if (session === undefined) throw classroomError('NOT_FOUND', 'classroom.noJoinCode', { code })
    return session
  }
  const rolesOf = (session: ClassroomSession) =>
    session.roles.map((r) => ({ ...r, taken: session.roleTaken(r.id) }))

  app.post('/api/sessions', async (request, reply) => {
    const token = bearer(request)
    if (token === undefined)
      throw new HttpError(
        401,
        'UNAUTHENTICATED',
        "opening a session is the operator's: send Authorization: Bearer <operator token> (printed when twokeys classroom starts)",
      )
    if (!sameText(token, options.operatorToken))
      throw new HttpError(
        403,
        'NOT_AUTHORIZED',
        "the token given is not this server's operator token; use the one twokeys classroom printed when it started",
      )
    const session = await options.open()
    const urls = sessionUrls(originOf(request), session)
    return reply.code(201).send({
      sessionId: session.id,
      teacherToken: session.teacherToken,
      joinCode: session.joinCode,
      ...urls,
    })
  })

  app.get('/api/sessions/:id/teacher', async (request) => {
    const session = teacherOf(request)
    const urls = sessionUrls(originOf(request), session)
    const qrSvg = await QRCode.toString(urls.joinUrl, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' })
    return { sessionId: session.id, joinCode: session.joinCode, joinUrl: urls.joinUrl, qrSvg }
  })

  app.get('/api/join/:code', async (request) => {
    const session = bySession((request.params as { code: string }).code)
    return {
      sessionId: session.id,
      policy: { id: session.policy.id, title: session.policy.title },
      ended: session.ended,
      roles: rolesOf(session),
      // The policy's names in other languages: the page shows them in its own.
      translations: session.policy.translations ?? {},
    }
  })

  app.post('/api/join', async (request, reply) => {
    const body = parsed(JoinBodySchema, request.body)
    const session = bySession(body.code)
    const student = await session.join(body.role, body.name, body.publicKey)
    return reply.code(201).send({ sessionId: session.id, student })
  })

  app.get('/api/sessions/:id', async (request) => {
    const session = sessionOf(request)
    const initiatives = await session.engine.list()
    const boards = await Promise.all(initiatives.map((i) => session.engine.status(i.initiativeId)))
    return {
      sessionId: session.id,
      policy: {
        id: session.policy.id,
        title: session.policy.title,
        objectives: session.policy.objectives,
        keys: session.policy.keys.map((k) => ({
          id: k.id,
          label: k.label,
          holders: k.holders,
          deputies: k.deputies.eligible ?? [],
        })),
        regions: session.policy.regions.map((r) => ({ id: r.id, governor: r.governor })),
        destinations: session.policy.friendlyDestinations,
        translations: session.policy.translations ?? {},
      },
      startedAt: session.startedAt,
      clock: session.clock(),
      ended: session.ended,
      students: session.students.map(({ role, name, keyId, inKeyring }) => ({
        role,
        name,
        keyId,
        inKeyring,
      })),
      roles: rolesOf(session),
      boards,
    }
  })

  app.get('/api/sessions/:id/feed', async (request: FastifyRequest, reply: FastifyReply) => {
    const session = sessionOf(request)
    let sent = resumeAfter(request)
    const out = openEventStream(reply, 'twokeys classroom')
    const send = (n: Notice) => {
      if (n.seq <= sent) return
      out.write(frame(n))
      sent = n.seq
    }
    const stop = session.feed.listen(send)
    for (const n of session.feed.after(sent)) send(n)
    const heartbeat = setInterval(() => out.write(': keep-alive\n\n'), 15_000)
    heartbeat.unref()
    const end = () => {
      clearInterval(heartbeat)
      stop()
      streams.delete(end)
      out.end()
    }
    streams.add(end)
    request.raw.on('close', end)
  })

  app.post('/api/sessions/:id/commands', async (request, reply) => {
    const session = sessionOf(request)
    const receipt = await session.dispatch(request.body)
    return reply.code(receipt.replayed ? 200 : 201).send({
      initiativeId: receipt.initiativeId,
      seq: receipt.seq,
      replayed: receipt.replayed,
      event: receipt.event,
      board: receipt.board,
    })
  })

  app.delete('/api/sessions/:id/seats/:role', async (request) => {
    const session = teacherOf(request)
    const { role } = request.params as { role: string }
    const { keyId } = request.query as { keyId?: string | string[] }
    if (Array.isArray(keyId))
      throw classroomError('COMMAND_INVALID', 'classroom.badBody', {
        lines: ['  ✖ query.keyId: give it once'],
      })
    const { name, keyId: freed, inKeyring } = await session.free(role, keyId)
    return {
      role,
      name,
      keyId: freed,
      revoked: inKeyring,
      keyringVersion: (await session.engine.keyring())?.version ?? 0,
    }
  })

  app.post('/api/sessions/:id/clock', async (request) => {
    const session = teacherOf(request)
    const { jump } = parsed(ClockBodySchema, request.body)
    const { from, to, fired } = await session.jump(jump)
    return {
      from,
      to,
      fired: fired.map((e) => ({ initiativeId: e.initiativeId, seq: e.seq, type: e.event.type })),
    }
  })

  app.post('/api/sessions/:id/deputy', async (request, reply) => {
    const session = teacherOf(request)
    const body = parsed(DeputyBodySchema, request.body)
    const outcome = await session.injectDeputy(body.initiativeId, body.key, body.days)
    if ('prompted' in outcome) return reply.code(202).send(outcome)
    return reply
      .code(201)
      .send({ initiativeId: outcome.initiativeId, seq: outcome.seq, event: outcome.event })
  })

  app.post('/api/sessions/:id/forgery', async (request) => {
    const session = teacherOf(request)
    const { forgery } = parsed(ForgeryBodySchema, request.body)
    return session.forge(forgery as Forgery)
  })

  app.post('/api/sessions/:id/end', async (request) => {
    const session = teacherOf(request)
    await session.end()
    return buildDebrief(session)
  })

  app.get('/api/sessions/:id/debrief', async (request) => buildDebrief(teacherOf(request)))

  app.get('/api/sessions/:id/audit.jsonl', async (request, reply) => {
    const session = teacherOf(request)
    return reply
      .type('application/x-ndjson; charset=utf-8')
      .header('content-disposition', `attachment; filename="twokeys-classroom-${session.id}.jsonl"`)
      .send(await session.exportAudit())
  })

  app.setErrorHandler((error, request, reply) => {
    const signed = typeof request.body === 'object' && request.body !== null && 'signature' in request.body
    const { status, body } = errorReply(error, signed)
    if (status >= 500) request.log.error({ err: error }, 'request failed')
    // The reasons as message keys too, so the page shows them in its language.
    const phrases = isTwoKeysError(error) ? error.phrases : []
    void reply
      .code(status)
      .type('application/json; charset=utf-8')
      .send({ ...body, phrases })
  })
  app.setNotFoundHandler((request, reply) => {
    const { status, body } = errorReply(
      new HttpError(404, 'NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`),
    )
    void reply.code(status).send(body)
  })
}
