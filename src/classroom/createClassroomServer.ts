import Fastify, { type FastifyInstance } from 'fastify'
import type { Policy } from '../policy/PolicySchema.js'
import { HttpError } from '../serve/httpErrors.js'
import type { Store } from '../stores/Store.js'
import { ClassroomSession } from './ClassroomSession.js'
import { registerClassroomRoutes } from './classroomRoutes.js'
import { staticFiles } from './staticFiles.js'

export interface ClassroomServerOptions {
  /** The lesson's policy (run with `identity: signed`). */
  policy: Policy
  /** The store of the n-th session opened (1, 2 …): each session has its own, so its own keyring. */
  storeFor(n: number): Store | Promise<Store>
  /** The built page to serve (web/dist); none: the API only. */
  root?: string
  /** The address students open, for join URLs and the QR code, once known; the request's host otherwise. */
  origin?: () => string | undefined
  /** Where each session's clock starts; the real time now by default. */
  start?: () => number
  /** At most this many sessions in one server (16 by default): opening one is open to anyone who reaches it. */
  maxSessions?: number
}

/**
 * The `twokeys classroom` server (not listening: call `listen`, or `inject` in tests): the
 * classroom page and its API. Closing it closes every session's engine and store.
 *
 * @example
 * const { app, open } = await createClassroomServer({ policy, storeFor: () => memoryStore() })
 * const session = await open()
 */
export async function createClassroomServer(options: ClassroomServerOptions): Promise<{
  app: FastifyInstance
  sessions: Map<string, ClassroomSession>
  open(): Promise<ClassroomSession>
}> {
  const sessions = new Map<string, ClassroomSession>()
  const max = options.maxSessions ?? 16
  const open = async () => {
    if (sessions.size >= max)
      throw new HttpError(
        429,
        'LIMIT_REACHED',
        `this server already runs ${max} sessions; end one, or start another twokeys classroom`,
      )
    const session = await ClassroomSession.open({
      policy: options.policy,
      store: await options.storeFor(sessions.size + 1),
      ...(options.start === undefined ? {} : { start: options.start() }),
    })
    sessions.set(session.id, session)
    return session
  }
  const app = Fastify({ logger: false, bodyLimit: 64 * 1024 }) as unknown as FastifyInstance
  app.removeContentTypeParser('text/plain')
  registerClassroomRoutes(app, {
    sessions,
    open,
    ...(options.origin === undefined ? {} : { origin: options.origin }),
  })
  if (options.root !== undefined) app.get('/*', staticFiles(options.root))
  app.addHook('onClose', async () => {
    await Promise.all([...sessions.values()].map((s) => s.engine.close()))
  })
  return { app, sessions, open }
}
