import Fastify, { type FastifyInstance } from 'fastify'
import { afterEach, describe, expect, it } from 'vitest'
import { createEngine, type Engine } from '../../src/engine/createEngine.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { registerEventStream } from '../../src/serve/eventStream.js'
import {
  memoryTarget,
  postgresTarget,
  reportSkipped,
  type StoreTarget,
  sqliteTarget,
  targets,
} from '../stores/support/storeTargets.js'

const policy = loadPolicyFile('machines/policies/two-keys.yaml')
const federal = { title: 'GPU cluster', objective: 'infrastructure', scope: { kind: 'federal' as const } }

/** Reads SSE frames from a response until `count` events arrived (or 10 s passed). */
async function frames(
  url: string,
  headers: Record<string, string>,
  count: number,
  controller: AbortController,
) {
  const response = await fetch(url, { headers, signal: controller.signal })
  const reader = (response.body as ReadableStream<Uint8Array>).getReader()
  const decoder = new TextDecoder()
  let text = ''
  const events: { id: number; seq: number; type: string }[] = []
  const deadline = Date.now() + 10_000
  while (events.length < count && Date.now() < deadline) {
    const { value, done } = await reader.read()
    if (done) break
    text += decoder.decode(value, { stream: true })
    for (let end = text.indexOf('\n\n'); end >= 0; end = text.indexOf('\n\n')) {
      const block = text.slice(0, end)
      text = text.slice(end + 2)
      const id = /^id: (\d+)$/m.exec(block)
      const data = /^data: (.*)$/m.exec(block)
      if (id && data) {
        const e = JSON.parse(data[1] as string)
        events.push({ id: Number(id[1]), seq: e.seq, type: e.event.type })
      }
    }
  }
  return { status: response.status, type: response.headers.get('content-type'), events }
}

const kinds = [memoryTarget, sqliteTarget, postgresTarget]
reportSkipped(kinds)

describe.each(targets(kinds))('live events over Server-Sent Events ($name)', (kind) => {
  let target: StoreTarget | undefined
  const apps: FastifyInstance[] = []
  const aborts: AbortController[] = []
  afterEach(async () => {
    for (const a of aborts.splice(0)) a.abort()
    for (const app of apps.splice(0)) await app.close()
    await target?.dispose()
  })

  async function serve(engine: Engine): Promise<string> {
    const app = Fastify()
    registerEventStream(app, { engine, heartbeatMs: 50 })
    apps.push(app)
    return app.listen({ host: '127.0.0.1', port: 0 })
  }

  it('streams every event in order, live — on PostgreSQL also those another instance appends — and resumes after Last-Event-ID', async () => {
    target = await kind.create()
    const writer = createEngine({ policy, store: target.open() })
    // On PostgreSQL the stream is served by a second instance; elsewhere by the same engine.
    const reader = kind.name === 'postgres' ? createEngine({ policy, store: target.open() }) : writer
    const base = await serve(reader)
    const { initiativeId } = await writer.propose({ by: 'minzifry', ...federal })
    const live = new AbortController()
    aborts.push(live)
    const streamed = frames(`${base}/initiatives/${initiativeId}/events`, {}, 4, live)
    await new Promise((r) => setTimeout(r, 300))
    await writer.submit(initiativeId, { by: 'minzifry' })
    await writer.decide(initiativeId, {
      by: 'oreshkin',
      key: 'presidential-administration',
      decision: 'approve',
    })
    await writer.decide(initiativeId, { by: 'grigorenko', key: 'government-apparatus', decision: 'approve' })
    const got = await streamed
    expect(got.status).toBe(200)
    expect(got.type).toMatch(/text\/event-stream/)
    expect(got.events.map((e) => e.type)).toEqual(['PROPOSE', 'SUBMIT', 'DECIDE', 'DECIDE'])
    expect(got.events.map((e) => e.id)).toEqual([1, 2, 3, 4])
    const resumed = new AbortController()
    aborts.push(resumed)
    const after = await frames(
      `${base}/initiatives/${initiativeId}/events`,
      { 'last-event-id': '2' },
      2,
      resumed,
    )
    expect(after.events.map((e) => e.seq)).toEqual([3, 4])
  })

  it('answers 404 for an unknown initiative and 400 for a bad Last-Event-ID', async () => {
    target = await kind.create()
    const engine = createEngine({ policy, store: target.open() })
    const base = await serve(engine)
    expect((await fetch(`${base}/initiatives/nobody/events`)).status).toBe(404)
    const { initiativeId } = await engine.propose({ by: 'minzifry', ...federal })
    expect(
      (await fetch(`${base}/initiatives/${initiativeId}/events`, { headers: { 'last-event-id': 'x' } }))
        .status,
    ).toBe(400)
  })
})
