import { z } from 'zod'
import { fromBase64 } from '../tlog/base64.js'

/**
 * What a witness remembers of one log: the last checkpoint it cosigned. This is all it needs —
 * every later checkpoint must be proved consistent with this one (c2sp.org/tlog-witness).
 */
export const WitnessLogStateSchema = z.strictObject({
  size: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  root: z
    .string()
    .refine((s) => fromBase64(s)?.length === 32, 'a root is 32 bytes of canonical base64 (SHA-256)'),
  /** POSIX seconds of the cosignature, so the next one is never dated earlier. */
  cosignedAt: z.number().int().min(1),
})

/**
 * The witness's state file. Losing it is losing the witness: a fresh state would cosign a log
 * rolled back behind what the witness already vouched for, so a lost state means a new key.
 */
export const WitnessStateSchema = z.strictObject({
  version: z.literal(1),
  /** The witness's key name: a state file belongs to one witness key and no other. */
  witness: z.string().min(1),
  logs: z.record(z.string().min(1), WitnessLogStateSchema),
})

export type WitnessLogState = z.infer<typeof WitnessLogStateSchema>
export type WitnessState = z.infer<typeof WitnessStateSchema>

/** The state of a witness that has cosigned nothing yet. */
export const emptyWitnessState = (witness: string): WitnessState => ({ version: 1, witness, logs: {} })
