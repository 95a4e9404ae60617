import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { inject } from 'vitest'
import { buildPlayground } from './buildPlayground.js'

declare module 'vitest' {
  export interface ProvidedContext {
    /** A folder for this test run's one build of the playground (see tests/globalSetup.ts). */
    playgroundBuildRoot: string
  }
}

/**
 * The playground built once per test run and shared by every browser test file: the first files
 * that ask build it (about 6 s) into the run's folder, which tests/globalSetup.ts removes at
 * the end; the files after it find it there. The build goes to a side folder first and is moved
 * into place whole, so a file never serves half a build. Only read it: tests that change the build
 * make their own.
 */
export async function sharedBuild(): Promise<string> {
  const root = inject('playgroundBuildRoot')
  const out = join(root, 'dist')
  if (existsSync(join(out, 'index.html'))) return out
  mkdirSync(root, { recursive: true })
  const side = join(root, `building-${process.pid}-${Date.now()}`)
  await buildPlayground(side)
  if (existsSync(join(out, 'index.html'))) rmSync(side, { recursive: true, force: true })
  else {
    try {
      renameSync(side, out)
    } catch (error) {
      // Two page files side by side (they share the two in-process workers) may finish building
      // at once: the first one's build stays, the other's goes.
      if (!existsSync(join(out, 'index.html'))) throw error
      rmSync(side, { recursive: true, force: true })
    }
  }
  return out
}
