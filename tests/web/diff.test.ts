import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { skipBrowser } from './support/chromium.js'
import { axeProblems, SHOTS, servedPlayground } from './support/servedPlayground.js'

const PHONE = { width: 390, height: 844 }

describe.skipIf(skipBrowser)('the Diff tab in Chromium', () => {
  const served = servedPlayground()
  const errors: string[] = []

  async function open(lang: 'en' | 'ru'): Promise<Page> {
    const page = await served.browser.newPage({ viewport: PHONE, locale: lang === 'en' ? 'en-US' : 'ru-RU' })
    page.on('pageerror', (e) => errors.push(`page error: ${e.message}`))
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console error: ${m.text()}`)
    })
    await page.goto(`${served.server.url}/?lang=${lang}#diff`)
    page.setDefaultTimeout(10_000)
    await page.locator('body[data-ready="true"]').waitFor({ state: 'attached' })
    return page
  }

  /** Elements of the Diff panel (and the tab list) wider than the phone, or sticking out of it. */
  const overflowing = (page: Page) =>
    page.locator('#panel-diff, #panel-diff *, .tablist').evaluateAll((elements) =>
      elements
        .filter((e) => {
          const box = e.getBoundingClientRect()
          return e.scrollWidth > e.clientWidth + 1 || box.left < -1 || box.right > window.innerWidth + 1
        })
        .map((e) => `${e.tagName}.${e.className}: ${e.scrollWidth} > ${e.clientWidth}`),
    )

  it('compares two keys with one key in a worker and steps through the first story (en, 390 px)', async () => {
    const page = await open('en')
    const panel = page.locator('#panel-diff')
    expect(await panel.isVisible()).toBe(true)
    expect(await page.getByLabel('First policy (A)').inputValue()).toBe('two-keys.yaml')
    expect(await page.getByLabel('Second policy (B)').inputValue()).toBe('single-key.yaml')
    const workers: string[] = []
    page.on('worker', (w) => workers.push(w.url()))
    await panel.getByRole('button', { name: 'Compare', exact: true }).click()
    await panel.locator('.diff-verdict').waitFor({ timeout: 30_000 })
    expect(workers.some((url) => url.includes('diffWorker'))).toBe(true)
    expect(await panel.locator('.diff-verdict').textContent()).toBe(
      'two-keys.yaml and single-key.yaml differ: 9 kinds of difference.',
    )
    // The first group, chosen: Oreshkin's approval takes B out of review; A still waits for Grigorenko.
    const first = panel.locator('.diff-groups button').first()
    expect(await first.textContent()).toBe(
      'oreshkin approves presidential-administration → A takes it · B → federalRollout',
    )
    expect(await first.getAttribute('aria-pressed')).toBe('true')
    const story = panel.locator('.diff-story')
    expect(await story.locator('.diff-steps li').count()).toBe(3)
    expect(await story.locator('.diff-position').textContent()).toBe('Step 3 of 3')
    expect(await story.locator('[data-side="A"]').textContent()).toContain(
      'government-apparatus: not turned — waiting for grigorenko',
    )
    expect(await story.locator('[data-side="B"]').textContent()).toContain(
      'Takes it: the initiative is in federal rollout.',
    )
    // Step back: both policies took the submission alike.
    await story.getByRole('button', { name: 'Previous step' }).click()
    expect(await story.locator('.diff-position').textContent()).toBe('Step 2 of 3')
    expect(await story.locator('li[aria-current="step"]').textContent()).toBe(
      'minzifry submits it for review',
    )
    expect(await story.locator('[data-side="A"]').textContent()).toContain(
      'Takes it: the initiative is in review.',
    )
    expect(await story.locator('[data-side="B"]').textContent()).toContain(
      'Takes it: the initiative is in review.',
    )
    // A group on a name only A has: B refuses, with the rules' reason.
    await panel
      .locator('.diff-groups button', { hasText: 'grigorenko approves government-apparatus' })
      .click()
    expect(await story.locator('[data-side="B"]').textContent()).toContain(
      '"government-apparatus" is not a key of policy "single-key"',
    )
    expect(await overflowing(page)).toEqual([])
    expect(await axeProblems(page, { include: [['#panel-diff']] })).toEqual([])
    await page.screenshot({ path: `${SHOTS}/en-390x844-diff.png`, fullPage: true })
    expect(errors).toEqual([])
    await page.close()
  })

  it('speaks Russian (the events in Russian words, the phases too) and fits a phone', async () => {
    const page = await open('ru')
    const panel = page.locator('#panel-diff')
    expect(await page.locator('#tab-diff').textContent()).toBe('Различия')
    await panel.getByRole('button', { name: 'Сравнить', exact: true }).click()
    await panel.locator('.diff-verdict').waitFor({ timeout: 30_000 })
    expect(await panel.locator('.diff-verdict').textContent()).toBe(
      'two-keys.yaml и single-key.yaml расходятся: 9 видов различий.',
    )
    const story = panel.locator('.diff-story')
    expect(await story.locator('.diff-position').textContent()).toBe('Шаг 3 из 3')
    expect(await story.locator('[data-side="B"]').textContent()).toContain('Принимает: инициатива')
    expect(await overflowing(page)).toEqual([])
    await page.screenshot({ path: `${SHOTS}/ru-390x844-diff.png`, fullPage: true })
    expect(errors).toEqual([])
    await page.close()
  })
})
