import type { BrowserContext, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { en } from '../../web/src/i18n/en.js'
import { pickLanguage } from '../../web/src/i18n/language.js'
import { ru } from '../../web/src/i18n/ru.js'
import { loadSeedScript } from '../../web/src/lessons/seedScript.js'
import { skipBrowser } from './support/chromium.js'
import { axeSource, SHOTS, servedPlayground } from './support/servedPlayground.js'

const TABS = ['play', 'story', 'challenges', 'rewrite', 'what-if'] as const
const PHONE = { width: 390, height: 844 }
const PROJECTOR = { width: 1280, height: 720 }

/** How far the page scrolls sideways: 0 when nothing is wider than the screen. */
const sideways = (page: Page) =>
  page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) - window.innerWidth)

/** axe-core's serious and critical violations on the page as it is now. */
async function axeProblems(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource })
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<unknown> } }).axe
    // A drawn diagram is one labelled image (role="img"): its SVG insides are not read, nor checked here.
    const context = { exclude: [['.diagram-figure']] }
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
  })
}

describe('the page’s languages', () => {
  it('follows a remembered choice, else the browser’s first language it has, else English', () => {
    expect(pickLanguage(null, ['ru-RU', 'en-US'])).toBe('ru')
    expect(pickLanguage(null, ['de-DE', 'ru'])).toBe('ru')
    expect(pickLanguage(null, ['en-GB', 'ru-RU'])).toBe('en')
    expect(pickLanguage(null, ['de-DE', 'fr'])).toBe('en')
    expect(pickLanguage('en', ['ru-RU'])).toBe('en')
    expect(pickLanguage('xx', ['ru-RU'])).toBe('ru')
  })

  it('translates the narration of every step of the seed story that has one, and no other', () => {
    const { script } = loadSeedScript()
    const narrated = script.steps.flatMap((step, i) => (step.say === undefined ? [] : [`s${i}`]))
    expect(Object.keys(ru.seedSay ?? {})).toEqual(narrated)
  })

  it('has the same words in Russian for every English key (the type says so; this says it at run time too)', () => {
    const keys = (o: object, at = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        typeof v === 'string' ? [`${at}${k}`] : keys(v as object, `${at}${k}.`),
      )
    const russian = new Set(keys(ru))
    expect(keys(en).filter((k) => !russian.has(k))).toEqual([])
  })
})

describe.skipIf(skipBrowser)('the page in Russian and English, in Chromium', () => {
  const served = servedPlayground('twokeys-web-languages-')
  const errors: string[] = []

  /** A page in a browser whose language is `locale`; errors (a missing text among them) are collected. */
  async function open(locale: string, viewport = PHONE): Promise<{ context: BrowserContext; page: Page }> {
    const context = await served.browser.newContext({ locale, viewport })
    const page = await context.newPage()
    page.on('pageerror', (e) => errors.push(`page error: ${e.message}`))
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console error: ${m.text()}`)
    })
    page.setDefaultTimeout(10_000)
    await page.goto(served.server.url)
    await page.locator('[data-offer="propose"]').waitFor({ state: 'attached' })
    return { context, page }
  }

  /**
   * Visits every tab, with something in it (a proposal in Play, a step of each lesson): its label,
   * its panel's words, how far it scrolls sideways, and (with `axe`) its accessibility problems.
   */
  async function visitTabs(page: Page, lang: string, axe = false) {
    const seen: Record<string, { label: string; text: string; sideways: number; axe: string[] }> = {}
    for (const tab of TABS) {
      await page.locator(`#tab-${tab}`).click()
      const panel = page.locator(`#panel-${tab}`)
      await panel.waitFor()
      if (tab === 'play') {
        await page.locator('#as-minzifry').check()
        await page.locator('[data-offer="propose"]').click()
        await page.locator('#panel-play .phase[data-phase="draft"]').waitFor()
      }
      // A step of each lesson: the rewrite lesson's fifth shows a table of checks.
      const steps = { story: 1, rewrite: 5 }[tab as string] ?? 0
      for (let i = 0; i < steps; i++) await panel.locator('button.primary').click()
      await page.screenshot({ path: `${SHOTS}/${lang}-390x844-${tab}.png` })
      seen[tab] = {
        sideways: await sideways(page),
        axe: axe ? await axeProblems(page) : [],
        label: (await page.locator(`#tab-${tab}`).textContent()) ?? '',
        // biome-ignore lint/performance/useDomNodeTextContent: the words a student sees, not the closed sources
        text: (await panel.innerText()) ?? '',
      }
    }
    return seen
  }

  /** Whether an element is wholly on the first screen (the page scrolled to its top). */
  const onFirstScreen = (page: Page, selector: string) =>
    page.locator(selector).evaluate((e) => {
      const r = e.getBoundingClientRect()
      return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight
    })

  /** On a 1280×720 projector, a co-chair turns a key: the keys and that outcome are on the first screen. */
  async function projector(page: Page, lang: string, accepted: string) {
    await page.setViewportSize(PROJECTOR)
    await page.locator('#tab-play').click()
    await page.locator('#as-oreshkin').check()
    await page.locator('[data-offer="approve-presidential-administration"]').click()
    await expect.poll(() => page.locator('#panel-play .latest').textContent()).toContain(accepted)
    await page.evaluate(() => window.scrollTo(0, 0))
    expect(await onFirstScreen(page, '#panel-play ul.keys')).toBe(true)
    expect(await onFirstScreen(page, '#panel-play .latest')).toBe(true)
    expect(await sideways(page)).toBe(0)
    await page.screenshot({ path: `${SHOTS}/${lang}-1280x720-play.png` })
  }

  it('speaks Russian to a Russian browser on every tab, and English once asked', async () => {
    const { context, page } = await open('ru-RU')
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru')
    expect(await page.title()).toBe(ru.page.title)
    const seen = await visitTabs(page, 'ru', true)
    // No tab scrolls sideways on a phone (WCAG 1.4.10), and axe finds nothing serious.
    expect(Object.entries(seen).map(([tab, s]) => [tab, s.sideways])).toEqual(TABS.map((tab) => [tab, 0]))
    expect(Object.values(seen).flatMap((s) => s.axe)).toEqual([])
    expect(Object.values(seen).map((s) => s.label)).toEqual([
      ru.tabs.play,
      ru.tabs.story,
      ru.tabs.challenges,
      ru.tabs.rewrite,
      ru.tabs.whatIf,
    ])
    expect(seen.play?.text).toContain(ru.roles.heading)
    expect(seen.play?.text).toContain(ru.clock.hint)
    expect(seen.story?.text).toContain(ru.lesson.next)
    expect(seen.challenges?.text).toContain(ru.challenges['self-approval'].title)
    expect(seen.rewrite?.text).toContain(ru.lesson.title)
    expect(seen['what-if']?.text).toContain(ru.whatIf.knobs.replications)
    // Plain words, not jargon: time passes.
    expect(seen.play?.text).not.toMatch(/\btick\b/i)

    // An action's outcome is drawn next to its button, and said (aria-live) above the keys.
    await page.locator('#tab-play').click()
    await page.locator('[data-offer="submit"]').click()
    const outcome = page.locator('#panel-play .outcome')
    await expect.poll(() => outcome.getAttribute('data-kind')).toBe('accepted')
    expect(
      await outcome.evaluate((o) =>
        o.closest('li')?.querySelector('[data-offer]')?.getAttribute('data-offer'),
      ),
    ).toBe('submit')
    const latest = page.locator('#panel-play .latest')
    expect(await latest.getAttribute('aria-live')).toBe('polite')
    expect(await latest.textContent()).toContain('✓ Принято: minzifry')
    // On a phone nothing covers "Tamper with the copy", and the forged copy does not overflow either.
    const tamper = page.getByRole('button', { name: ru.trail.tamper })
    await tamper.scrollIntoViewIfNeeded()
    const free = await tamper.evaluate((b) => {
      const r = b.getBoundingClientRect()
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)
      return hit === b || b.contains(hit)
    })
    expect(free).toBe(true)
    await tamper.click()
    await expect
      .poll(() => page.locator('#panel-play .trail-panel').getAttribute('data-tampered'))
      .toBe('true')
    expect(await sideways(page)).toBe(0)
    await projector(page, 'ru', '✓ Принято: oreshkin')

    // The switcher: English, remembered for the next visit in this browser.
    await page.locator('[data-language="en"]').click()
    await page.waitForURL(/lang=en/)
    await page.locator('[data-offer="propose"]').waitFor({ state: 'attached' })
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
    expect(await page.locator('#tab-play').textContent()).toBe(en.tabs.play)
    await page.goto(served.server.url)
    await page.locator('[data-offer="propose"]').waitFor({ state: 'attached' })
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
    expect(await page.locator('[data-language="en"]').getAttribute('aria-pressed')).toBe('true')
    expect(errors).toEqual([])
    await context.close()
  })

  it('speaks English to any other browser', async () => {
    const { context, page } = await open('de-DE')
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
    const seen = await visitTabs(page, 'en')
    expect(Object.entries(seen).map(([tab, s]) => [tab, s.sideways])).toEqual(TABS.map((tab) => [tab, 0]))
    expect(seen.play?.label).toBe(en.tabs.play)
    expect(seen.rewrite?.text).toContain(en.lesson.title)
    expect(Object.values(seen).some((s) => /[а-яё]/i.test(s.text.replace(/«Два ключа»/g, '')))).toBe(false)

    // Back and Forward switch tabs.
    const selected = () => page.locator('[role="tab"][aria-selected="true"]').getAttribute('id')
    await page.goBack()
    await expect.poll(selected).toBe('tab-rewrite')
    expect(await page.locator('#panel-rewrite').isVisible()).toBe(true)
    await page.goBack()
    await expect.poll(selected).toBe('tab-challenges')
    await page.goForward()
    await expect.poll(selected).toBe('tab-rewrite')

    await page.locator('#tab-play').click()
    await page.locator('[data-offer="submit"]').click()
    await page.locator('#panel-play .phase[data-phase="review"]').waitFor()
    await projector(page, 'en', '✓ Accepted: oreshkin')

    // A challenge found stays found after a reload.
    await page.locator('#tab-challenges').click()
    await page
      .getByRole('article', { name: en.challenges['self-approval'].title })
      .getByRole('button', { name: en.challenges.start })
      .click()
    await expect.poll(selected).toBe('tab-play')
    await page.locator('[data-offer="approve-presidential-administration"]').press('Enter')
    await expect.poll(() => page.locator('.challenge-banner').getAttribute('data-found')).toBe('true')
    await page.reload()
    await page.locator('[data-offer="propose"]').waitFor({ state: 'attached' })
    const mark = page.locator('.challenge-mark[data-challenge="self-approval"]')
    expect(await mark.textContent()).toBe('✓ found: TK3 no self-approval')
    expect(await page.locator('.challenge-progress').textContent()).toBe('1 of 7 found')
    expect(errors).toEqual([])
    await context.close()
  })
})
