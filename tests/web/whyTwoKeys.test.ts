import type { BrowserContext, Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { ScriptRun } from '../../src/script/runScript.js'
import { runScript } from '../../src/script/runScript.js'
import { en } from '../../web/src/i18n/en.js'
import { ru } from '../../web/src/i18n/ru.js'
import { SEED_PHRASE, VERIFY_ONE_KEY } from '../../web/src/lessons/createWhyTwoKeysLesson.js'
import type { BundledScript } from '../../web/src/lessons/loadBundledScript.js'
import { loadOneKeyScript, loadReachScript } from '../../web/src/lessons/reachScripts.js'
import { skipBrowser } from './support/chromium.js'
import { axeProblems, SHOTS, servedPlayground } from './support/servedPlayground.js'

const PHONE = { width: 390, height: 844 }

/** Where each initiative the script names ends: its phase after its last step. */
function finalPhases(run: ScriptRun): Record<string, string> {
  const phases: Record<string, string> = {}
  for (const step of run.steps) {
    if (step.initiative !== undefined && step.phase !== undefined) phases[step.initiative] = step.phase
  }
  return phases
}

/** The steps that carry narration, as the translation maps name them (`s0`, `s3`, …). */
const narrated = ({ script }: BundledScript) =>
  script.steps.flatMap((step, i) => (step.say === undefined ? [] : [`s${i}`]))

/** The outcome the reach walkthrough expects: three rollouts completed, one registry returned by the plenary. */
const REACH_ENDS = {
  'kazan-datacentre': 'completed',
  'gpu-cloud': 'completed',
  'export-suite': 'completed',
  'federal-ai-registry': 'returned',
}

/** The TK13 reason for the governor's answer, as each language of the page words it. */
const TK13_REASON = {
  en: 'no key that approved this initiative brings that body in',
  ru: 'ни один ключ, одобривший эту инициативу, не включает такой орган',
}

describe('the lesson “Why two keys?”: its scripts', () => {
  it('runs the reach walkthrough on seed.yaml to the outcomes it expects, every refusal expected', async () => {
    const { script, policy, policyFile } = loadReachScript()
    expect(policyFile).toBe('seed.yaml')
    const run = await runScript(script, policy)
    expect(run.surprises).toBe(0)
    expect(finalPhases(run)).toEqual(REACH_ENDS)
    expect(run.steps.filter((s) => s.outcome === 'refused')).toHaveLength(4)
  })

  it('runs the one-key counterfactual: approved by Grigorenko, the governor refused by TK13, stuck in regional rollout', async () => {
    const { script, policy } = loadOneKeyScript()
    expect(policy.keys.map((k) => k.id)).toEqual(['government-apparatus', 'president'])
    const run = await runScript(script, policy)
    expect(run.surprises).toBe(0)
    const approve = run.steps.find((s) => s.kind === 'decide')
    expect(approve).toMatchObject({ by: 'grigorenko', outcome: 'accepted', phase: 'regionalRollout' })
    const answer = run.steps.find((s) => s.kind === 'respond')
    expect(answer).toMatchObject({ by: 'gov-tatarstan', outcome: 'refused', code: 'NOT_AUTHORIZED' })
    expect(answer?.reasons?.join(' ')).toContain(`${TK13_REASON.en} (their reach: ministry) (TK13)`)
    // A year on, nothing has fired: no deadline frees it.
    expect(run.steps.at(-1)).toMatchObject({ kind: 'tick', fired: [] })
    expect(finalPhases(run)).toEqual({ 'regional-datacentres': 'regionalRollout' })
  })

  it('translates the narration of every step of both scripts that has one, and no other', () => {
    expect(Object.keys(ru.reachSay ?? {})).toEqual(narrated(loadReachScript()))
    expect(Object.keys(ru.oneKeySay ?? {})).toEqual(narrated(loadOneKeyScript()))
  })
})

describe.skipIf(skipBrowser)('the lesson “Why two keys?” in Chromium', () => {
  const served = servedPlayground()

  /** A phone-sized page in `locale` opened at #why-two-keys; errors (a missing text among them) are collected. */
  async function openIn(locale: string, errors: string[]): Promise<{ context: BrowserContext; page: Page }> {
    const context = await served.browser.newContext({ locale, viewport: PHONE })
    const page = await context.newPage()
    page.on('pageerror', (e) => errors.push(`page error: ${e.message}`))
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console error: ${m.text()}`)
    })
    page.setDefaultTimeout(15_000)
    await page.goto(`${served.server.url}/#why-two-keys`)
    await page.locator('#panel-why-two-keys .why-part[data-step="0"]').waitFor()
    return { context, page }
  }

  /** Presses a part's “Next step” to its end: each step's narration and outcome, as shown. */
  async function stepThrough(part: Locator): Promise<string[]> {
    const next = part.locator('button.primary')
    const seen: string[] = []
    for (let step = 1; ; step++) {
      await next.click()
      await expect.poll(() => part.getAttribute('data-step')).toBe(String(step))
      seen.push(
        [
          await part.locator('.narration').textContent(),
          await part.locator('.step-result').textContent(),
        ].join(' '),
      )
      if (await next.isDisabled()) break
    }
    return seen
  }

  /** How far the page scrolls sideways: 0 when nothing is wider than the screen. */
  const sideways = (page: Page) =>
    page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) - window.innerWidth)

  for (const [lang, locale, words] of [
    ['en', 'en-US', en],
    ['ru', 'ru-RU', ru],
  ] as const) {
    it(`${lang}: the seed's reason, the reach walkthrough to its end, the one-key dead end; fits a phone; axe finds nothing serious`, async () => {
      const errors: string[] = []
      const { context, page } = await openIn(locale, errors)
      const panel = page.locator('#panel-why-two-keys')
      expect(await page.locator('#tab-why-two-keys').getAttribute('aria-selected')).toBe('true')
      expect(await page.locator('#tab-why-two-keys').textContent()).toBe(words.tabs.whyTwoKeys)

      // The seed's reason, quoted in Russian in both languages, and what is the seed's and what invented.
      const reason = panel.locator('.why-reason')
      expect(await reason.locator('h2').textContent()).toBe(words.whyTwoKeys.title)
      expect(await reason.locator('blockquote[lang="ru"]').textContent()).toBe(SEED_PHRASE)
      expect(await reason.textContent()).toContain(words.whyTwoKeys.reasonMeaning)
      expect(await reason.locator('[data-source="seed"]').textContent()).toContain(words.whyTwoKeys.fromSeed)
      expect(await reason.locator('[data-source="invented"]').textContent()).toContain(
        words.whyTwoKeys.invented,
      )

      // Part 1: the reach walkthrough, every step run by the page's engine.
      const two = panel.locator('.why-part')
      const seen = await stepThrough(two)
      const { script } = loadReachScript()
      expect(seen).toHaveLength(script.steps.length)
      expect(seen[0]).toContain(lang === 'ru' ? ru.reachSay?.s0 : script.steps[0]?.say)
      const refused = seen.filter((s) => s.includes(words.story.refused.replace(' {{code}}', '')))
      expect(refused).toHaveLength(4)
      for (const r of refused) expect(r).toContain(words.story.asExpected.trim())
      expect(seen.join('\n')).not.toContain(words.story.unexpected.trim())
      // The non-member's plenary vote is refused with the reason in the page's language.
      expect(seen[24]).toContain('gov-nizhny')
      expect(seen[24]).toContain(lang === 'ru' ? 'не член комиссии' : 'is not a member of the commission')
      // Each step's action line in the page's language (the English is the run's own words).
      expect(seen[24]).toContain(
        lang === 'ru' ? 'голосует на пленарном заседании за возврат' : 'vote in the plenary to return it',
      )
      expect(seen.join('\n')).toContain(
        lang === 'ru'
          ? 'принимает федеральное внедрение за minzifry'
          : 'accept the federal rollout for minzifry',
      )
      for (const [initiative, phase] of Object.entries(REACH_ENDS)) {
        const line = two.locator(`.initiative-phases li[data-initiative="${initiative}"]`)
        expect(await line.getAttribute('data-phase')).toBe(phase)
        expect(await line.textContent()).toContain(words.phases[phase as keyof typeof words.phases])
      }
      // The board shows the last initiative named: the registry, back with its sponsor.
      expect(await two.locator('.phase').getAttribute('data-phase')).toBe('returned')

      // Part 2: the same kind of initiative with the Government's key alone.
      const one = panel.locator('.one-key-part')
      expect(await one.textContent()).toContain(VERIFY_ONE_KEY)
      expect(await one.textContent()).toContain('TK10')
      const counter = await stepThrough(one)
      expect(counter[3]).toContain('grigorenko')
      expect(counter[3]).toContain(words.phases.regionalRollout)
      expect(counter[4]).toContain('gov-tatarstan')
      expect(counter[4]).toContain('NOT_AUTHORIZED')
      expect(counter[4]).toContain(TK13_REASON[lang])
      expect(counter[4]).toContain('(TK13)')
      expect(counter[5]).toContain(words.story.noDeadline)
      expect(await one.locator('.phase').getAttribute('data-phase')).toBe('regionalRollout')

      // A phone: nothing scrolls sideways (WCAG 1.4.10); axe finds nothing serious or critical.
      expect(await sideways(page)).toBe(0)
      expect(await axeProblems(page, { exclude: [['.diagram-figure']] })).toEqual([])
      await page.screenshot({ path: `${SHOTS}/${lang}-390x844-why-two-keys.png`, fullPage: true })
      expect(errors).toEqual([])
      await context.close()
    }, 120_000)
  }
})
