import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The folder of twokeys' own package.json, from src/ (tsx, tests) or dist/src/ (built) alike. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir)
    if (parent === dir) throw new Error('twokeys: cannot find its package.json above the CLI')
    dir = parent
  }
  return dir
}
