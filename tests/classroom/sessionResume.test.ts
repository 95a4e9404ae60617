import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Notice } from '../../src/classroom/ClassroomFeed.js'
import { createClassroomServer } from '../../src/classroom/createClassroomServer.js'
import { sqliteSessionRecord } from '../../src/classroom/sqliteSessionRecord.js'
import type { CommandInput } from '../../src/domain/Command.js'
import { createEngine } from '../../src/engine/createEngine.js'
import { newKeyPair, type PrivateKeyFile } from '../../src/identity/PrivateKeyFile.js'
import { signCommand } from '../../src/identity/signCommand.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { sqliteStore } from '../../src/stores/sqliteStore.js'
import { twokeys } from '../support/runCli.js'
import { callApi } from './callApi.js'

// A session kept in its SQLite file: a server started again on the file takes it up where it was.

const START = Date.parse('2026-09-01T09:00:00Z')
const DAY = 86_400_000
const policy = loadPolicyFile('machines/policies/two-keys.yaml')

type Server = Awaited<ReturnType<typeof createClassroomServer>>
const running: Server[] = []
afterEach(async () => {
  for (const server of running.splice(0)) await server.app.close()
})

/** A classroom server on `file` (the first session's; later ones beside it), listening on a free port. */
async function serverOn(file: string, lessonPolicy = policy) {
  const fileOf = (n: number) => (n === 1 ? file : `${file}-${n}`)
  const server = await createClassroomServer({
    policy: lessonPolicy,
    storeFor: (n) => sqliteStore(fileOf(n)),
    recordFor: (n) => sqliteSessionRecord(fileOf(n)),
    start: () => START,
  })
  running.push(server)
  await server.app.listen({ host: '127.0.0.1', port: 0 })
  const address = server.app.server.address()
  const base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`
  const call = (method: string, path: string, body?: unknown, token?: string) =>
    callApi(base, method, path, body, token)
  /** The feed as Server-Sent Events after `lastEventId`, read until `count` notices came. */
  async function feedAfter(sessionId: string, lastEventId: number, count: number): Promise<Notice[]> {
    const controller = new AbortController()
    const response = await fetch(`${base}/api/sessions/${sessionId}/feed`, {
      headers: { 'last-event-id': String(lastEventId) },
      signal: controller.signal,
    })
    const reader = (response.body as ReadableStream<Uint8Array>).getReader()
    const decoder = new TextDecoder()
    const notices: Notice[] = []
    let buffer = ''
    while (notices.length < count) {
      const { value, done } = await reader.read()
      if (done) break
      buffer += decoder.decode(value, { stream: true })
      for (let cut = buffer.indexOf('\n\n'); cut >= 0; cut = buffer.indexOf('\n\n')) {
        const data = buffer
          .slice(0, cut)
          .split('\n')
          .find((l) => l.startsWith('data: '))
        buffer = buffer.slice(cut + 2)
        if (data !== undefined) notices.push(JSON.parse(data.slice(6)))
      }
    }
    controller.abort()
    return notices
  }
  return { server, call, feedAfter }
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')

describe('twokeys classroom: a session kept in its file survives a restart', () => {
  it('resumes the id, join code, teacher token, roster, feed, clock, keys, ended flag and debrief', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'twokeys-classroom-resume-'))
    const file = join(dir, 'lesson.db')
    const first = await serverOn(file)
    const opened = await first.call('POST', '/api/sessions', undefined, first.server.operatorToken)
    expect(opened.status).toBe(201)
    const { sessionId, teacherToken, joinCode } = opened.body
    // The file holds the institution keys and the teacher token: its owner alone may read it.
    expect(statSync(file).mode & 0o777).toBe(0o600)

    const keys: Record<string, PrivateKeyFile> = {}
    const seat = async (call: typeof first.call, role: string) => {
      const { privateKey } = newKeyPair(role, 'pending', '2026-01-01T00:00:00Z')
      const joined = await call('POST', '/api/join', {
        code: joinCode,
        role,
        name: `student ${role}`,
        publicKey: privateKey.x,
      })
      expect(joined.status).toBe(201)
      keys[role] = { ...privateKey, kid: joined.body.student.keyId }
    }
    for (const role of ['minzifry', 'oreshkin', 'forger']) await seat(first.call, role)
    let n = 0
    const send = (call: typeof first.call, role: string, command: Record<string, unknown>) =>
      call(
        'POST',
        `/api/sessions/${sessionId}/commands`,
        signCommand(
          { commandId: `c${++n}`, initiativeId: 'kazan', by: role, ...command } as CommandInput,
          keys[role] as PrivateKeyFile,
        ),
      )
    const propose = {
      type: 'propose',
      title: 'GPU cluster',
      objective: 'infrastructure',
      scope: { kind: 'federal' },
    }
    expect((await send(first.call, 'minzifry', propose)).status).toBe(201)
    const revision = (await send(first.call, 'minzifry', { type: 'submit' })).body.board.revision.hash
    const decide = (key: string) => ({ type: 'decide', key, decision: 'approve', revision })
    expect((await send(first.call, 'oreshkin', decide('government-apparatus'))).status).toBe(422)
    expect((await send(first.call, 'oreshkin', decide('presidential-administration'))).status).toBe(201)
    const jumped = await first.call(
      'POST',
      `/api/sessions/${sessionId}/clock`,
      { jump: 'week' },
      teacherToken,
    )
    expect(jumped.body.to).toBe(START + 7 * DAY)
    const forged = await first.call(
      'POST',
      `/api/sessions/${sessionId}/forgery`,
      { forgery: 'cut-tail' },
      teacherToken,
    )
    expect(forged.body.caughtBy).toBe('heads')
    const before = await first.call('GET', `/api/sessions/${sessionId}`)
    const feedBefore = first.server.sessions.get(sessionId)?.feed.after(0) ?? []
    expect(feedBefore.map((x) => x.kind)).toEqual([
      'opened',
      'joined',
      'joined',
      'joined',
      'event',
      'event',
      'refused',
      'event',
      'clock',
      'forgery',
    ])
    await first.server.app.close()

    // Started again on the same file.
    const second = await serverOn(file)
    const resumed = await second.server.resume(1)
    expect(resumed?.id).toBe(sessionId)
    expect(await second.server.resume(2)).toBeNull()
    const after = await second.call('GET', `/api/sessions/${sessionId}`)
    expect(after.status).toBe(200)
    expect(after.body.students).toEqual(before.body.students)
    expect(after.body.clock).toBe(START + 7 * DAY)
    expect(after.body.roles).toEqual(before.body.roles)
    expect(after.body.boards).toEqual(before.body.boards)
    expect((await second.call('GET', `/api/join/${joinCode}`)).body.sessionId).toBe(sessionId)
    const teacher = await second.call('GET', `/api/sessions/${sessionId}/teacher`, undefined, teacherToken)
    expect(teacher.status).toBe(200)
    expect(teacher.body.joinCode).toBe(joinCode)
    // The feed: the same notices, numbered on, then one saying the session was taken up again.
    const last = feedBefore.length
    expect(await second.feedAfter(sessionId, 0, last + 1)).toEqual([
      ...feedBefore,
      { kind: 'resumed', seq: last + 1, at: START + 7 * DAY },
    ])
    expect(await second.feedAfter(sessionId, last, 1)).toEqual([
      { kind: 'resumed', seq: last + 1, at: START + 7 * DAY },
    ])

    // A seated student's next signed command is taken; a new student is seated by the kept institution keys.
    const amended = await send(second.call, 'minzifry', {
      type: 'propose',
      initiativeId: 'tomsk',
      title: 'Data centre',
      objective: 'infrastructure',
      scope: { kind: 'federal' },
    })
    expect(amended.status).toBe(201)
    await seat(second.call, 'grigorenko')
    expect((await send(second.call, 'grigorenko', decide('government-apparatus'))).status).toBe(201)
    expect(
      (await second.call('GET', `/api/join/${joinCode}`)).body.roles.find(
        (r: { id: string }) => r.id === 'oreshkin',
      ).taken,
    ).toBe(true)
    // The clock goes on from where the teacher left it.
    const again = await second.call('POST', `/api/sessions/${sessionId}/clock`, { jump: 'day' }, teacherToken)
    expect([again.body.from, again.body.to]).toEqual([START + 7 * DAY, START + 8 * DAY])
    const ended = await second.call('POST', `/api/sessions/${sessionId}/end`, undefined, teacherToken)
    expect(ended.status).toBe(200)
    await second.server.app.close()

    // And once more: ended, with the same debrief.
    const third = await serverOn(file)
    expect((await third.server.resume(1))?.ended).toBe(true)
    const debrief = await third.call('GET', `/api/sessions/${sessionId}/debrief`, undefined, teacherToken)
    expect(debrief.body.refusals).toEqual(ended.body.refusals)
    expect(debrief.body.refusals[0]).toMatchObject({ by: 'oreshkin', code: 'NOT_AUTHORIZED' })
    expect(debrief.body.refusals[0].phrases.length).toBeGreaterThan(0)
    expect(debrief.body.forgeries).toEqual(ended.body.forgeries)
    expect(debrief.body.bottleneck).toEqual(ended.body.bottleneck)
    expect(debrief.body.session.students).toHaveLength(4)
    const late = await third.call('POST', '/api/join', {
      code: joinCode,
      role: 'ga-aide',
      publicKey: newKeyPair('ga-aide', 'p', '2026-01-01T00:00:00Z').privateKey.x,
    })
    expect(late.status).toBe(422)
    expect(late.body.message).toContain('has ended')
    // A session opened now goes beside the kept one, not over it.
    const next = await third.call('POST', '/api/sessions', undefined, third.server.operatorToken)
    expect(next.status).toBe(201)
    expect(existsSync(`${file}-2`)).toBe(true)
  })

  it('refuses a file that is not SQLite, or another program’s database, and leaves it as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'twokeys-classroom-foreign-'))
    const garbage = join(dir, 'notes.db')
    writeFileSync(garbage, 'these are my lesson notes, not a database\n'.repeat(200))
    const before = sha(garbage)
    const onGarbage = await serverOn(garbage)
    await expect(onGarbage.server.resume(1)).rejects.toThrow(
      /notes\.db is not the file of a classroom session: SQLite cannot read it .*it was left as it is\. Give --db a new file name/,
    )
    await expect(onGarbage.server.open()).rejects.toMatchObject({ code: 'CONFIG_INVALID' })
    expect(sha(garbage)).toBe(before)

    // A twokeys store of `serve`, with a keyring and events: not a classroom session.
    const served = join(dir, 'serve.db')
    const engine = createEngine({ policy, store: sqliteStore(served) })
    await engine.dispatch({
      type: 'propose',
      commandId: 'p1',
      initiativeId: 'kazan',
      by: 'minzifry',
      title: 'x',
      objective: 'infrastructure',
      scope: { kind: 'federal' },
    } as CommandInput)
    await engine.close()
    const servedBefore = sha(served)
    const onServed = await serverOn(served)
    await expect(onServed.server.resume(1)).rejects.toThrow(
      /serve\.db holds no classroom session \(its tables: .*events.*\); it was left as it is/,
    )
    expect(sha(served)).toBe(servedBefore)

    // The CLI says so and exits 2, before it listens.
    const run = await twokeys('classroom', '--db', garbage, '--port', '0')
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('is not the file of a classroom session')
    expect(sha(garbage)).toBe(before)
  })

  it('refuses to resume a session under another policy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'twokeys-classroom-policy-'))
    const file = join(dir, 'lesson.db')
    const first = await serverOn(file)
    expect((await first.call('POST', '/api/sessions', undefined, first.server.operatorToken)).status).toBe(
      201,
    )
    await first.server.app.close()
    const other = await serverOn(file, { ...policy, title: `${policy.title} (edited)` })
    await expect(other.server.resume(1)).rejects.toThrow(
      /lesson\.db holds a session of policy "two-keys" .*not of the policy given; start with that policy's file/,
    )
  })
})
