import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Phrase, renderPhrase } from '../../machines/refusalMessages.js'
import { verifyAudit } from '../../src/audit/verifyAudit.js'
import type { Notice } from '../../src/classroom/ClassroomFeed.js'
import { createClassroomServer } from '../../src/classroom/createClassroomServer.js'
import { JOIN_CODE_ALPHABET } from '../../src/classroom/joinCode.js'
import type { CommandInput } from '../../src/domain/Command.js'
import { newKeyPair, type PrivateKeyFile } from '../../src/identity/PrivateKeyFile.js'
import { signCommand } from '../../src/identity/signCommand.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { sqliteStore } from '../../src/stores/sqliteStore.js'
import { apiErrorText } from '../../web/src/classroom/apiErrorText.js'
import { useLanguage } from '../../web/src/i18n/language.js'
import { ru } from '../../web/src/i18n/ru.js'
import { reasonsInLanguage } from '../../web/src/renderReasons.js'
import { twokeys } from '../support/runCli.js'
import { callApi } from './callApi.js'

const START = Date.parse('2026-09-01T09:00:00Z')
const DAY = 86_400_000
const policy = loadPolicyFile('machines/policies/two-keys.yaml')
const dir = mkdtempSync(join(tmpdir(), 'twokeys-classroom-test-'))

let server: Awaited<ReturnType<typeof createClassroomServer>>
let base: string

beforeAll(async () => {
  server = await createClassroomServer({
    policy,
    storeFor: (n) => sqliteStore(join(dir, `session-${n}.db`)),
    start: () => START,
  })
  await server.app.listen({ host: '127.0.0.1', port: 0 })
  const address = server.app.server.address()
  base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`
})
afterAll(async () => {
  await server.app.close()
})

const call = (method: string, path: string, body?: unknown, token?: string) =>
  callApi(base, method, path, body, token)

/** Reads a session's feed (Server-Sent Events) in the background, as a phone would. */
function watchFeed(sessionId: string) {
  const notices: Notice[] = []
  const controller = new AbortController()
  const done = (async () => {
    const response = await fetch(`${base}/api/sessions/${sessionId}/feed`, { signal: controller.signal })
    const reader = (response.body as ReadableStream<Uint8Array>).getReader()
    const decoder = new TextDecoder()
    let buffer = ''
    for (;;) {
      const { value, done } = await reader.read()
      if (done) return
      buffer += decoder.decode(value, { stream: true })
      let cut = buffer.indexOf('\n\n')
      while (cut >= 0) {
        const frame = buffer.slice(0, cut)
        buffer = buffer.slice(cut + 2)
        const data = frame.split('\n').find((l) => l.startsWith('data: '))
        if (data !== undefined) notices.push(JSON.parse(data.slice(6)))
        cut = buffer.indexOf('\n\n')
      }
    }
  })().catch(() => undefined)
  return { notices, stop: () => controller.abort(), done }
}

const until = async (test: () => boolean) => {
  for (let i = 0; i < 200 && !test(); i++) await new Promise((r) => setTimeout(r, 10))
  expect(test()).toBe(true)
}

describe('twokeys classroom: a session over HTTP', () => {
  it('runs a lesson end to end: join, signed actions, a refused cheat, a clock jump, a deputy, forgeries, the debrief', async () => {
    const opened = await call('POST', '/api/sessions', undefined, server.operatorToken)
    expect(opened.status).toBe(201)
    const { sessionId, teacherToken, joinCode } = opened.body
    expect(joinCode).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`))
    expect(opened.body.joinUrl).toBe(`${base}/classroom.html?join=${joinCode}`)
    const teacher = await call('GET', `/api/sessions/${sessionId}/teacher`, undefined, teacherToken)
    expect(teacher.body.qrSvg).toMatch(/^<svg/)
    const feed = watchFeed(sessionId)

    // Three students, keys made here (as a browser would); the private halves never leave the test.
    const keys: Record<string, PrivateKeyFile> = {}
    for (const role of ['minzifry', 'oreshkin', 'ga-aide']) {
      const { privateKey } = newKeyPair(role, 'pending', '2026-01-01T00:00:00Z')
      const joined = await call('POST', '/api/join', {
        code: joinCode.toLowerCase(),
        role,
        name: `student ${role}`,
        publicKey: privateKey.x,
      })
      expect(joined.status).toBe(201)
      expect(joined.body.student.inKeyring).toBe(true)
      keys[role] = { ...privateKey, kid: joined.body.student.keyId }
    }
    const roster = await call('GET', `/api/join/${joinCode}`)
    expect(
      roster.body.roles.filter((r: { taken: boolean }) => r.taken).map((r: { id: string }) => r.id),
    ).toEqual(['oreshkin', 'ga-aide', 'minzifry'])

    let n = 0
    const send = (role: string, command: Record<string, unknown>) =>
      call(
        'POST',
        `/api/sessions/${sessionId}/commands`,
        signCommand(
          { commandId: `c${++n}`, initiativeId: 'kazan', by: role, ...command } as CommandInput,
          keys[role] as PrivateKeyFile,
        ),
      )

    expect(
      (
        await send('minzifry', {
          type: 'propose',
          title: 'GPU cluster',
          objective: 'infrastructure',
          scope: { kind: 'federal' },
        })
      ).status,
    ).toBe(201)
    const submitted = await send('minzifry', { type: 'submit' })
    expect(submitted.status).toBe(201)
    const revision = submitted.body.board.revision.hash as string

    // The cheat: one co-chair turns the other institution's key.
    const cheat = await send('oreshkin', {
      type: 'decide',
      key: 'government-apparatus',
      decision: 'approve',
      revision,
    })
    expect(cheat.status).toBe(422)
    expect(cheat.body.code).toBe('NOT_AUTHORIZED')
    expect(cheat.body.reasons.join(' ')).toContain('TK6')

    expect(
      (
        await send('oreshkin', {
          type: 'decide',
          key: 'presidential-administration',
          decision: 'approve',
          revision,
        })
      ).status,
    ).toBe(201)

    // A month on the session's clock: the 30-day review window closes, and the deadline fires.
    const jumped = await call('POST', `/api/sessions/${sessionId}/clock`, { jump: 'month' }, teacherToken)
    expect(jumped.status).toBe(200)
    expect(jumped.body.to - jumped.body.from).toBe(31 * DAY)
    expect(jumped.body.fired).toEqual([{ initiativeId: 'kazan', seq: 4, type: 'TICK' }])

    // Grigorenko is away (no student holds the seat): the session names his aide deputy, signed with his key.
    const deputy = await call(
      'POST',
      `/api/sessions/${sessionId}/deputy`,
      { initiativeId: 'kazan', key: 'government-apparatus' },
      teacherToken,
    )
    expect(deputy.status).toBe(201)
    expect(deputy.body.event.event).toMatchObject({ type: 'DELEGATE', by: 'grigorenko', deputy: 'ga-aide' })
    const turned = await send('ga-aide', {
      type: 'decide',
      key: 'government-apparatus',
      decision: 'approve',
      revision,
    })
    expect(turned.status).toBe(201)
    expect(turned.body.board.keys.map((k: { status: string }) => k.status)).toEqual(['turned', 'turned'])

    // Each forgery of an exported copy, and the check that catches it.
    // biome-ignore lint/suspicious/noExplicitAny: the forgery answers, checked field by field below
    const forged: Record<string, any> = {}
    for (const forgery of ['edit-event', 'forge-signature', 'rewrite-history', 'cut-tail']) {
      const result = await call('POST', `/api/sessions/${sessionId}/forgery`, { forgery }, teacherToken)
      expect(result.status).toBe(200)
      forged[forgery] = result.body
    }
    // The last decision the test sent: ga-aide's approval, event 6.
    expect(forged['edit-event'].target).toEqual({
      initiativeId: 'kazan',
      seq: 6,
      type: 'DECIDE',
      by: 'ga-aide',
      key: 'government-apparatus',
      from: 'approve',
      to: 'refuse',
    })
    expect(forged['cut-tail'].target).toMatchObject({ initiativeId: 'kazan', seq: 6 })
    expect(forged['edit-event'].caughtBy).toBe('chain')
    expect(forged['forge-signature'].caughtBy).toBe('signatures')
    expect(forged['cut-tail'].caughtBy).toBe('heads')
    expect(forged['cut-tail'].checks.find((c: { check: string }) => c.check === 'chain').ok).toBe(true)
    expect(['signatures', 'heads']).toContain(forged['rewrite-history'].caughtBy)
    expect(forged['rewrite-history'].checks.find((c: { check: string }) => c.check === 'chain').ok).toBe(true)
    // Each check's finding as data, for a page to word: the only initiative's event 6 is at
    // position 5 of the log. Flipping it unhashed breaks its hash (the replay rejects the event
    // itself); flipping it in the signed command too leaves an event the rules take, whose
    // signature cannot verify; cutting it leaves five events and the published head missing.
    const finding = (forgery: string, check: string) =>
      forged[forgery].checks.find((c: { check: string }) => c.check === check).finding
    const event6 = { position: 5, initiativeId: 'kazan', seq: 6 }
    expect(finding('edit-event', 'chain')).toEqual({ problem: 'edited', ...event6 })
    expect(finding('edit-event', 'signatures')).toEqual({ problem: 'rules', ...event6 })
    expect(finding('forge-signature', 'chain')).toEqual({ problem: 'passed', events: 6 })
    expect(finding('forge-signature', 'signatures')).toEqual({ problem: 'signature', ...event6 })
    expect(finding('cut-tail', 'chain')).toEqual({ problem: 'passed', events: 5 })
    expect(finding('cut-tail', 'signatures')).toEqual({ problem: 'passed', events: 5 })
    expect(finding('cut-tail', 'heads')).toMatchObject({ problem: 'deleted', initiativeId: 'kazan' })
    for (const { checks } of Object.values(forged))
      for (const c of checks) expect(c.finding.problem === 'passed', c.message).toBe(c.ok)

    const ended = await call('POST', `/api/sessions/${sessionId}/end`, undefined, teacherToken)
    expect(ended.status).toBe(200)
    const debrief = ended.body

    // The bottleneck, from what this test did: the Government Apparatus key waited from the
    // submission (the session's start) to the aide's approval a 31-day jump later.
    expect(debrief.bottleneck).toMatchObject({
      key: 'government-apparatus',
      initiativeId: 'kazan',
      outcome: 'turned',
    })
    expect(debrief.bottleneck.waitedMs).toBe(31 * DAY)
    expect(debrief.waits.find((w: { key: string }) => w.key === 'presidential-administration').waitedMs).toBe(
      0,
    )
    expect(debrief.timelines).toHaveLength(1)
    expect(debrief.timelines[0].gantt).toMatch(/^gantt/)
    expect(debrief.timelines[0].events).toBe(6)
    // The same timeline in Russian, for the Russian page: the same bars and milestones at the same
    // times, in Russian words; ids and times as recorded.
    const english: string = debrief.timelines[0].gantt
    const russian: string = debrief.timelines[0].translations.ru.gantt
    const times = (text: string) => text.split('\n').map((l) => l.replace(/^[^:]*/, ''))
    expect(times(russian)).toEqual(times(english))
    expect(english).toContain('✓ oreshkin approves')
    expect(russian).toContain('✓ oreshkin одобряет')
    expect(russian).toContain('✓ ga-aide одобряет')
    expect(russian).toContain('1 minzifry предлагает')
    expect(russian).toContain('section инициатива')
    expect(russian).toContain('редакция 1 на рассмотрении')
    expect(russian).not.toMatch(/approves|proposed by|submitted by|waiting|in review|section initiative/)
    expect(debrief.refusals).toEqual([
      expect.objectContaining({
        by: 'oreshkin',
        type: 'decide',
        code: 'NOT_AUTHORIZED',
        keyId: keys.oreshkin?.kid,
        invariants: [{ id: 'TK6', name: expect.any(String) }],
      }),
    ])
    // The refusal's phrases, for the page's language: in English they are the reasons the security log kept.
    expect(debrief.refusals[0].phrases.length).toBeGreaterThan(0)
    expect(debrief.refusals[0].phrases.map((p: Phrase) => renderPhrase(p))).toEqual(
      debrief.refusals[0].reasons,
    )
    expect(debrief.forgeries.map((f: { caughtBy: string }) => f.caughtBy)).toEqual(
      ['edit-event', 'forge-signature', 'rewrite-history', 'cut-tail'].map((k) => forged[k].caughtBy),
    )

    // The export: six events, and `twokeys audit verify` accepts it.
    const audit = await call('GET', `/api/sessions/${sessionId}/audit.jsonl`, undefined, teacherToken)
    const lines = (audit.body as string)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines).toHaveLength(6)
    expect(verifyAudit(lines).ok).toBe(true)
    const file = join(dir, 'export.jsonl')
    writeFileSync(file, audit.body)
    const verified = await twokeys('audit', 'verify', file)
    expect(verified.code).toBe(0)
    expect(verified.stdout).toContain('6 events in 1 initiative')

    // The class saw it all, in order, live.
    await until(() => feed.notices.some((x) => x.kind === 'ended'))
    feed.stop()
    const kinds = feed.notices.map((x) => (x.kind === 'event' ? x.event.event.type : x.kind))
    expect(kinds).toEqual([
      'opened',
      'joined',
      'joined',
      'joined',
      'PROPOSE',
      'SUBMIT',
      'refused',
      'DECIDE',
      'TICK',
      'clock',
      'DELEGATE',
      'DECIDE',
      'forgery',
      'forgery',
      'forgery',
      'forgery',
      'ended',
    ])
    expect(feed.notices.map((x) => x.seq)).toEqual(kinds.map((_, i) => i + 1))
    // An ended session takes no more commands.
    expect((await send('minzifry', { type: 'withdraw' })).status).toBe(422)
  })

  it('answers bad input with a clear error and status', async () => {
    const { sessionId, teacherToken, joinCode } = (
      await call('POST', '/api/sessions', undefined, server.operatorToken)
    ).body
    const { privateKey } = newKeyPair('oreshkin', 'pending', '2026-01-01T00:00:00Z')
    const wrong = joinCode === 'AAAAAA' ? 'CCCCCC' : 'AAAAAA'

    const badCode = await call('POST', '/api/join', {
      code: wrong,
      role: 'oreshkin',
      publicKey: privateKey.x,
    })
    expect(badCode.status).toBe(404)
    expect(badCode.body.message).toContain(`no open session has join code "${wrong}"`)

    expect(
      (await call('POST', '/api/join', { code: joinCode, role: 'oreshkin', publicKey: privateKey.x })).status,
    ).toBe(201)
    const taken = await call('POST', '/api/join', {
      code: joinCode,
      role: 'oreshkin',
      publicKey: privateKey.x,
    })
    expect(taken.status).toBe(409)
    expect(taken.body).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('role "oreshkin" is taken'),
    })

    const noRole = await call('POST', '/api/join', { code: joinCode, role: 'putin', publicKey: privateKey.x })
    expect(noRole.status).toBe(400)
    const badKey = await call('POST', '/api/join', { code: joinCode, role: 'grigorenko', publicKey: 'abc' })
    expect(badKey.status).toBe(400)
    expect(badKey.body.message).toContain('is not an Ed25519 public key')

    const unsigned = await call('POST', `/api/sessions/${sessionId}/commands`, {
      type: 'propose',
      commandId: 'u1',
      initiativeId: 'x1',
      by: 'oreshkin',
      title: 'unsigned',
      objective: 'infrastructure',
      scope: { kind: 'federal' },
    })
    expect(unsigned.status).toBe(401)
    expect(unsigned.body.code).toBe('UNAUTHENTICATED')

    // The forger's key is on the roster, not in the keyring: signing as a co-chair is refused (403).
    const forger = newKeyPair('forger', 'pending', '2026-01-01T00:00:00Z').privateKey
    const joined = await call('POST', '/api/join', { code: joinCode, role: 'forger', publicKey: forger.x })
    expect(joined.body.student.inKeyring).toBe(false)
    const forged = signCommand(
      {
        type: 'propose',
        commandId: 'f1',
        initiativeId: 'x2',
        by: 'oreshkin',
        title: 'forged',
        objective: 'infrastructure',
        scope: { kind: 'federal' },
      },
      { ...forger, kid: joined.body.student.keyId, principal: 'oreshkin' },
    )
    const refused = await call('POST', `/api/sessions/${sessionId}/commands`, forged)
    expect(refused.status).toBe(403)
    expect(refused.body.code).toBe('UNAUTHENTICATED')

    const asStudent = await call('POST', `/api/sessions/${sessionId}/clock`, { jump: 'day' })
    expect(asStudent.status).toBe(401)
    const wrongToken = await call(
      'POST',
      `/api/sessions/${sessionId}/clock`,
      { jump: 'day' },
      `${teacherToken}x`,
    )
    expect(wrongToken.status).toBe(403)
    expect(wrongToken.body.message).toContain('not the teacher token')
    expect((await call('GET', `/api/sessions/${sessionId}/debrief`)).status).toBe(401)
    expect(
      (await call('POST', `/api/sessions/${sessionId}/clock`, { jump: 'year' }, teacherToken)).status,
    ).toBe(400)
    expect((await call('GET', '/api/sessions/nope')).status).toBe(404)

    const debrief = (await call('GET', `/api/sessions/${sessionId}/debrief`, undefined, teacherToken)).body
    expect(debrief.refusals.map((r: { by: string; code: string }) => [r.by, r.code])).toEqual([
      ['oreshkin', 'UNAUTHENTICATED'],
      ['oreshkin', 'UNAUTHENTICATED'],
    ])
    expect(debrief.refusals[0].stoppedBy).toContain('signature')
    // The signature check's reasons come with no phrases (a page shows them as the engine wrote them).
    expect(debrief.refusals.map((r: { phrases: unknown[] }) => r.phrases)).toEqual([[], []])
    expect(debrief.bottleneck).toBeNull()

    // A forgery before anyone has decided, and an action on an ended session: refused, in English.
    const early = await call(
      'POST',
      `/api/sessions/${sessionId}/forgery`,
      { forgery: 'edit-event' },
      teacherToken,
    )
    expect(early.status).toBe(422)
    expect(early.body.code).toBe('REFUSED')
    expect((await call('POST', `/api/sessions/${sessionId}/end`, undefined, teacherToken)).status).toBe(200)
    const afterEnd = await call('POST', '/api/join', {
      code: joinCode,
      role: 'grigorenko',
      publicKey: privateKey.x,
    })
    expect(afterEnd.status).toBe(422)
    expect(afterEnd.body).toMatchObject({ code: 'REFUSED', message: expect.stringContaining('has ended') })

    // The page words each of these errors from its code (the API stays English): English shows the
    // API's message; Russian the catalogue's text for that action and code, with the code.
    const asAnswer = (a: { status: number; body: unknown }) => ({ ok: false, status: a.status, body: a.body })
    const errors = [
      ['join', taken],
      ['join', badCode],
      ['forgery', early],
      ['join', afterEnd],
      ['clock', wrongToken],
    ] as const
    expect(errors.map(([action, a]) => apiErrorText(action, asAnswer(a)))).toEqual(
      errors.map(([, a]) => a.body.message),
    )
    useLanguage('ru')
    try {
      const e = ru.classroom.apiError
      expect(errors.map(([action, a]) => apiErrorText(action, asAnswer(a)))).toEqual([
        `${e.join.CONFLICT} (CONFLICT)`,
        `${e.join.NOT_FOUND} (NOT_FOUND)`,
        `${e.forgery.REFUSED} (REFUSED)`,
        `${e.ended} (REFUSED)`,
        `${e.code.NOT_AUTHORIZED} (NOT_AUTHORIZED)`,
      ])
      // The signature check's refusals carry the code, not a phrase: the page words the code and
      // quotes the check's English text.
      const reason = debrief.refusals[0].reasons[0] as string
      expect(reasonsInLanguage([reason], [], 'UNAUTHENTICATED')).toEqual([
        ru.reasons.unauthenticated.replace('{{detail}}', reason),
      ])
    } finally {
      useLanguage('en')
    }
  })
})
