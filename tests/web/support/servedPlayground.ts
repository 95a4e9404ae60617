import { mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { type PlaygroundServer, servePlayground } from '../../../src/cli/playgroundServer.js'
import { launchChromium } from './chromium.js'
import { sharedBuild } from './sharedBuild.js'

/** Where the browser tests save their screenshots (gitignored). */
export const SHOTS = 'test-output/screenshots'

/** axe-core, to inject into a page: `page.addScriptTag({ content: axeSource })`. */
export const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

export interface ServedPlayground {
  readonly browser: Browser
  readonly server: PlaygroundServer
}

/**
 * One browser and the built page for a test file: in `beforeAll`, takes the run's one build of
 * the page (`sharedBuild`: built in a temporary folder by the first file that asks — not web/dist,
 * which someone may be serving, nor where the linter looks) while Chromium starts, then serves it;
 * in `afterAll`, closes both. Call it inside the file's `describe`.
 */
export function servedPlayground(): ServedPlayground {
  let browser: Browser | undefined
  let server: PlaygroundServer | undefined

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
    const [out, launched] = await Promise.all([sharedBuild(), launchChromium()])
    browser = launched
    server = await servePlayground({ root: out, port: 0 })
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
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

/**
 * axe-core's serious and critical violations on the page as it is now (axe is added to the page
 * the first time), over the whole page or axe's `{ include, exclude }` selectors — e.g. leaving out
 * a drawn diagram, one labelled image (role="img") whose SVG insides are not read.
 */
export async function axeProblems(
  page: Page,
  scope: { include?: string[][]; exclude?: string[][] } = {},
): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource })
  return page.evaluate(async (within) => {
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<unknown> } }).axe
    const context = within.include === undefined && within.exclude === undefined ? document : within
    const result = (await axe.run(context, { resultTypes: ['violations'] })) as {
      violations: { id: string; impact: string; nodes: { target: string[] }[] }[]
    }
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.impact} ${v.id} at ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(', ')}`,
      )
  }, scope)
}
