import { z } from 'zod'

/** Policy ids: kebab-case, so every one is also a valid initiative or command id. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/
export const ID_MAX = 64
export const ID_RULE = 'use lowercase letters, digits and dashes, starting with a letter or digit'

/** Ids are short, stable, kebab-case names: they appear in commands, logs and diagrams. */
export const IdSchema = z
  .string()
  .regex(ID_PATTERN, ID_RULE)
  .max(ID_MAX)
  .describe('A kebab-case identifier such as "presidential-administration".')
