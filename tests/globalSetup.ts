import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'

/**
 * Once per `vitest run`: a folder for the playground's one shared build (tests/web/support/
 * sharedBuild.ts builds into it only if a browser test asks), removed when the run ends.
 */
export default function setup(project: TestProject) {
  const root = mkdtempSync(join(tmpdir(), 'twokeys-playground-build-'))
  project.provide('playgroundBuildRoot', root)
  return () => rmSync(root, { recursive: true, force: true })
}
