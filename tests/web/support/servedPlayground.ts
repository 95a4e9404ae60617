import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { type PlaygroundServer, servePlayground } from '../../../src/cli/playgroundServer.js'
import { buildPlayground } from './buildPlayground.js'
import { launchChromium } from './chromium.js'

/** Where the browser tests save their screenshots (gitignored). */
export const SHOTS = 'test-output/screenshots'

/** axe-core, to inject into a page: `page.addScriptTag({ content: axeSource })`. */
export const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

export interface ServedPlayground {
  readonly browser: Browser
  readonly server: PlaygroundServer
}

/**
 * One browser and one built page for a test file: in `beforeAll`, builds the page into a fresh
 * temporary folder (not web/dist, which someone may be serving, nor where the linter looks) while
 * Chromium starts, then serves the build; in `afterAll`, closes both and removes the folder. Call
 * it inside the file's `describe`.
 */
export function servedPlayground(prefix: string): ServedPlayground {
  let browser: Browser | undefined
  let server: PlaygroundServer | undefined
  let out: string | undefined

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
    out = mkdtempSync(join(tmpdir(), prefix))
    const [, launched] = await Promise.all([buildPlayground(out), launchChromium()])
    browser = launched
    server = await servePlayground({ root: out, port: 0 })
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    if (out !== undefined) rmSync(out, { recursive: true, force: true })
  })

  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('servedPlayground: used before its beforeAll ran')
    return value
  }
  return {
    get browser() {
      return ready(browser)
    },
    get server() {
      return ready(server)
    },
  }
}
