import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer } from '../../examples/http-service/server.js'
import { eventHash } from '../../src/domain/eventHash.js'
import { createEngine } from '../../src/engine/createEngine.js'
import { manualClock } from '../../src/engine/systemClock.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import type { RecordedEvent } from '../../src/stores/Store.js'

const policy = loadPolicyFile('machines/policies/two-keys.yaml')
let n = 0
const engine = createEngine({
  policy,
  clock: manualClock('2026-03-01T09:00:00Z'),
  ids: () => `id-${++n}`,
})
const server = createServer({ engine })
let base = ''

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

interface Sent {
  status: number
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field
  body: any
  headers: Headers
}

async function call(
  method: string,
  path: string,
  options: { by?: string; body?: unknown; raw?: string; key?: string } = {},
): Promise<Sent> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (options.by !== undefined) headers['x-principal'] = options.by
  if (options.key !== undefined) headers['idempotency-key'] = options.key
  const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body))
  const res = await fetch(base + path, { method, headers, ...(body === undefined ? {} : { body }) })
  return { status: res.status, body: await res.json(), headers: res.headers }
}

const proposal = { title: 'GPU cluster', objective: 'infrastructure', scope: { kind: 'federal' } }
const PA = 'presidential-administration'
const GA = 'government-apparatus'

describe('examples/http-service', () => {
  it('runs a whole approval over HTTP: propose, submit, both keys, routed, completed', async () => {
    const proposed = await call('POST', '/initiatives', { by: 'minzifry', body: proposal })
    expect(proposed.status).toBe(201)
    const id: string = proposed.body.initiativeId
    expect(proposed.headers.get('location')).toBe(`/initiatives/${id}`)
    expect(proposed.body.board.phase).toBe('draft')

    expect((await call('POST', `/initiatives/${id}/submit`, { by: 'minzifry' })).body.board.phase).toBe(
      'review',
    )
    const first = await call('POST', `/initiatives/${id}/decisions`, {
      by: 'oreshkin',
      body: { key: PA, decision: 'approve' },
    })
    expect(first.status).toBe(200)
    expect(first.body.board.keys.map((k: { status: string }) => k.status)).toEqual(['turned', 'pending'])
    const second = await call('POST', `/initiatives/${id}/decisions`, {
      by: 'grigorenko',
      body: { key: GA, decision: 'approve' },
    })
    expect(second.body.board.phase).toBe('federalRollout')
    expect(second.body.board.track).toBe('federal')

    const board = await call('GET', `/initiatives/${id}`)
    expect(board.status).toBe(200)
    expect(board.body.phase).toBe('federalRollout')

    const done = await call('POST', `/initiatives/${id}/completion`, { by: 'minzifry' })
    expect(done.body.board.phase).toBe('completed')
    expect(done.body.seq).toBe(5)

    const list = await call('GET', '/initiatives')
    expect(list.body).toContainEqual({ initiativeId: id, title: 'GPU cluster', phase: 'completed', seq: 5 })
  })

  it('answers 403 with the TK3 reason when the sponsor tries to approve', async () => {
    const { body } = await call('POST', '/initiatives', { by: 'minzifry', body: proposal })
    await call('POST', `/initiatives/${body.initiativeId}/submit`, { by: 'minzifry' })
    const res = await call('POST', `/initiatives/${body.initiativeId}/decisions`, {
      by: 'minzifry',
      body: { key: PA, decision: 'approve' },
    })
    expect(res.status).toBe(403)
    expect(res.body.error.code).toBe('NOT_AUTHORIZED')
    expect(res.body.error.reasons.some((r: string) => r.includes('(TK3)'))).toBe(true)
    expect(res.body.error).toHaveProperty('issues', [])
  })

  it('answers 400 COMMAND_INVALID without X-Principal, for malformed JSON and for a spoofed "by"', async () => {
    const missing = await call('POST', '/initiatives', { body: proposal })
    expect(missing.status).toBe(400)
    expect(missing.body.error.code).toBe('COMMAND_INVALID')
    expect(missing.body.error.message).toContain('X-Principal')

    const malformed = await call('POST', '/initiatives', { by: 'minzifry', raw: '{"title": ' })
    expect(malformed.status).toBe(400)
    expect(malformed.body.error.code).toBe('COMMAND_INVALID')

    const notObject = await call('POST', '/initiatives', { by: 'minzifry', raw: '[1, 2]' })
    expect(notObject.status).toBe(400)

    const spoofed = await call('POST', '/initiatives', {
      by: 'minzifry',
      body: { ...proposal, by: 'oreshkin' },
    })
    expect(spoofed.status).toBe(400)
    expect(spoofed.body.error.issues[0].path).toEqual(['by'])

    const badField = await call('POST', '/initiatives', { by: 'minzifry', body: { ...proposal, title: 7 } })
    expect(badField.status).toBe(400)
    expect(badField.body.error.issues[0].path).toEqual(['title'])
  })

  it('maps the other codes: 404 unknown initiative or route, 409 refused, 405, 413', async () => {
    const unknown = await call('GET', '/initiatives/nope')
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'NOT_FOUND'])
    expect((await call('GET', '/elsewhere')).status).toBe(404)
    expect((await call('POST', '/initiatives/x/teleport', { by: 'minzifry' })).status).toBe(404)

    const { body } = await call('POST', '/initiatives', { by: 'minzifry', body: proposal })
    const early = await call('POST', `/initiatives/${body.initiativeId}/completion`, { by: 'minzifry' })
    expect([early.status, early.body.error.code]).toEqual([409, 'REFUSED'])

    const wrongMethod = await call('DELETE', `/initiatives/${body.initiativeId}`)
    expect(wrongMethod.status).toBe(405)
    expect(wrongMethod.headers.get('allow')).toBe('GET')

    const huge = await call('POST', '/initiatives', {
      by: 'minzifry',
      body: { ...proposal, summary: 'x'.repeat(70_000) },
    })
    expect(huge.status).toBe(413)
    expect(huge.body.error.code).toBe('COMMAND_INVALID')
  })

  it('returns the first result again for a retry with the same Idempotency-Key', async () => {
    const { body } = await call('POST', '/initiatives', { by: 'minzifry', body: proposal })
    const path = `/initiatives/${body.initiativeId}/submit`
    const first = await call('POST', path, { by: 'minzifry', key: 'submit-once' })
    const retry = await call('POST', path, { by: 'minzifry', key: 'submit-once' })
    expect(first.status).toBe(200)
    expect(retry.status).toBe(200)
    expect(retry.body.seq).toBe(first.body.seq)
    expect(retry.body.event.hash).toBe(first.body.event.hash)
    expect([first.body.replayed, retry.body.replayed]).toEqual([false, true])
    const history = await call('GET', `/initiatives/${body.initiativeId}/history`)
    expect(history.body).toHaveLength(2)

    const reused = await call('POST', `/initiatives/${body.initiativeId}/withdrawal`, {
      by: 'minzifry',
      key: 'submit-once',
    })
    expect([reused.status, reused.body.error.code]).toEqual([400, 'COMMAND_INVALID'])
  })

  it('explains a command without acting', async () => {
    const { body } = await call('POST', '/initiatives', { by: 'minzifry', body: proposal })
    const id: string = body.initiativeId
    const early = await call('POST', `/initiatives/${id}/explain`, {
      by: 'oreshkin',
      body: { type: 'decide', key: PA, decision: 'approve' },
    })
    expect(early.status).toBe(200)
    expect(early.body.allowed).toBe(false)
    expect(early.body.reasons[0]).toContain('a draft')

    await call('POST', `/initiatives/${id}/submit`, { by: 'minzifry' })
    const self = await call('POST', `/initiatives/${id}/explain`, {
      by: 'minzifry',
      body: { type: 'decide', key: PA, decision: 'approve' },
    })
    expect(self.body).toMatchObject({ allowed: false, code: 'NOT_AUTHORIZED' })
    expect(self.body.rules).toContain('actorIsNotSponsor')

    const ok = await call('POST', `/initiatives/${id}/explain`, {
      by: 'oreshkin',
      body: { type: 'decide', key: PA, decision: 'approve' },
    })
    expect(ok.body).toEqual({ allowed: true, reasons: [], rules: [], code: null })
    expect((await call('GET', `/initiatives/${id}/history`)).body).toHaveLength(2)
  })

  it('serves the history as a hash chain', async () => {
    const { body } = await call('POST', '/initiatives', { by: 'gov-tatarstan', body: proposal })
    const id: string = body.initiativeId
    await call('POST', `/initiatives/${id}/submit`, { by: 'gov-tatarstan' })
    await call('POST', `/initiatives/${id}/decisions`, {
      by: 'oreshkin',
      body: { key: PA, decision: 'approve' },
    })
    const { status, body: history } = await call('GET', `/initiatives/${id}/history`)
    expect(status).toBe(200)
    const events = history as RecordedEvent[]
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3])
    expect(events[0]?.prevHash).toBe('')
    for (let i = 1; i < events.length; i++) expect(events[i]?.prevHash).toBe(events[i - 1]?.hash)
    // Each hash is recomputable from the JSON the client got: checkable without the server.
    for (const event of events) expect(eventHash({ ...event })).toBe(event.hash)
    expect(new Set(events.map((e) => e.hash)).size).toBe(3)
  })
})
