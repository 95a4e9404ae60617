import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { packageRoot } from './packageRoot.js'

/** The version in twokeys' own package.json, as `twokeys --version` prints it. */
export function packageVersion(): string {
  const { version } = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as {
    version?: unknown
  }
  return typeof version === 'string' ? version : 'unknown'
}
