import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { TwoKeysError } from '../domain/TwoKeysError.js'
import { safeLoadDocument } from '../policy/safeLoadDocument.js'

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

/**
 * `twokeys serve --config file.json|yaml`: every setting of the server. Flags win over the
 * environment (`TWOKEYS_*`), which wins over this file. Relative paths are the file's.
 */
export const ServeConfigSchema = z.strictObject({
  policy: z.string().optional().describe('The policy file (or twokeys/policies/<file>).'),
  db: z.string().optional().describe('A SQLite file or a postgres:// URL; twokeys.db by default.'),
  host: z.string().optional().describe('127.0.0.1 by default.'),
  port: z.int().min(0).max(65535).optional().describe('8080 by default; 0 for any free port.'),
  logLevel: z.enum(LOG_LEVELS).optional().describe('info by default.'),
  snapshotKeyFile: z.string().optional().describe("The engine's snapshot key (else TWOKEYS_SNAPSHOT_KEY)."),
  allowUnsigned: z
    .boolean()
    .optional()
    .describe('Serve a policy whose identity is not signed: anyone may act as anyone. Off by default.'),
  bodyLimit: z
    .int()
    .min(1024)
    .max(16 * 1024 * 1024)
    .optional()
    .describe('Bytes; 65536 by default.'),
  rateLimit: z
    .union([
      z.literal(false),
      z.strictObject({ max: z.int().positive(), timeWindow: z.union([z.int().positive(), z.string()]) }),
    ])
    .optional()
    .describe('Requests per principal (or IP) per window; { max: 300, timeWindow: "1 minute" } by default.'),
  corsOrigins: z.array(z.string()).optional().describe('Browser origins allowed (CORS); none by default.'),
  trustProxy: z.union([z.boolean(), z.string()]).optional(),
  auth: z
    .strictObject({
      reads: z.enum(['open', 'jwt']).optional().describe('jwt when a jwksUrl is given, else open.'),
      jwksUrl: z.url().optional(),
      issuer: z.string().optional(),
      audience: z.string().optional(),
      principals: z
        .record(z.string(), z.string())
        .optional()
        .describe('JWT sub → principal id of the policy.'),
    })
    .optional(),
})

export type ServeConfig = z.output<typeof ServeConfigSchema>

/** Reads and checks a config file (JSON or YAML); CONFIG_INVALID with every issue located. */
export function loadServeConfig(path: string): ServeConfig {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (cause) {
    throw new TwoKeysError('NOT_FOUND', `cannot read the config file "${path}"; check the path`, { cause })
  }
  const result = safeLoadDocument(text, path, ServeConfigSchema)
  if (result.success) return result.data
  const lines = result.issues.map(
    (i) =>
      `  ✖ ${i.line === undefined ? '' : `line ${i.line}: `}${i.path.join('.') || '(config)'}: ${i.message}`,
  )
  throw new TwoKeysError('CONFIG_INVALID', `config file "${path}" is not valid:\n${lines.join('\n')}`, {
    issues: result.issues,
  })
}

export { LOG_LEVELS }
