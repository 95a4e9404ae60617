import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { RecordIdProblem } from '../domain/recordIdMessages.js'
import { identityError, type KeyFileProblem } from './identityMessages.js'
import { type PrivateKeyFile, PrivateKeyFileSchema } from './PrivateKeyFile.js'

/** Reads one private key file (an Ed25519 JWK with kid and principal); a bad file names what is wrong. */
export function loadPrivateKeyFile(path: string): PrivateKeyFile {
  let json: unknown
  try {
    json = JSON.parse(readFileSync(path, 'utf8'))
  } catch (cause) {
    throw identityError('COMMAND_INVALID', 'keyFile.unreadable', { path }, { cause })
  }
  const parsed = PrivateKeyFileSchema.safeParse(json)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i): KeyFileProblem => {
      const at = i.path.join('.') || '(file)'
      // an id check's phrase (RecordIdSchema) rides in its issue's params
      const problem = i.code === 'custom' ? (i.params?.recordId as RecordIdProblem | undefined) : undefined
      return problem === undefined ? { at, text: i.message } : { at, problem }
    })
    throw identityError('COMMAND_INVALID', 'keyFile.notAKey', { path, problems })
  }
  return parsed.data
}

/** The private key files (`*.key.json`) of a folder, or of one file. Node only: the CLI reads keys here. */
export function loadPrivateKeyFiles(path: string): PrivateKeyFile[] {
  let isFolder: boolean
  try {
    isFolder = statSync(path).isDirectory()
  } catch (cause) {
    throw identityError('COMMAND_INVALID', 'keyFile.missing', { path }, { cause })
  }
  if (!isFolder) return [loadPrivateKeyFile(path)]
  return readdirSync(path)
    .filter((name) => name.endsWith('.key.json'))
    .sort()
    .map((name) => loadPrivateKeyFile(join(path, name)))
}
