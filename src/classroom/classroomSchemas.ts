import { z } from 'zod'
import { CLOCK_JUMPS } from './clockJumps.js'
import { FORGERIES } from './forgeCopy.js'

/** A student joining: the code read off the board, a role, a name to show, and the public key made in the browser. */
export const JoinBodySchema = z.strictObject({
  code: z.string().min(1).max(20),
  role: z.string().min(1).max(64),
  name: z.string().max(60).default(''),
  publicKey: z.string().max(100),
})

export const ClockBodySchema = z.strictObject({
  jump: z.enum(Object.keys(CLOCK_JUMPS) as [keyof typeof CLOCK_JUMPS]),
})

export const DeputyBodySchema = z.strictObject({
  initiativeId: z.string().min(1).max(128),
  key: z.string().min(1).max(64),
  days: z.number().int().min(1).max(365).optional(),
})

export const ForgeryBodySchema = z.strictObject({ forgery: z.enum(FORGERIES as [string, ...string[]]) })
