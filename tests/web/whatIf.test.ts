import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { skipBrowser } from './support/chromium.js'
import { axeProblems, SHOTS, servedPlayground } from './support/servedPlayground.js'

describe.skipIf(skipBrowser)('the What if? tab in Chromium', () => {
  const served = servedPlayground()
  const errors: string[] = []

  async function open(): Promise<Page> {
    const page = await served.browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'en-US' })
    page.on('pageerror', (e) => errors.push(`page error: ${e.message}`))
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console error: ${m.text()}`)
    })
    await page.goto(`${served.server.url}/`)
    page.setDefaultTimeout(10_000)
    await page.locator('body[data-ready="true"]').waitFor({ state: 'attached' })
    return page
  }

  /** A small run: few replications over a short horizon, so it ends in a second or two. */
  async function setSmallRun(page: Page, replications: string) {
    await page.getByLabel('Replications').fill(replications)
    await page.getByLabel('Simulated days per replication').fill('365')
  }

  it('compares two keys with one key in a worker, draws the chart, and passes axe', async () => {
    const page = await open()
    // Keyboard: from the first tab, End reaches What if?.
    await page.getByRole('tab', { name: 'Play' }).focus()
    await page.keyboard.press('End')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('What if?')
    const panel = page.locator('#panel-what-if')
    expect(await panel.isVisible()).toBe(true)
    expect(await page.getByLabel('Policy A').inputValue()).toBe('two-keys.yaml')
    expect(await page.getByLabel('Policy B').inputValue()).toBe('single-key.yaml')
    await setSmallRun(page, '6')
    await page.getByLabel('Maxim Oreshkin’s mean review days').fill('4')
    const workers: string[] = []
    page.on('worker', (w) => workers.push(w.url()))
    // Every status the run shows, in order (a compile phase can be too short to catch by polling).
    await page.evaluate(() => {
      const status = document.getElementById('whatif-status') as HTMLElement
      const seen: string[] = []
      ;(window as unknown as { statuses: string[] }).statuses = seen
      new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, {
        childList: true,
        characterData: true,
        subtree: true,
      })
    })
    const started = Date.now()
    await page.getByRole('button', { name: 'Run', exact: true }).click()
    await panel.locator('.whatif-sentence').waitFor({ timeout: 30_000 })
    const seconds = (Date.now() - started) / 1000
    expect(workers.some((url) => url.includes('whatIfWorker'))).toBe(true)
    const sentence = (await panel.locator('.whatif-sentence').textContent()) ?? ''
    expect(sentence).toMatch(
      /^With two keys, median time to approval is \d+\.\d days \[95 % CI \d+\.\d–\d+\.\d\], \d+\.\d\d× \[95 % CI [\d.]+–[\d.]+\] single key \(\d+\.\d days\)\.$/,
    )
    expect(await page.locator('#whatif-status').textContent()).toContain('Done: 6 replications per policy')
    // The compile phase of each policy shows before any replication runs.
    const statuses = await page.evaluate(() => (window as unknown as { statuses: string[] }).statuses)
    const running = statuses.findIndex((s) => s.startsWith('Running:'))
    const compiling = statuses.slice(0, running).filter((s) => s.startsWith('Compiling '))
    expect(compiling.some((s) => /^Compiling two-keys\.yaml(: [\d,]+ states)?…$/.test(s))).toBe(true)
    expect(compiling.some((s) => s.startsWith('Compiling single-key.yaml'))).toBe(true)
    // The chart: two labelled series with different dash patterns, not colour alone.
    const chart = panel.locator('svg.lead-time-chart')
    expect(await chart.getAttribute('role')).toBe('img')
    expect(await chart.getAttribute('aria-label')).toContain('two keys (2 keys), median')
    expect(await chart.locator('g.series').count()).toBe(2)
    const dashes = await chart
      .locator('g.series > path')
      .evaluateAll((paths) => paths.map((p) => p.getAttribute('stroke-dasharray')))
    expect(dashes[0]).toBeNull()
    expect(dashes[1]).not.toBeNull()
    expect(await chart.textContent()).toContain('A: two keys (2 keys)')
    expect(await chart.textContent()).toContain('B: single key (1 key)')
    console.log(`what-if: 2 × 6 replications of 365 days in the browser in ${seconds.toFixed(1)} s`)

    const found = await axeProblems(page, { include: [['#panel-what-if']] })
    expect(found).toEqual([])
    await page.screenshot({ path: `${SHOTS}/what-if.png`, fullPage: true })
    expect(errors).toEqual([])
    await page.close()
  })

  it('cancels a running simulation by terminating the worker', async () => {
    const page = await open()
    await page.getByRole('tab', { name: 'What if?' }).click()
    await page.getByLabel('Replications').fill('50')
    await page.getByLabel('Simulated days per replication').fill('1460')
    await page.getByRole('button', { name: 'Run', exact: true }).click()
    // Cancel at once, while the worker is still loading and compiling (hundreds of ms): waiting for
    // progress first races the end of the run on a fast machine or the start of it on a busy one.
    const status = await page.locator('#whatif-status').textContent()
    expect(
      status === 'Loading the simulator…' ||
        status?.startsWith('Compiling ') ||
        status?.startsWith('Running:'),
    ).toBe(true)
    await page.getByRole('button', { name: 'Cancel', exact: true }).click()
    expect(await page.locator('#whatif-status').textContent()).toBe('Cancelled.')
    expect(await page.getByRole('button', { name: 'Run', exact: true }).isEnabled()).toBe(true)
    expect(await page.getByRole('button', { name: 'Cancel', exact: true }).isDisabled()).toBe(true)
    expect(await page.locator('.whatif-sentence').count()).toBe(0)
    // A new run after a cancel still works.
    await setSmallRun(page, '3')
    await page.getByRole('button', { name: 'Run', exact: true }).click()
    await page.locator('.whatif-sentence').waitFor({ timeout: 30_000 })
    expect(errors).toEqual([])
    await page.close()
  })
})
