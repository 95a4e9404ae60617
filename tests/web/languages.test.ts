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

/**
 * Latin words in a Russian text that are not ids, codes, file names or hashes: English the page
 * left behind. `allowed` are the ids the page shows on purpose (principals, keys, states …).
 */
function englishIn(text: string, allowed: ReadonlySet<string>): string[] {
  const words = text.match(/[A-Za-z][A-Za-z0-9_.:-]*/g) ?? []
  return [
    ...new Set(
      words.filter(
        (w) =>
          !allowed.has(w) &&
          !/[0-9_.:]/.test(w) && // hashes, key ids, file names, codes with digits
          !/^[A-Z][A-Z_]*-?$/.test(w) && // codes, acronyms, sides: NOT_AUTHORIZED, GPU-облако, A, 00:00Z
          !/^[a-z]+([A-Z][a-z]+)+$/.test(w) && // the rules' and states' ids: deputyEligible, federalRollout
          !allowed.has(w.replace(/-[A-Za-z0-9]+$/, '')), // a principal's key id: oreshkin-x7Ab…
      ),
    ),
  ]
}

describe.skipIf(skipBrowser)('the Russian page on a phone: no English left where the audit found it', () => {
  const served = servedPlayground()
  const policies = ['machines/policies/two-keys.yaml', 'machines/policies/seed.yaml'].map((f) =>
    loadPolicyFile(f),
  )
  const oneKey = loadPolicyFile('examples/policies/seed-one-key.yaml')
  // What the page shows as written: ids (principals, institutions, keys, regions, destinations, states), file and code names.
  const allowed = new Set<string>([
    ...[...policies, oneKey].flatMap((p) => [
      p.id,
      ...p.principals.flatMap((x) => [x.id, x.institution]),
      ...p.keys.map((k) => k.id),
      ...p.regions.map((r) => r.id),
      ...(p.friendlyDestinations ?? []),
    ]),
    ...Object.keys(ru.stage.states),
    ...['my-initiative', 'kazan', 'gpu-cloud', 'registry', 'export-suite', 'outsider', 'forger'],
    // A policy's own condition stays as written: `budget > 10_000_000_000`.
    'budget',
    ...['twokeys', 'verify', 'verifyAudit', 'historyToMermaid', 'identity', 'signed', 'yaml', 'Mermaid'],
  ])

  it('words the refusals, the forgery verdicts, the lessons, the Diff tab and the roles in Russian, and fits the caption to the screen', async () => {
    const context = await served.browser.newContext({
      locale: 'ru-RU',
      viewport: { width: 390, height: 844 },
    })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(`page error: ${e.message}`))
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console error: ${m.text()}`)
    })
    page.setDefaultTimeout(15_000)
    await page.goto(served.server.url)
    const play = page.locator('#panel-play')
    const english = async (selector: string) => {
      const texts = await page.locator(selector).evaluateAll((es) =>
        // biome-ignore lint/performance/useDomNodeTextContent: the words a student sees, not the closed sources
        es.map((e) => (e as HTMLElement).innerText),
      )
      // A signature check's refusal quotes the check's English, as the README says: only that.
      return englishIn(texts.join('\n').replaceAll(/проверка пишет: [^\n·]*/g, ''), allowed)
    }

    // Play: the roles in words; a refusal by the rules and one by the signature check, in the trail.
    await page.locator('#as-minzifry').check()
    expect(await english('#panel-play .role-desc')).toEqual([])
    await page.locator('[data-offer="propose"]').click()
    await page.locator('[data-offer="submit"]').click()
    await play.locator('.phase[data-phase="review"]').waitFor()
    await page.locator('#as-oreshkin').check()
    await page.locator('[data-offer="approve-government-apparatus"]').press('Enter')
    await expect.poll(() => play.locator('.outcome').getAttribute('data-kind')).toBe('refused')
    await page.locator('#as-outsider').check()
    await page.locator('[data-offer="approve-presidential-administration"]').press('Enter')
    await expect.poll(() => play.locator('ul.refusals li').count()).toBe(2)
    const refusals = (await play.locator('ul.refusals').textContent()) ?? ''
    expect(refusals).toContain(ru.reasons.unauthenticated.split(':')[0] ?? '(none)')
    expect(await english('#panel-play ul.refusals')).toEqual([])
    // The trail's caption wraps to the screen, not to the table inside its scroll box.
    const caption = await play.locator('.trail-caption').boundingBox()
    expect(caption?.width ?? 999).toBeLessThanOrEqual(390)
    expect(await play.locator('.trail-caption').textContent()).toBe(ru.trail.caption)

    // A forged signature: the checks' table and the verdict in words; an edited event: the verdict.
    await page.locator('#as-oreshkin').check()
    await page.locator('[data-offer="approve-presidential-administration"]').click()
    await expect.poll(() => play.locator('.outcome').getAttribute('data-kind')).toBe('accepted')
    await page.locator('#play-tamper-mode').selectOption('forge-signature')
    await page.getByRole('button', { name: ru.trail.tamper }).click()
    await expect.poll(() => play.locator('.trail-panel').getAttribute('data-caught-by')).toBe('signature')
    expect(await english('#panel-play .checks-box')).toEqual([])
    await page.locator('#play-tamper-mode').selectOption('edit')
    await page.getByRole('button', { name: ru.trail.tamper }).click()
    await expect.poll(() => play.locator('.verdict').textContent()).toContain('✖')
    expect(await english('#panel-play .trail-panel > .verdict')).toEqual([])

    // The veto challenge: Grigorenko's comment on his refusal.
    await page.locator('#tab-challenges').click()
    await page
      .getByRole('article', { name: ru.challenges['overrule-a-veto'].title })
      .getByRole('button', { name: ru.challenges.start })
      .click()
    await expect.poll(() => play.textContent()).toContain(ru.challenges.vetoReason)
    expect(await english('#panel-play ul.keys')).toEqual([])

    // The seed story: its Russian title, the list of steps, and step 7's signature refusal explained.
    await page.locator('#tab-story').click()
    const story = page.locator('#panel-story')
    expect(await story.locator('#story-h').textContent()).toMatch(CYRILLIC)
    expect(await english('#panel-story #story-h')).toEqual([])
    expect(await english('#panel-story .story-steps')).toEqual([])
    await story.locator('summary', { hasText: ru.lesson.allSteps }).click()
    await story.locator('.story-steps button').nth(6).click()
    await expect.poll(() => story.locator('.step-result').getAttribute('data-outcome')).toBe('refused')
    expect(await story.locator('.step-result .reason').textContent()).toMatch(CYRILLIC)
    expect(await english('#panel-story .step-result')).toEqual([])

    // Rewrite history? to its end: the keyring change refused in Russian words.
    await page.locator('#tab-rewrite').click()
    const rewrite = page.locator('#panel-rewrite')
    await rewrite.locator('summary', { hasText: ru.lesson.allSteps }).click()
    await rewrite.getByRole('button', { name: ru.lesson.keyringTitle }).click()
    await expect.poll(() => rewrite.textContent()).toContain('нет действительной подписи ведомства')
    expect(await rewrite.textContent()).not.toContain('no valid signature')

    // Why two keys? part 2: the one-key policy's keys by their Russian labels; the steps in words.
    await page.locator('#tab-why-two-keys').click()
    const oneKeyPart = page.locator('#panel-why-two-keys .one-key-part')
    await oneKeyPart.locator('summary', { hasText: ru.lesson.allSteps }).click()
    await oneKeyPart.locator('.story-steps button').last().click()
    await expect.poll(() => oneKeyPart.locator('ul.keys').textContent()).toContain('Аппарат Правительства')
    expect(await english('#panel-why-two-keys .one-key-part ul.keys')).toEqual([])
    expect(await english('#panel-why-two-keys .story-steps')).toEqual([])

    // Diff: the groups and the story's events in Russian words, the objective by its Russian name.
    await page.locator('#tab-diff').click()
    const diff = page.locator('#panel-diff')
    await diff.getByRole('button', { name: ru.diff.compare, exact: true }).click()
    await diff.locator('.diff-verdict').waitFor({ timeout: 30_000 })
    expect(await english('#panel-diff .diff-groups button')).toEqual([])
    expect(await english('#panel-diff .diff-steps')).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  }, 120_000)
})
