import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { skipBrowser } from './support/chromium.js'
import { axeProblems, SHOTS, servedPlayground } from './support/servedPlayground.js'

const PA = 'Presidential Administration'

describe.skipIf(skipBrowser)('keys, the witnessed log and the three forgeries, in Chromium', () => {
  const served = servedPlayground()
  const errors: string[] = []

  async function open(viewport = { width: 1400, height: 1000 }, hash = ''): Promise<Page> {
    const page = await served.browser.newPage({ viewport, locale: 'en-US' })
    page.on('pageerror', (e) => errors.push(`page error: ${e.message}`))
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console error: ${m.text()}`)
    })
    await page.goto(`${served.server.url}/${hash}`)
    page.setDefaultTimeout(10_000)
    await page.locator('[data-offer="propose"]').waitFor({ state: 'attached' })
    return page
  }

  const actAs = (page: Page, name: RegExp) => page.getByRole('radio', { name }).check()
  const press = (page: Page, name: string) => page.getByRole('button', { name, exact: true }).click()

  /** Proposed, submitted, and Oreshkin has turned his key: three signed events, three checkpoints. */
  async function threeEvents(page: Page): Promise<Locator> {
    await actAs(page, /Ministry of Digital Development/)
    await page.getByRole('button', { name: /^Propose/ }).click()
    await press(page, 'Submit it for review')
    await page.locator('#panel-play .phase[data-phase="review"]').waitFor()
    await actAs(page, /Maxim Oreshkin/)
    await press(page, `Approve: turn the ${PA} key`)
    const trail = page.locator('#panel-play .trail-panel')
    await expect.poll(() => trail.locator('tbody tr[data-seq]').count()).toBe(3)
    await expect.poll(() => trail.locator('.checkpoint').getAttribute('data-size')).toBe('3')
    return trail
  }

  async function tamper(trail: Locator, mode: string, event: string) {
    await trail.getByLabel('The forger').selectOption(mode)
    await trail.getByLabel('Event', { exact: true }).selectOption({ label: event })
    await trail.getByRole('button', { name: 'Tamper with the copy', exact: true }).click()
    await expect.poll(() => trail.getAttribute('data-tampered')).toBe('true')
  }

  /** The table of checks: each check's pass or fail, and which one is marked as catching it. */
  async function checks(trail: Locator) {
    const table = trail.locator('table.checks')
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-check'), tr.getAttribute('data-ok')]))
    const marked = await table.locator('tr:has(.catches)').getAttribute('data-check')
    return { rows: Object.fromEntries(rows), caughtBy: await table.getAttribute('data-caught-by'), marked }
  }

  it('makes a key per principal in the browser, signs with the acting one, and shows the cosigned checkpoint', async () => {
    const page = await open()
    const keys = page.locator('#panel-play .keys-panel')
    await actAs(page, /Maxim Oreshkin/)
    await expect
      .poll(() => keys.locator('.keys-acting').textContent())
      .toMatch(
        /^You act as oreshkin: your commands are signed with key oreshkin-[0-9a-f]{4} \(fingerprint [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}\)\.$/,
      )
    const keyId = await keys.locator('tr[data-principal="oreshkin"] td').nth(1).textContent()
    const trail = await threeEvents(page)
    // The trail checks each stored signature against the keyring.
    expect(await trail.locator('tr[data-seq="3"]').textContent()).toContain('✓ signed by oreshkin')
    expect(await trail.locator('tr[data-seq="1"]').textContent()).toContain('✓ signed by minzifry')
    // The engine kept the command signed with Oreshkin's key (the one the panel shows).
    const checkpoint = trail.locator('.checkpoint')
    expect(await checkpoint.locator('.checkpoint-line').textContent()).toMatch(
      /^origin playground\.twokeys\.example\/log · size 3 · root [0-9a-f]{12}…$/,
    )
    expect(await checkpoint.locator('[data-witness="pa"]').textContent()).toBe(`✓ ${PA} witness`)
    expect(await checkpoint.locator('[data-witness="ga"]').textContent()).toBe(
      '✓ Government Apparatus witness',
    )
    const note = await checkpoint.locator('.checkpoint-note').textContent()
    expect(note?.split('\n').slice(0, 2)).toEqual(['playground.twokeys.example/log', '3'])
    expect(note).toContain('— presidential-administration.witness ')
    expect(note).toContain('— government-apparatus.witness ')
    // A new session makes new keys.
    await page.getByRole('button', { name: 'Start over', exact: true }).click()
    await expect
      .poll(() => keys.locator('tr[data-principal="oreshkin"] td').nth(1).textContent())
      .not.toBe(keyId)
    expect(errors).toEqual([])
    await page.close()
  })

  it('forge a signature: hash and link pass, the signature check catches it', async () => {
    const page = await open()
    const trail = await threeEvents(page)
    await tamper(trail, 'forge-signature', 'seq 3: DECIDE by oreshkin')
    const found = await checks(trail)
    expect(found.caughtBy).toBe('signature')
    expect(found.marked).toBe('signature')
    expect(found.rows).toMatchObject({ hash: 'true', link: 'true', signature: 'false' })
    expect(await trail.locator('.verdict').textContent()).toContain(
      'Every hash and every link checks out (verifyAudit finds nothing); ✖ Caught by the signature check.',
    )
    expect(await trail.locator('tr[data-check="signature"]').textContent()).toContain(
      'the signature of "oreshkin"',
    )
    expect(await trail.locator('tr[data-seq="3"]').textContent()).toContain('✖ signature of oreshkin fails')
    await page.screenshot({ path: `${SHOTS}/forge-signature.png`, fullPage: true })
    expect(errors).toEqual([])
    await page.close()
  })

  it('rewrite history and recompute every hash: chains and signatures pass, the cosigned checkpoint catches it', async () => {
    const page = await open()
    const trail = await threeEvents(page)
    await tamper(trail, 'rewrite-history', 'seq 2: SUBMIT by minzifry')
    const found = await checks(trail)
    expect(found.caughtBy).toBe('checkpoint')
    expect(found.marked).toBe('checkpoint')
    expect(found.rows).toEqual({
      hash: 'true',
      link: 'true',
      signature: 'true',
      checkpoint: 'false',
      witness: 'false',
    })
    expect(await trail.locator('tr[data-check="checkpoint"]').textContent()).toMatch(
      /The first 3 events give root [0-9a-f]{12}…; both witnesses cosigned root [0-9a-f]{12}… — the events they covered were changed\./,
    )
    const witness = await trail.locator('tr[data-check="witness"]').textContent()
    expect(witness).toContain(
      'Both witnesses refuse: no consistency proof from the checkpoint it cosigned (size 3, root',
    )
    expect(await trail.locator('.verdict').textContent()).toContain('✖ Caught by the checkpoint root check.')
    await page.screenshot({ path: `${SHOTS}/rewrite-history.png`, fullPage: true })
    expect(errors).toEqual([])
    await page.close()
  })

  it('cut off the tail: chains pass, the checkpoint catches it — the log is smaller than both witnesses cosigned', async () => {
    const page = await open()
    const trail = await threeEvents(page)
    await tamper(trail, 'cut-tail', 'seq 3: DECIDE by oreshkin')
    await expect.poll(() => trail.locator('tbody tr[data-seq]').count()).toBe(2)
    const found = await checks(trail)
    expect(found.caughtBy).toBe('checkpoint')
    expect(found.marked).toBe('checkpoint')
    expect(found.rows).toMatchObject({ hash: 'true', link: 'true', signature: 'true', checkpoint: 'false' })
    expect(await trail.locator('tr[data-check="checkpoint"]').textContent()).toContain(
      'The log has 2 events, but both witnesses cosigned a checkpoint of 3 events: the tail is missing.',
    )
    expect(await trail.locator('tr[data-check="witness"]').textContent()).toContain(
      'the log is smaller (2 events) than the checkpoint it already cosigned (3 events)',
    )
    await trail.getByRole('button', { name: 'Restore the original', exact: true }).click()
    await expect.poll(() => trail.getAttribute('data-tampered')).toBe('false')
    expect(await trail.locator('table.checks').count()).toBe(0)
    expect(errors).toEqual([])
    await page.close()
  })

  it('the lesson steps through the three forgeries, one witness siding with the operator, and a one-institution keyring change', async () => {
    const page = await open({ width: 1400, height: 1000 }, '#rewrite')
    const lesson = page.locator('#panel-rewrite .rewrite-lesson')
    await lesson
      .getByRole('heading', {
        name: 'Why neither an operator nor one institution can rewrite what was decided',
      })
      .waitFor()
    const next = lesson.getByRole('button', { name: 'Next step ▶' })
    const result = lesson.locator('.step-result')
    const seen: Record<string, string | null> = {}
    await expect.poll(() => next.isEnabled()).toBe(true)
    while (await next.isEnabled()) {
      await next.click()
      const step = await result.getAttribute('data-step')
      if (step !== null) seen[step] = await result.getAttribute('data-caught-by')
      if (step === 'one-witness') {
        const text = await result.textContent()
        expect(text).toContain(`✓ the ${PA} witness cosigned`)
        expect(text).toContain('✖ the Government Apparatus witness did not cosign')
        expect(text).toContain('1 of 2 cosignatures')
      }
      if (step === 'one-institution-keyring') {
        expect(await result.textContent()).toContain(
          'The engine refuses it (UNAUTHENTICATED): keyring change refused: no valid signature from institution "government-apparatus"',
        )
      }
    }
    expect(seen).toMatchObject({
      'forge-signature': 'signature',
      'rewrite-history': 'checkpoint',
      'cut-tail': 'checkpoint',
    })
    expect(Object.keys(seen)).toContain('summary')
    expect(errors).toEqual([])
    await page.close()
  })

  it('has no serious or critical accessibility violations with a forgery shown, nor in the lesson', async () => {
    const page = await open()
    const trail = await threeEvents(page)
    await tamper(trail, 'forge-signature', 'seq 3: DECIDE by oreshkin')
    await page.locator('#panel-play .keys-panel details').evaluate((d) => {
      ;(d as HTMLDetailsElement).open = true
    })
    const serious = () => axeProblems(page)
    expect(await serious()).toEqual([])
    await page.getByRole('tab', { name: 'Rewrite history?' }).click()
    const next = page.locator('#panel-rewrite').getByRole('button', { name: 'Next step ▶' })
    for (let i = 0; i < 4; i++) await next.click() // the forged signature, with its table
    await expect
      .poll(() => page.locator('#panel-rewrite .step-result').getAttribute('data-caught-by'))
      .toBe('signature')
    expect(await serious()).toEqual([])
    expect(errors).toEqual([])
    await page.close()
  })

  it('on a phone (390×844) the new panels do not overflow horizontally', async () => {
    const page = await open({ width: 390, height: 844 })
    const trail = await threeEvents(page)
    await tamper(trail, 'rewrite-history', 'seq 2: SUBMIT by minzifry')
    await page.locator('#panel-play .keys-panel details').evaluate((d) => {
      ;(d as HTMLDetailsElement).open = true
    })
    await trail.locator('.checkpoint details').evaluate((d) => {
      ;(d as HTMLDetailsElement).open = true
    })
    const overflowing = async (selector: string) =>
      page.locator(selector).evaluateAll((elements) =>
        elements
          .filter((e) => {
            const box = e.getBoundingClientRect()
            return e.scrollWidth > e.clientWidth + 1 || box.left < -1 || box.right > window.innerWidth + 1
          })
          .map((e) => `${e.tagName}.${e.className}: ${e.scrollWidth} > ${e.clientWidth}`),
      )
    const panels = [
      '#panel-play .keys-panel',
      '#panel-play .checkpoint',
      '#panel-play .checkpoint-note',
      '#panel-play fieldset.tamper',
      '#panel-play .checks-box',
      '.tablist',
    ]
    for (const selector of panels) {
      expect(await page.locator(selector).count(), selector).toBeGreaterThan(0)
      expect(await overflowing(selector), selector).toEqual([])
    }
    await page.screenshot({ path: `${SHOTS}/phone-forgery.png`, fullPage: true })
    await page.getByRole('tab', { name: 'Rewrite history?' }).click()
    const next = page.locator('#panel-rewrite').getByRole('button', { name: 'Next step ▶' })
    for (let i = 0; i < 5; i++) await next.click() // to the rewrite-history step, with its table
    await expect
      .poll(() => page.locator('#panel-rewrite .step-result').getAttribute('data-step'))
      .toBe('rewrite-history')
    expect(await overflowing('#panel-rewrite .rewrite-lesson')).toEqual([])
    expect(await overflowing('#panel-rewrite .checks-box')).toEqual([])
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await page.screenshot({ path: `${SHOTS}/phone-lesson.png`, fullPage: true })
    expect(errors).toEqual([])
    await page.close()
  })
})
