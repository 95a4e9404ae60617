import { existsSync } from 'node:fs'
import { type Browser, chromium } from 'playwright-core'

/** Debian's Chromium (`apt-get install -y chromium`); Playwright's own browsers are never downloaded. */
export const CHROMIUM = '/usr/bin/chromium'

const present = existsSync(CHROMIUM)

/**
 * Skip the browser tests only on a developer's machine without Chromium, and say so. In CI
 * (`CI` set) a missing Chromium is a failure, not a skip.
 */
export const skipBrowser = !present && process.env.CI === undefined
if (skipBrowser) {
  console.warn(
    `tests/web: browser tests SKIPPED: ${CHROMIUM} is absent. Install it with \`apt-get install -y chromium\` (never \`npx playwright install\`); in CI they run and a missing Chromium fails.`,
  )
}

export function launchChromium(): Promise<Browser> {
  if (!present) {
    throw new Error(`Chromium is missing at ${CHROMIUM}: install it with \`apt-get install -y chromium\``)
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}
