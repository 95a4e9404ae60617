import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { REFUSAL_MESSAGES_RU } from '../../machines/refusalMessages.ru.js'
import type { ForgeryCheck, Notice } from '../../src/classroom/ClassroomFeed.js'
import { createClassroomServer } from '../../src/classroom/createClassroomServer.js'
import { newKeyPair } from '../../src/identity/PrivateKeyFile.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { russianTimelineWords } from '../../src/render/timelineWords.ru.js'
import { sqliteStore } from '../../src/stores/sqliteStore.js'
import { checkText } from '../../web/src/classroom/checkText.js'
import { forgedText, noticeText } from '../../web/src/classroom/noticeText.js'
import { en } from '../../web/src/i18n/en.js'
import { useLanguage } from '../../web/src/i18n/language.js'
import { ru } from '../../web/src/i18n/ru.js'
import { launchChromium, skipBrowser } from './support/chromium.js'
import { axeProblems, SHOTS } from './support/servedPlayground.js'
import { sharedBuild } from './support/sharedBuild.js'

const PHONE = { width: 390, height: 844 }
const DESKTOP = { width: 1280, height: 800 }

/** How far the page scrolls sideways (0: it fits the screen). */
const overflow = (page: Page) =>
  page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) - window.innerWidth)

/** axe on the page, leaving out drawn timelines (each one labelled image whose SVG insides are not read). */
const axe = (page: Page) => axeProblems(page, { include: [['body']], exclude: [['.gantt']] })

describe.skipIf(skipBrowser)('twokeys classroom in Chromium: a teacher and three students', () => {
  let browser: Browser
  let server: Awaited<ReturnType<typeof createClassroomServer>>
  let base: string

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
    const [root, launched] = await Promise.all([sharedBuild(), launchChromium()])
    browser = launched
    const dir = mkdtempSync(join(tmpdir(), 'twokeys-classroom-web-'))
    server = await createClassroomServer({
      policy: loadPolicyFile('machines/policies/two-keys.yaml'),
      root,
      storeFor: (n) => sqliteStore(join(dir, `session-${n}.db`)),
      start: () => Date.parse('2026-09-01T09:00:00Z'),
    })
    await server.app.listen({ host: '127.0.0.1', port: 0 })
    const address = server.app.server.address()
    base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await server?.app.close()
  })

  async function openPage(url: string, viewport: { width: number; height: number }, locale = 'en-US') {
    const context = await browser.newContext({ viewport, locale })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text())
    })
    await page.goto(url)
    await page.waitForSelector('body[data-ready="true"]')
    return { page, errors }
  }

  async function joinAs(url: string, role: string, name: string, locale?: string) {
    const opened = await openPage(url, PHONE, locale)
    const { page } = opened
    await page.waitForSelector(`input[name=role][value="${role}"]`)
    await page.check(`input[name=role][value="${role}"]`)
    await page.fill('#join-name', name)
    await page.click('form.join button[type=submit]')
    await page.waitForSelector('#seat-heading')
    return opened
  }

  it('runs a session end to end, live on every screen, in both languages, on phones and a projector', async () => {
    const opened = await (
      await fetch(`${base}/api/sessions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.operatorToken}` },
      })
    ).json()
    const teacherUrl = `${base}/classroom.html#teacher=${opened.sessionId}.${opened.teacherToken}`
    const joinUrl = `${base}/classroom.html?join=${opened.joinCode}`
    const teacher = await openPage(teacherUrl, DESKTOP)
    const t = teacher.page
    await t.waitForSelector('[data-code]')
    expect(await t.textContent('[data-code]')).toBe(opened.joinCode)
    expect(await t.getAttribute('img.qr', 'src')).toMatch(/^data:image\/svg\+xml/)

    const sponsor = await joinAs(joinUrl, 'minzifry', 'Masha')
    const coChair = await joinAs(joinUrl, 'oreshkin', 'Oleg')
    const aide = await joinAs(joinUrl, 'ga-aide', 'Alina')
    await t.waitForFunction(() => document.querySelectorAll('.roster li').length === 3)
    expect(await t.textContent('.roster')).toContain('Masha — minzifry')

    // The ministry proposes and submits; the class sees it.
    await sponsor.page.fill('#propose-title', 'Kazan GPU cluster')
    await sponsor.page.click('form.propose button[type=submit]')
    await sponsor.page.click('.board-card [data-action=submit]')
    await coChair.page.waitForSelector('.board-card [data-action="approve-government-apparatus"]')

    // The cheat: Oreshkin turns the other institution's key; refused, next to the button, with TK6.
    await coChair.page.click('.board-card [data-action="approve-government-apparatus"]')
    await coChair.page.waitForSelector('.board-card .outcome.bad')
    expect(await coChair.page.textContent('.board-card .outcome.bad')).toContain('TK6')
    await coChair.page.click('.board-card [data-action="approve-presidential-administration"]')
    await coChair.page.waitForSelector('.board-card .outcome.ok')

    // A month passes on the session clock: the review window closes, on every screen.
    await t.click('[data-jump=month]')
    await aide.page.waitForSelector('.feed-list li[data-kind=clock]')
    await t.waitForFunction(() => document.querySelector('.clock')?.textContent?.includes('2026-10-02'))
    // Grigorenko travels (no student holds his seat): the teacher has him name his aide deputy.
    await t.selectOption('#inject-key', 'government-apparatus')
    await t.click('[data-inject=deputy]')
    await aide.page.waitForFunction(() =>
      Array.from(document.querySelectorAll('.feed-list li[data-kind=event]')).some((li) =>
        li.textContent?.includes('ga-aide'),
      ),
    )
    await aide.page.click('.board-card [data-action="approve-government-apparatus"]')
    await aide.page.waitForSelector('.board-card .outcome.ok')
    await sponsor.page.waitForSelector('.board-card [data-key="government-apparatus"][data-status="turned"]')

    // The forger's rewrite of an exported copy, caught on the projector and on every phone.
    await t.click('[data-forgery=forge-signature]')
    await t.waitForSelector('.teacher-result .checks .bad')
    await sponsor.page.waitForSelector('.feed-list li[data-kind=forgery]')
    expect(await sponsor.page.textContent('.feed-list li[data-kind=forgery]')).toContain(
      en.classroom.check.signatures,
    )

    // Both languages, on a phone and on the projector, before the session ends (a Russian student joins too).
    const ruTeacher = await openPage(
      `${base}/classroom.html?lang=ru#teacher=${opened.sessionId}.${opened.teacherToken}`,
      DESKTOP,
      'ru-RU',
    )
    await ruTeacher.page.waitForSelector('[data-code]')
    await ruTeacher.page.waitForSelector('.feed-list li[data-kind=forgery]')
    // What the forger changed, said in Russian from the changed event's data.
    expect(await ruTeacher.page.textContent('.feed-list li[data-kind=forgery] .change')).toContain(
      'подпись оставлена',
    )
    // The refused cheat in the feed, its command in words.
    expect(await ruTeacher.page.textContent('.feed-list li[data-kind=refused]')).toContain(
      `${REFUSAL_MESSAGES_RU['command.DECIDE']} `,
    )
    // The Russian teacher cuts the tail of a copy: the three checks' findings in Russian. The copy
    // keeps 5 of the 6 events (propose, submit, two approvals, the deadline, the delegation).
    await ruTeacher.page.click('[data-forgery=cut-tail]')
    await ruTeacher.page.waitForSelector('.teacher-result .checks li[data-check=heads].bad')
    const ruChecks = (await ruTeacher.page.textContent('.teacher-result .checks')) ?? ''
    expect(ruChecks).toContain((ru.classroom.finding.passed.chain_many ?? '').replace('{{count}}', '5'))
    expect(ruChecks).toContain(ru.classroom.finding.passed.signatures)
    expect(ruChecks).toContain(ru.classroom.finding.problem.deleted.replace('{{where}}', ''))
    expect(ruChecks).not.toContain(en.classroom.finding.passed.signatures)
    const ruStudent = await joinAs(`${joinUrl}&lang=ru`, 'gov-tatarstan', 'Ильдар', 'ru-RU')
    // The seat by the principal's Russian name, its id beside it; on the roster too, and the forger's role in words.
    await expect
      .poll(() => ruStudent.page.textContent('#seat-heading'))
      .toBe('Ильдар, вы — Раис Республики Татарстан (gov-tatarstan)')
    await expect
      .poll(() => ruTeacher.page.textContent('.roster li[data-role="gov-tatarstan"]'))
      .toContain('Ильдар — Раис Республики Татарстан (gov-tatarstan)')
    expect(
      await ruTeacher.page.getAttribute(
        '.roster li[data-role="gov-tatarstan"] button.free-seat',
        'aria-label',
      ),
    ).toBe('Освободить место: Ильдар (Раис Республики Татарстан (gov-tatarstan))')
    const ruForger = await joinAs(`${joinUrl}&lang=ru`, 'forger', 'Фёдор', 'ru-RU')
    await expect
      .poll(() => ruTeacher.page.textContent('.roster li[data-role="forger"]'))
      .toContain(`Фёдор — ${ru.classroom.forgerRole}`)
    // Whom the forger signs as: the principals by their Russian names.
    expect(await ruForger.page.textContent('#act-as option[value="oreshkin"]')).toBe(
      'Максим Орешкин (oreshkin)',
    )
    expect(await ruTeacher.page.textContent('#controls-heading')).toBe(ru.classroom.teacher.controls)
    const ruJoin = await openPage(`${joinUrl}&lang=ru`, PHONE, 'ru-RU')
    await ruJoin.page.waitForSelector('input[name=role]')
    // The policy's own names in Russian, from its translations: key labels and principals.
    await expect.poll(() => ruTeacher.page.textContent('.board-card')).toContain('Администрация Президента')
    expect(await ruJoin.page.textContent('fieldset')).toContain('Максим Орешкин')
    // A seat taken while this student was choosing: the API answers CONFLICT (in English), the page
    // says it in Russian, from the code.
    await ruJoin.page.check('input[name=role][value="grigorenko"]')
    const grigorenko = newKeyPair('grigorenko', 'pending', '2026-01-01T00:00:00Z').privateKey
    const takenFirst = await fetch(`${base}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        code: opened.joinCode,
        role: 'grigorenko',
        name: 'Гриша',
        publicKey: grigorenko.x,
      }),
    })
    expect(takenFirst.status).toBe(201)
    await ruJoin.page.click('form.join button[type=submit]')
    await expect
      .poll(() => ruJoin.page.textContent('form.join p.status'))
      .toBe(`${ru.classroom.apiError.join.CONFLICT} (CONFLICT)`)
    expect(await ruJoin.page.isDisabled('input[name=role][value="grigorenko"]')).toBe(true)
    expect(await t.textContent('.board-card')).toContain('Presidential Administration')

    const screens: [string, Page][] = [
      ['teacher-desktop-en', t],
      ['teacher-desktop-ru', ruTeacher.page],
      ['student-phone-en', coChair.page],
      ['student-phone-ru', ruStudent.page],
      ['join-phone-ru', ruJoin.page],
    ]
    for (const [name, page] of screens) {
      expect(await overflow(page), name).toBeLessThanOrEqual(0)
      expect(await axe(page), name).toEqual([])
      await page.screenshot({ path: `${SHOTS}/classroom-${name}.png`, fullPage: true })
    }
    for (const [name, page] of screens) {
      await page.setViewportSize(page.viewportSize()?.width === PHONE.width ? DESKTOP : PHONE)
      expect(await overflow(page), `${name} resized`).toBeLessThanOrEqual(0)
      expect(await axe(page), `${name} resized`).toEqual([])
    }
    await t.screenshot({ path: `${SHOTS}/classroom-teacher-phone-en.png`, fullPage: true })
    await ruTeacher.page.screenshot({ path: `${SHOTS}/classroom-teacher-phone-ru.png`, fullPage: true })
    await coChair.page.screenshot({ path: `${SHOTS}/classroom-student-desktop-en.png`, fullPage: true })
    await ruStudent.page.screenshot({ path: `${SHOTS}/classroom-student-desktop-ru.png`, fullPage: true })
    for (const page of [sponsor.page, aide.page]) expect(await overflow(page)).toBeLessThanOrEqual(0)
    await t.setViewportSize(DESKTOP)
    // Presenter mode on the projector: a quarter larger, still no sideways scrolling.
    await t.click('[data-presenter]')
    expect(await t.evaluate(() => document.documentElement.classList.contains('presenter'))).toBe(true)
    expect(await overflow(t), 'presenter mode').toBeLessThanOrEqual(0)
    await t.screenshot({ path: `${SHOTS}/classroom-teacher-presenter-en.png` })
    await t.click('[data-presenter]')

    // The debrief: the bottleneck, the cheat and what stopped it, the forgery, the drawn timeline, the export.
    await t.click('button.end')
    await t.waitForSelector('.debrief .gantt svg', { timeout: 30_000 })
    const debrief = (await t.textContent('.debrief')) ?? ''
    expect(debrief).toContain('government-apparatus')
    // Submitted at the start, turned by the aide after the 31-day jump.
    expect(debrief).toContain('744 hours (31 days)')
    expect(await t.textContent('.debrief .refusals')).toContain('TK6')
    expect(await t.textContent('.debrief .forgeries')).toContain(en.classroom.check.signatures)
    await t.waitForFunction(() =>
      document.querySelector('a.download')?.getAttribute('href')?.startsWith('blob:'),
    )
    expect(await axe(t)).toEqual([])
    await t.screenshot({ path: `${SHOTS}/classroom-debrief-desktop-en.png`, fullPage: true })
    await t.setViewportSize(PHONE)
    expect(await overflow(t), 'debrief on a phone').toBeLessThanOrEqual(0)
    expect(await axe(t), 'debrief on a phone').toEqual([])
    await t.screenshot({ path: `${SHOTS}/classroom-debrief-phone-en.png`, fullPage: true })
    // The debrief in Russian (ending an ended session answers the debrief again): the cheat's
    // command and first reason from the rules' phrases, with the Russian catalogue.
    await ruTeacher.page.click('button.end')
    await ruTeacher.page.waitForSelector('.debrief .refusals li')
    const ruRefusal = (await ruTeacher.page.textContent('.debrief .refusals li')) ?? ''
    expect(ruRefusal).toContain(REFUSAL_MESSAGES_RU['command.DECIDE'])
    const notNamed = REFUSAL_MESSAGES_RU['rule.actorHasAuthority.notNamed']
    expect(ruRefusal).toContain(notNamed.slice(notNamed.indexOf('{{holders}}') + '{{holders}}'.length))
    expect(ruRefusal).toContain('«oreshkin» не держит ключ «government-apparatus»')
    expect(ruRefusal).not.toContain('does not hold key')
    // Who tried, by name; the bottleneck's key by its label.
    expect(ruRefusal).toMatch(/^Максим Орешкин \(oreshkin\) /)
    expect(await ruTeacher.page.textContent('.debrief .bottleneck')).toContain(
      'ключ «Аппарат Правительства» (government-apparatus)',
    )
    await ruTeacher.page.waitForSelector('.debrief .gantt svg', { timeout: 30_000 })
    // The timeline in Russian words, drawn from the debrief's Russian gantt.
    const ruGantt = (await ruTeacher.page.textContent('.debrief .gantt svg')) ?? ''
    expect(ruGantt).toContain(russianTimelineWords().approvedBy('oreshkin'))
    expect(ruGantt).not.toMatch(/approves|proposed by|in review/)
    await ruTeacher.page.screenshot({ path: `${SHOTS}/classroom-debrief-phone-ru.png`, fullPage: true })
    for (const student of [sponsor, coChair, aide])
      await student.page.waitForSelector('.feed-list li[data-kind=ended]')

    for (const { errors } of [teacher, sponsor, coChair, aide, ruTeacher, ruStudent, ruJoin]) {
      // The refused commands answer 4xx, which Chromium logs as a failed resource: only those are expected.
      expect(errors.filter((e) => !e.includes('the server responded with a status of 4'))).toEqual([])
    }
  }, 180_000)

  /** What this browser keeps in IndexedDB for its seats: a WebCrypto key (and whether its bytes can leave) or a seed. */
  const keptKeys = (page: Page) =>
    page.evaluate(
      () =>
        new Promise<{ kind: string; extractable: boolean; algorithm: string }[]>((resolve, reject) => {
          const open = indexedDB.open('twokeys-classroom')
          open.onerror = () => reject(open.error)
          open.onsuccess = () => {
            const all = open.result.transaction('seats').objectStore('seats').getAll()
            all.onsuccess = () =>
              resolve(
                all.result.map((seat: { key: CryptoKey | { seed: string } }) =>
                  seat.key instanceof CryptoKey
                    ? {
                        kind: 'CryptoKey',
                        extractable: seat.key.extractable,
                        algorithm: seat.key.algorithm.name,
                      }
                    : { kind: 'seed', extractable: true, algorithm: 'Ed25519' },
                ),
              )
          }
        }),
    )

  it('keeps a student’s key across a reload and a new tab, and lets the teacher free a seat', async () => {
    const opened = await (
      await fetch(`${base}/api/sessions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.operatorToken}` },
      })
    ).json()
    const teacherUrl = `${base}/classroom.html#teacher=${opened.sessionId}.${opened.teacherToken}`
    const joinUrl = `${base}/classroom.html?join=${opened.joinCode}`
    const teacher = await openPage(teacherUrl, DESKTOP)
    const t = teacher.page

    // On 127.0.0.1 (a secure context) the key is a non-extractable WebCrypto key in IndexedDB.
    const sponsor = await joinAs(joinUrl, 'minzifry', 'Masha')
    const keyLine = await sponsor.page.textContent('.key-line')
    const kept = await keptKeys(sponsor.page)
    expect(kept).toEqual([{ kind: 'CryptoKey', extractable: false, algorithm: 'Ed25519' }])
    // The tab is closed (its sessionStorage with it) and the join address opened in a new one: same seat, same key.
    const context = sponsor.page.context()
    await sponsor.page.close()
    const again = await context.newPage()
    await again.goto(joinUrl)
    await again.waitForSelector('#seat-heading')
    expect(await again.textContent('.key-line')).toBe(keyLine)
    await again.fill('#propose-title', 'Kazan GPU cluster')
    await again.click('form.propose button[type=submit]')
    await again.waitForSelector('.board-card [data-action=submit]')
    await again.click('.board-card [data-action=submit]')
    await again.waitForSelector('.board-card .outcome.ok')

    // A phone on a plain http:// class-network address has no WebCrypto: the seed is kept in IndexedDB instead.
    const aideContext = await browser.newContext({ viewport: PHONE, locale: 'en-US' })
    await aideContext.addInitScript(() => {
      Object.defineProperty(globalThis.crypto, 'subtle', { get: () => undefined })
    })
    const aide = await aideContext.newPage()
    await aide.goto(joinUrl)
    await aide.waitForSelector('input[name=role][value="ga-aide"]')
    await aide.check('input[name=role][value="ga-aide"]')
    await aide.fill('#join-name', 'Alina')
    await aide.click('form.join button[type=submit]')
    await aide.waitForSelector('#seat-heading')
    const aideKey = await aide.textContent('.key-line')
    await aide.reload()
    await aide.waitForSelector('#seat-heading')
    expect(await aide.textContent('.key-line')).toBe(aideKey)
    expect(await keptKeys(aide)).toEqual([{ kind: 'seed', extractable: true, algorithm: 'Ed25519' }])
    // Her signature still verifies: the rules, not the signature check, refuse an aide never named deputy.
    await aide.waitForSelector('.board-card [data-action="approve-government-apparatus"]')
    await aide.click('.board-card [data-action="approve-government-apparatus"]')
    await aide.waitForSelector('.board-card .outcome.bad')
    expect(await aide.textContent('.board-card .outcome.bad')).toContain('NOT_AUTHORIZED')

    // The teacher frees Alina's seat from the roster: her page goes back to the join form, the seat is free.
    await t.waitForSelector('.roster li[data-role="ga-aide"] button.free-seat')
    expect(await t.getAttribute('.roster li[data-role="ga-aide"] button.free-seat', 'aria-label')).toBe(
      'Free the seat of Alina (ga-aide)',
    )
    expect(await axe(t), 'teacher with the roster’s buttons').toEqual([])
    await t.click('.roster li[data-role="ga-aide"] button.free-seat')
    await t.waitForSelector('.teacher-result .outcome.ok')
    expect(await t.textContent('.teacher-result')).toContain('The seat of Alina (ga-aide) is free again.')
    await t.waitForFunction(() => document.querySelector('.roster li[data-role="ga-aide"]') === null)
    await aide.waitForSelector('form.join')
    await expect.poll(() => aide.textContent('form.join p.status')).toBe(en.classroom.student.freed)
    expect(await aide.isDisabled('input[name=role][value="ga-aide"]')).toBe(false)
    expect(await t.textContent('.feed-list')).toContain(
      'The teacher freed the seat of Alina (ga-aide): their key was revoked.',
    )
    // Her key is forgotten: a reload shows the join form, not the old seat.
    await aide.reload()
    await aide.waitForSelector('form.join')
    expect(await aide.$('#seat-heading')).toBeNull()
    expect(await axe(aide), 'join form after the seat was freed').toEqual([])

    // In Russian, the roster's button and the feed.
    const ruTeacher = await openPage(teacherUrl, DESKTOP, 'ru-RU')
    await ruTeacher.page.waitForSelector('.roster li[data-role="minzifry"] button.free-seat')
    expect(await ruTeacher.page.textContent('.roster li[data-role="minzifry"] button.free-seat')).toBe(
      ru.classroom.teacher.free,
    )
    expect(await ruTeacher.page.textContent('.feed-list')).toContain(
      'Учитель освободил место Alina (ga-aide)',
    )
    expect(await axe(ruTeacher.page), 'Russian teacher with the roster’s buttons').toEqual([])
    for (const page of [t, again, aide, ruTeacher.page]) expect(await overflow(page)).toBeLessThanOrEqual(0)
    expect([...teacher.errors, ...ruTeacher.errors]).toEqual([])
    await aideContext.close()
  }, 120_000)
})

describe('the classroom’s server texts, worded by the page', () => {
  afterEach(() => useLanguage('en'))
  const at = Date.parse('2026-09-01T09:00:00Z')
  const answer = (event: Record<string, unknown>, seq = 1) =>
    ({ kind: 'event', seq, at, event: { initiativeId: 'kazan', seq, event: { at, ...event } } }) as Notice
  const ANSWERS = [
    answer({ type: 'MINISTRY', by: 'minek', ministry: 'minek', accept: true }),
    answer({ type: 'MINISTRY', by: 'minek', ministry: 'minek', accept: false }),
    answer({ type: 'DESTINATION', by: 'mid', destination: 'belarus', agreed: true }),
    answer({ type: 'DESTINATION', by: 'mid', destination: 'belarus', agreed: false }),
    answer({ type: 'PLENARY', by: 'minek', vote: 'return' }),
  ]

  it('says a ministry’s, a destination’s and a plenary answer in Russian; English as before', () => {
    expect(ANSWERS.map(noticeText)).toEqual([
      'minek: ministry (kazan).',
      'minek: ministry (kazan).',
      'mid: destination (kazan).',
      'mid: destination (kazan).',
      'minek: plenary (kazan).',
    ])
    useLanguage('ru')
    const fill = (text: string, values: Record<string, string>) =>
      text.replace(/\{\{(\w+)\}\}/g, (_w, k: string) => values[k] ?? '')
    const { feed } = ru.classroom
    expect(ANSWERS.map(noticeText)).toEqual([
      fill(feed.ministryAccept, { by: 'minek', ministry: 'minek', initiative: 'kazan' }),
      fill(feed.ministryDecline, { by: 'minek', ministry: 'minek', initiative: 'kazan' }),
      fill(feed.destinationAgreed, { by: 'mid', destination: 'belarus', initiative: 'kazan' }),
      fill(feed.destinationDeclined, { by: 'mid', destination: 'belarus', initiative: 'kazan' }),
      fill(feed.PLENARY, { by: 'minek', initiative: 'kazan' }),
    ])
    // What a forgery changed names the event in words too.
    const cut = { initiativeId: 'kazan', seq: 6, type: 'DECIDE', by: 'ga-aide' }
    expect(forgedText('cut-tail', cut)).toBe(
      fill(ru.classroom.change['cut-tail'], {
        seq: '6',
        initiative: 'kazan',
        type: REFUSAL_MESSAGES_RU['command.DECIDE'],
      }),
    )
    useLanguage('en')
    expect(forgedText('cut-tail', cut)).toBe('Event 6 of kazan (DECIDE) was dropped.')
  })

  it('says what each check found in Russian from its finding; English shows the verifier’s message', () => {
    const check = (
      finding: ForgeryCheck['finding'],
      name: ForgeryCheck['check'] = 'chain',
    ): ForgeryCheck => ({
      check: name,
      ok: finding.problem === 'passed',
      message: 'the verifier’s own words',
      finding,
    })
    const event6 = { position: 5, initiativeId: 'kazan', seq: 6 }
    const cases = [
      check({ problem: 'passed', events: 6 }),
      check({ problem: 'passed', events: 6 }, 'heads'),
      check({ problem: 'edited', ...event6 }),
      check({ problem: 'signature', ...event6 }, 'signatures'),
      check({ problem: 'rules', ...event6 }, 'signatures'),
      check({ problem: 'malformed', position: 2, initiativeId: null, seq: null }),
    ]
    expect(cases.map(checkText)).toEqual(cases.map(() => 'the verifier’s own words'))
    useLanguage('ru')
    const where = 'позиция 5 (инициатива «kazan», событие 6)'
    const { finding } = ru.classroom
    expect(cases.map(checkText)).toEqual([
      (finding.passed.chain_many ?? '').replace('{{count}}', '6'),
      finding.passed.heads,
      finding.problem.edited.replace('{{where}}', where),
      finding.problem.signature.replace('{{where}}', where),
      finding.problem.rules.replace('{{where}}', where),
      finding.problem.malformed.replace('{{where}}', 'позиция 2'),
    ])
  })
})
