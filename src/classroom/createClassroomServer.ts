import fastifyRateLimit from '@fastify/rate-limit'
import Fastify, { type FastifyInstance } from 'fastify'
import type { Policy } from '../policy/PolicySchema.js'
import { HttpError } from '../serve/httpErrors.js'
import type { Store } from '../stores/Store.js'
import { ClassroomSession, randomToken } from './ClassroomSession.js'
import { classroomError } from './classroomMessages.js'
import { registerClassroomRoutes } from './classroomRoutes.js'
import { memorySessionRecord, type SessionRecord } from './SessionRecord.js'
import { staticFiles } from './staticFiles.js'

export interface ClassroomServerOptions {
  /** The lesson's policy (run with `identity: signed`). */
  policy: Policy
  /** The store of the n-th session opened (1, 2 …): each session has its own, so its own keyring. */
  storeFor(n: number): Store | Promise<Store>
  /**
   * Where the n-th session keeps its roster, feed, clock and tokens (`sqliteSessionRecord(file)`,
   * the store's own file), opened before its store; nowhere by default (the session ends with the server).
   */
  recordFor?(n: number): SessionRecord | Promise<SessionRecord>
  /** The built page to serve (web/dist); none: the API only. */
  root?: string
  /** The address students open, for join URLs and the QR code, once known; the request's host otherwise. */
  origin?: () => string | undefined
  /** Where each session's clock starts; the real time now by default. */
  start?: () => number
  /** At most this many sessions in one server (16 by default). */
  maxSessions?: number
  /** The token `POST /api/sessions` needs (Bearer); random by default, and returned as `operatorToken`. */
  operatorToken?: string
  /** Requests one client (IP) may make in a window, past which it gets 429 with Retry-After: 600 a minute by default; false for none. */
  rateLimit?: { max: number; timeWindow: number | string } | false
}

/**
 * The `twokeys classroom` server (not listening: call `listen`, or `inject` in tests): the
 * classroom page and its API. Closing it closes every session's engine, store and record (and so
 * lets each record's file go for another server).
 * `resume(n)` takes up the session kept in the n-th record (null when it keeps none), and
 * sessions opened later are numbered after it.
 *
 * @example
 * const { app, open } = await createClassroomServer({ policy, storeFor: () => memoryStore() })
 * const session = await open()
 */
export async function createClassroomServer(options: ClassroomServerOptions): Promise<{
  app: FastifyInstance
  sessions: Map<string, ClassroomSession>
  open(): Promise<ClassroomSession>
  resume(n: number): Promise<ClassroomSession | null>
  operatorToken: string
}> {
  const operatorToken = options.operatorToken ?? randomToken()
  const sessions = new Map<string, ClassroomSession>()
  const max = options.maxSessions ?? 16
  /** The number of the last session opened or resumed: the next one is kept beside it. */
  let last = 0
  /**
   * The record of session n, claimed for this server: one a live server holds is refused
   * (CONFLICT, naming the file and its server) before a byte is written; a dead server's is taken over.
   */
  const recordOf = async (n: number) => {
    const record = (await options.recordFor?.(n)) ?? memorySessionRecord()
    try {
      record.claim?.()
    } catch (error) {
      record.close()
      throw error
    }
    return record
  }
  /** Opens the store of session n on its record, and closes the record if that fails. */
  const storeOn = async (n: number, record: SessionRecord) => {
    try {
      return await options.storeFor(n)
    } catch (error) {
      record.close()
      throw error
    }
  }
  const open = async () => {
    if (sessions.size >= max)
      throw new HttpError(
        429,
        'LIMIT_REACHED',
        `this server already runs ${max} sessions; end one, or start another twokeys classroom`,
      )
    const n = last + 1
    const record = await recordOf(n)
    if (record.load() !== null) {
      record.close()
      throw classroomError('CONFLICT', 'classroom.fileTaken', { path: record.path ?? `session ${n}` })
    }
    const store = await storeOn(n, record)
    last = n
    const session = await ClassroomSession.open({
      policy: options.policy,
      store,
      record,
      ...(options.start === undefined ? {} : { start: options.start() }),
    })
    sessions.set(session.id, session)
    return session
  }
  const resume = async (n: number) => {
    const record = await recordOf(n)
    if (record.load() === null) {
      record.close()
      return null
    }
    const store = await storeOn(n, record)
    try {
      const session = await ClassroomSession.resume({ policy: options.policy, store, record })
      if (session === null) throw new Error('the record emptied while it was read')
      sessions.set(session.id, session)
      last = Math.max(last, n)
      return session
    } catch (error) {
      await store.close()
      record.close()
      throw error
    }
  }
  const app = Fastify({ logger: false, bodyLimit: 64 * 1024 }) as unknown as FastifyInstance
  app.removeContentTypeParser('text/plain')
  if (options.rateLimit !== false) {
    const limit = options.rateLimit ?? { max: 600, timeWindow: '1 minute' }
    // Every request counts, the page's files too, per client address; @fastify/rate-limit adds Retry-After.
    await app.register(fastifyRateLimit, {
      max: limit.max,
      timeWindow: limit.timeWindow,
      keyGenerator: (request) => request.ip,
      errorResponseBuilder: (_request, context) =>
        new HttpError(
          429,
          'LIMIT_REACHED',
          `too many requests from this address: at most ${context.max} per ${context.after}; retry after ${context.after}`,
        ),
    })
  }
  registerClassroomRoutes(app, {
    sessions,
    open,
    operatorToken,
    ...(options.origin === undefined ? {} : { origin: options.origin }),
  })
  if (options.root !== undefined) app.get('/*', staticFiles(options.root))
  app.addHook('onClose', async () => {
    await Promise.all(
      [...sessions.values()].map(async (s) => {
        await s.engine.close()
        s.record.close()
      }),
    )
  })
  return { app, sessions, open, resume, operatorToken }
}
