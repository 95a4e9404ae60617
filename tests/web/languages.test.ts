import { afterEach, describe, expect, it } from 'vitest'
import { createInitiativeMachine } from '../../machines/initiative.js'
import { REFUSAL_MESSAGES_RU } from '../../machines/refusalMessages.ru.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { RUSSIAN_GUARD_WORDS } from '../../src/render/guardWords.ru.js'
import { keyRegionLabels } from '../../src/render/keyRegionLabels.js'
import { machineGraph } from '../../src/render/machineGraph.js'
import { russianTimelineWords } from '../../src/render/timelineWords.ru.js'
import { toMermaid } from '../../src/render/toMermaid.js'
import { plainWords } from '../../web/src/createStage.js'
import { en } from '../../web/src/i18n/en.js'
import { pickLanguage, useLanguage } from '../../web/src/i18n/language.js'
import { ru } from '../../web/src/i18n/ru.js'
import { CHALLENGES } from '../../web/src/lessons/challenges.js'
import { loadSeedScript } from '../../web/src/lessons/seedScript.js'
import { stateLabels } from '../../web/src/stateNames.js'
import { skipBrowser } from './support/chromium.js'
import { servedPlayground } from './support/servedPlayground.js'

const SHIPPED = ['two-keys', 'seed', 'council', 'single-key', 'president-over-10bn']
const CYRILLIC = /[А-Яа-яЁё]/

/** The titles of the initiatives the challenges set up, as the challenges offer them now. */
const challengeTitles = () =>
  CHALLENGES.flatMap((c) => [
    ...c.setup.flatMap((s) => (s.command?.type === 'propose' ? [s.command.title] : [])),
    ...(c.draft === undefined ? [] : [c.draft.title]),
  ])

// The page in both languages, on a phone and a projector, is tested in Chromium in playground.test.ts
// (one build and one browser for all the page's tests); the words this file adds are checked below.
describe('the page’s languages', () => {
  afterEach(() => useLanguage('en'))

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

  it.each(SHIPPED)(
    'names every state of %s’s chart in Russian, its id beside it; English draws the chart as before',
    (file) => {
      const policy = loadPolicyFile(`machines/policies/${file}.yaml`)
      const machine = createInitiativeMachine(policy)
      const regions = keyRegionLabels(policy)
      const states = [...machineGraph(machine).states.values()].filter(
        (s) => s.parent !== null && !(s.id in regions),
      )
      // English: the labels are the states' own keys, so the chart is the one toMermaid draws without them.
      const english = toMermaid(machine, { labels: { ...stateLabels(machine, regions), ...regions } })
      expect(english).toBe(toMermaid(machine, { labels: regions }))
      expect(plainWords(english)).toBe(english.replaceAll(/ : TICK\b/g, ` : ${en.stage.tick}`))

      useLanguage('ru')
      const labels = stateLabels(machine, regions)
      expect(Object.keys(labels).sort()).toEqual(states.map((s) => s.id).sort())
      for (const s of states) {
        const [name, small] = (labels[s.id] ?? '').split('<br/>')
        expect(name, s.id).toMatch(CYRILLIC)
        expect(Object.values(ru.stage.states), s.id).toContain(name)
        expect(small, s.id).toBe(`<small>${s.key}</small>`)
      }
      expect(labels.review).toBe(`${ru.stage.states.review}<br/><small>review</small>`)
      // Every event on an edge in the rules' Russian words; no engine event type is left.
      const chart = plainWords(toMermaid(machine, { labels: { ...labels, ...regions } }))
      expect(chart).toContain(` : ${REFUSAL_MESSAGES_RU['command.SUBMIT']} [`)
      expect(chart).toContain(` : ${ru.stage.tick}`)
      expect(chart).not.toMatch(
        /( : |<br\/>)(PROPOSE|SUBMIT|AMEND|DECIDE|REVOKE|DELEGATE|WITHDRAW|TICK|RESPOND|MINISTRY|PLENARY|DESTINATION|COMPLETE)\b/,
      )
    },
  )

  it('titles the challenges’ initiatives in the page’s language', () => {
    const { initiatives } = ru.challenges
    expect(challengeTitles()).toEqual([
      'Federal GPU cloud',
      'Kazan regional AI data centre',
      'Federal registry of AI systems',
      'AI suite for government services',
      'AI suite for Atlantis',
      'Federal registry of AI systems',
      'Federal GPU cloud',
    ])
    useLanguage('ru')
    expect(challengeTitles()).toEqual([
      ru.draft.federal,
      initiatives.kazanDataCentre,
      initiatives.aiRegistry,
      initiatives.governmentSuite,
      initiatives.atlantisSuite,
      initiatives.aiRegistry,
      ru.draft.federal,
    ])
    for (const title of challengeTitles()) expect(title).toMatch(CYRILLIC)
  })
})

describe.skipIf(skipBrowser)('the Russian page in Chromium: the chart, the trail and a challenge', () => {
  const served = servedPlayground()
  // Every shipped policy names its objectives alike; the page starts on one of them.
  const objectiveRu =
    loadPolicyFile('machines/policies/two-keys.yaml').translations?.ru?.objectives?.infrastructure ?? '(none)'

  it('shows the states’ Russian names with their ids, the events, conditions, objective and timelines in words, and a challenge’s Russian title', async () => {
    const context = await served.browser.newContext({
      locale: 'ru-RU',
      viewport: { width: 1280, height: 900 },
    })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(`page error: ${e.message}`))
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console error: ${m.text()}`)
    })
    page.setDefaultTimeout(10_000)
    await page.goto(served.server.url)
    await page.locator('#as-minzifry').check()
    // The proposal form offers the policy's objectives by their Russian names (their ids as values).
    expect(await page.locator('#draft-objective option[value="infrastructure"]').textContent()).toBe(
      objectiveRu,
    )
    await page.locator('[data-offer="propose"]').click()
    await page.locator('[data-offer="submit"]').click()
    await page.locator('#panel-play .phase[data-phase="review"]').waitFor()

    // The chart: «Рассмотрение» with `review` in small print; the submission's edge in words.
    const chart = page.locator('#panel-play .chart')
    await chart.locator('svg g.active').first().waitFor()
    const drawn = (await chart.locator('svg').textContent()) ?? ''
    for (const state of ['review', 'draft', 'plenary', 'federalRollout'] as const)
      expect(drawn).toContain(ru.stage.states[state])
    expect(await chart.locator('svg small').allTextContents()).toEqual(
      expect.arrayContaining(['review', 'draft', 'plenary', 'federalRollout']),
    )
    expect(drawn).toContain(REFUSAL_MESSAGES_RU['command.SUBMIT'])
    expect(drawn).not.toMatch(/\b(SUBMIT|PROPOSE|DECIDE)\b/)
    // The guard conditions in the catalogue's Russian words, none in English.
    const guards = RUSSIAN_GUARD_WORDS.phrases
    for (const phrase of [
      guards.windowClosed,
      guards.actorIsSponsor,
      `${guards.isApproval} · ${guards.reachesQuorum}`,
    ])
      expect(drawn).toContain(`[${phrase}]`)
    expect(drawn).toContain(`[${RUSSIAN_GUARD_WORDS.otherwise}]`)
    expect(drawn).not.toMatch(/\[(window closed|sponsor|else|approve · quorum)\]/)
    const alt = (await chart.locator('.diagram-alt').textContent()) ?? ''
    expect(alt).toContain(`${ru.stage.states.review} › ${ru.stage.states.window}`)
    expect(alt).toContain('(open › review › window › open)')

    // The audit trail names each event in words, in its table and in the forger's list.
    const trail = (await page.locator('#panel-play table.trail:not(.keys) tbody').textContent()) ?? ''
    expect(trail).toContain(REFUSAL_MESSAGES_RU['command.PROPOSE'])
    expect(trail).toContain(REFUSAL_MESSAGES_RU['command.SUBMIT'])
    expect(trail).not.toMatch(/\b(PROPOSE|SUBMIT)\b/)
    // The proposal's objective by the policy's Russian name, its scope in the page's words.
    expect(trail).toContain(` · ${objectiveRu} · ${ru.scope.federal}`)
    expect(trail).not.toContain('infrastructure')
    expect(await page.locator('#play-tamper-seq option').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining(REFUSAL_MESSAGES_RU['command.SUBMIT'])]),
    )

    // The timeline in Russian words: the sequence diagram, then the Gantt chart.
    const words = russianTimelineWords({ infrastructure: objectiveRu })
    await page.locator('#panel-play .timeline-box > summary').click()
    const timeline = page.locator('#panel-play .timeline')
    await timeline.locator('svg[aria-roledescription="sequence"]').waitFor()
    const sequence = (await timeline.locator('svg').textContent()) ?? ''
    expect(sequence).toContain(words.submits)
    expect(sequence).toContain(`(${objectiveRu}, ${ru.scope.federal})`)
    expect(sequence).not.toMatch(/proposes|submits it/)
    await page.locator('#play-timeline-kind').selectOption('gantt')
    await timeline.locator('svg[aria-roledescription="gantt"]').waitFor()
    const gantt = (await timeline.locator('svg').textContent()) ?? ''
    expect(gantt).toContain(words.inReview(1))
    expect(gantt).not.toMatch(/in review|proposed by/)

    // A challenge sets up an initiative with a Russian title.
    await page.locator('#tab-challenges').click()
    await page
      .getByRole('article', { name: ru.challenges['self-approval'].title })
      .getByRole('button', { name: ru.challenges.start })
      .click()
    await expect
      .poll(() => page.locator('#panel-play').textContent())
      .toContain(ru.challenges.initiatives.kazanDataCentre)
    expect(errors).toEqual([])
    await context.close()
  })
})
