// Takes docs/playground.png, the README's picture of the playground: `npx tsx web/screenshot.ts`
// after `npm run build:web`, with Debian's Chromium at /usr/bin/chromium.
import { chromium } from 'playwright-core'
import { servePlayground } from '../src/cli/playgroundServer.js'

const server = await servePlayground({ root: 'web/dist', port: 0 })
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
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
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
  await page.goto(server.url)
  // The moment the page is for: one key turned, and its co-chair trying to turn the other.
  await page.getByRole('radio', { name: /Ministry of Digital/ }).check()
  await page.getByRole('button', { name: /^Propose/ }).click()
  await page.getByRole('button', { name: 'Submit it for review', exact: true }).click()
  await page.getByRole('radio', { name: /Oreshkin/ }).check()
  await page
    .getByRole('button', { name: 'Approve: turn the Presidential Administration key', exact: true })
    .click()
  await page
    .getByRole('button', { name: '✖ Approve: turn the Government Apparatus key', exact: true })
    .press('Enter')
  await page.locator('#panel-play .outcome[data-kind="refused"]').waitFor()
  await page.locator('#panel-play .chart svg').waitFor()
  await page.evaluate(() => {
    ;(document.activeElement as HTMLElement | null)?.blur()
    window.scrollTo(0, 0)
  })
  await page.waitForTimeout(1000) // the key's turn is animated
  await page.screenshot({ path: 'docs/playground.png' })
  console.log('wrote docs/playground.png')
} finally {
  await browser.close()
  await server.close()
}
