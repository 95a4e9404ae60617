import fastifyRateLimit from '@fastify/rate-limit'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { CommandInput } from '../domain/Command.js'
import { parseCommand } from '../domain/parseCommand.js'
import type { Engine } from '../engine/createEngine.js'
import { commandTexts } from '../identity/commandTexts.js'
import type { SignatureMemo } from '../identity/signatureMemo.js'
import { HttpError } from './httpErrors.js'
import { hasSignature } from './requestParts.js'

export interface RequestLimitOptions {
  engine: Engine
  limit: { max: number; timeWindow: number | string }
  /** Shared with the engine, so a signature verified here is not verified again there. */
  signatures: SignatureMemo
}

/**
 * Rate limiting per principal — the signed actor of a command, the JWT's principal of a read — or,
 * when there is none, per IP: LIMIT_REACHED (429) past `limit.max` in a window.
 */
export async function registerRequestLimit(
  app: FastifyInstance,
  { engine, limit, signatures }: RequestLimitOptions,
): Promise<void> {
  /** The actor of a command whose signature verifies now, for rate limiting; else undefined. */
  async function signedActor(body: unknown): Promise<string | undefined> {
    if (!hasSignature(body)) return undefined
    try {
      const command = parseCommand(body as CommandInput)
      const keyring = await engine.keyring()
      if (keyring === null) return undefined
      const verdict = signatures.verify(keyring, command, engine.clock(), commandTexts(command).unsigned)
      return verdict.ok ? command.by : undefined
    } catch {
      return undefined
    }
  }

  await app.register(fastifyRateLimit, {
    max: limit.max,
    timeWindow: limit.timeWindow,
    // After the body is parsed (a command names its actor), before it is checked or acted on.
    hook: 'preValidation',
    keyGenerator: async (request: FastifyRequest) => {
      if (request.routeOptions.url === '/commands') {
        const actor = await signedActor(request.body)
        if (actor !== undefined) return `principal:${actor}`
      }
      if (request.principal !== undefined) return `principal:${request.principal}`
      return `ip:${request.ip}`
    },
    errorResponseBuilder: (_request, context) =>
      new HttpError(
        429,
        'LIMIT_REACHED',
        `too many requests: at most ${context.max} per ${context.after}; retry after ${context.after}`,
      ),
  })
}
