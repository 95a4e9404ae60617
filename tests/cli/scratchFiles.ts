import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'

/**
 * A scratch folder for one test file, removed after it: `at(name)` is a path in it, and
 * `at(name, text)` also writes that text there.
 */
export function scratchFiles(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const at = (name: string, text?: string) => {
    const path = join(dir, name)
    if (text !== undefined) writeFileSync(path, text)
    return path
  }
  return { dir, at }
}
