import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type PlaygroundServer, servePlayground } from '../../src/cli/playgroundServer.js'
import { en } from '../../web/src/i18n/en.js'
import { pickLanguage } from '../../web/src/i18n/language.js'
import { ru } from '../../web/src/i18n/ru.js'
import { loadSeedScript } from '../../web/src/lessons/seedScript.js'
import { buildPlayground } from './support/buildPlayground.js'
import { launchChromium, skipBrowser } from './support/chromium.js'

const SHOTS = 'test-output/screenshots'
const TABS = ['play', 'story', 'challenges', 'rewrite', 'what-if'] as const
const PHONE = { width: 390, height: 844 }

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
  let server: PlaygroundServer
  let browser: Browser
  let out: string
  const errors: string[] = []

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
    out = mkdtempSync(join(tmpdir(), 'twokeys-web-languages-'))
    const [, launched] = await Promise.all([buildPlayground(out), launchChromium()])
    browser = launched
    server = await servePlayground({ root: out, port: 0 })
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    if (out !== undefined) rmSync(out, { recursive: true, force: true })
  })

  /** A page in a browser whose language is `locale`; errors (a missing text among them) are collected. */
  async function open(locale: string, viewport = PHONE): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ locale, viewport })
    const page = await context.newPage()
    page.on('pageerror', (e) => errors.push(`page error: ${e.message}`))
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console error: ${m.text()}`)
    })
    page.setDefaultTimeout(10_000)
    await page.goto(server.url)
    await page.locator('[data-offer="propose"]').waitFor({ state: 'attached' })
    return { context, page }
  }

  /** Visits every tab: its label and its panel's words. */
  async function visitTabs(page: Page) {
    const seen: Record<string, { label: string; text: string }> = {}
    for (const tab of TABS) {
      await page.locator(`#tab-${tab}`).click()
      const panel = page.locator(`#panel-${tab}`)
      await panel.waitFor()
      seen[tab] = {
        label: (await page.locator(`#tab-${tab}`).textContent()) ?? '',
        // biome-ignore lint/performance/useDomNodeTextContent: the words a student sees, not the closed sources
        text: (await panel.innerText()) ?? '',
      }
    }
    return seen
  }

  it('speaks Russian to a Russian browser on every tab, and English once asked', async () => {
    const { context, page } = await open('ru-RU')
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru')
    expect(await page.title()).toBe(ru.page.title)
    const seen = await visitTabs(page)
    expect(Object.values(seen).map((s) => s.label)).toEqual([
      ru.tabs.play,
      ru.tabs.story,
      ru.tabs.challenges,
      ru.tabs.rewrite,
      ru.tabs.whatIf,
    ])
    expect(seen.play?.text).toContain(ru.roles.heading)
    expect(seen.play?.text).toContain(ru.clock.hint)
    expect(seen.story?.text).toContain(ru.lesson.begin)
    expect(seen.challenges?.text).toContain(ru.challenges['self-approval'].title)
    expect(seen.rewrite?.text).toContain(ru.lesson.title)
    expect(seen['what-if']?.text).toContain(ru.whatIf.knobs.replications)
    // Plain words, not jargon: time passes.
    expect(seen.play?.text).not.toMatch(/\btick\b/i)

    // The switcher: English, remembered for the next visit in this browser.
    await page.locator('[data-language="en"]').click()
    await page.waitForURL(/lang=en/)
    await page.locator('[data-offer="propose"]').waitFor({ state: 'attached' })
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
    expect(await page.locator('#tab-play').textContent()).toBe(en.tabs.play)
    await page.goto(server.url)
    await page.locator('[data-offer="propose"]').waitFor({ state: 'attached' })
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
    expect(await page.locator('[data-language="en"]').getAttribute('aria-pressed')).toBe('true')
    expect(errors).toEqual([])
    await context.close()
  })

  it('speaks English to any other browser', async () => {
    const { context, page } = await open('de-DE')
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
    const seen = await visitTabs(page)
    expect(seen.play?.label).toBe(en.tabs.play)
    expect(seen.rewrite?.text).toContain(en.lesson.title)
    expect(Object.values(seen).some((s) => /[а-яё]/i.test(s.text.replace(/«Два ключа»/g, '')))).toBe(false)
    expect(errors).toEqual([])
    await context.close()
  })
})
