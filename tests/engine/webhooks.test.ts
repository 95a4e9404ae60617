import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createEngine } from '../../src/engine/createEngine.js'
import { manualClock } from '../../src/engine/systemClock.js'
import {
  type KeyAwaited,
  startWebhooks,
  type WebhookSender,
  webhookSignature,
} from '../../src/engine/webhookSender.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import {
  memoryTarget,
  postgresTarget,
  reportSkipped,
  type StoreTarget,
  sqliteTarget,
  targets,
} from '../stores/support/storeTargets.js'

const SECRET = 'a-secret-of-at-least-16'
const policy = loadPolicyFile('machines/policies/two-keys.yaml')
const federal = { title: 'GPU cluster', objective: 'infrastructure', scope: { kind: 'federal' as const } }

/** A receiver that checks each signature, and can be told to fail the next n deliveries. */
async function receiver() {
  const got: { payload: KeyAwaited; delivery: string; signed: boolean }[] = []
  let failNext = 0
  const read = async (req: IncomingMessage) => {
    let body = ''
    for await (const chunk of req) body += chunk
    return body
  }
  const server: Server = createServer(async (req, res) => {
    const body = await read(req)
    if (failNext > 0) {
      failNext--
      res.writeHead(503).end()
      return
    }
    got.push({
      payload: JSON.parse(body),
      delivery: String(req.headers['x-twokeys-delivery']),
      signed: req.headers['x-twokeys-signature'] === webhookSignature(SECRET, body),
    })
    res.writeHead(204).end()
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`
  return {
    url,
    got,
    failNext: (n: number) => {
      failNext = n
    },
    close: () => new Promise((r) => server.close(r)),
  }
}

const kinds = [memoryTarget, sqliteTarget, postgresTarget]
reportSkipped(kinds)

describe.each(targets(kinds))('webhooks for awaited keys ($name)', (kind) => {
  let target: StoreTarget | undefined
  const senders: WebhookSender[] = []
  const closers: (() => Promise<unknown>)[] = []
  afterEach(async () => {
    for (const s of senders.splice(0)) await s.stop()
    for (const c of closers.splice(0)) await c()
    await target?.dispose()
  })

  /** A submitted initiative on a fresh store, a receiving endpoint, and a sender with this backoff. */
  async function submittedWithWebhooks(backoff: number) {
    const opened = await kind.create()
    target = opened
    const hook = await receiver()
    closers.push(hook.close)
    const clock = manualClock('2026-03-01T09:00:00Z')
    const engine = createEngine({ policy, clock, store: opened.open() })
    const { initiativeId } = await engine.propose({ by: 'minzifry', ...federal })
    await engine.submit(initiativeId, { by: 'minzifry' })
    const sender = startWebhooks(engine, {
      url: hook.url,
      secret: SECRET,
      everyMs: 60_000,
      backoffMs: () => backoff,
    })
    senders.push(sender)
    return { hook, clock, engine, sender, initiativeId, reopen: () => opened.open() }
  }

  it('tells whose key is awaited, signed, once per event, retrying a failing endpoint in order', async () => {
    const { hook, clock, engine, sender, initiativeId, reopen } = await submittedWithWebhooks(0)
    hook.failNext(2)
    expect(await sender.round()).toBe(0) // 503: the cursor stays
    expect(await sender.round()).toBe(0)
    await sender.round()
    // Delivered in log order, each signed and named by its event's hash.
    const seqs = hook.got.map((g) => g.payload.seq)
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b))
    expect(hook.got.every((g) => g.signed)).toBe(true)
    expect(hook.got.every((g) => g.delivery === g.payload.delivery)).toBe(true)
    const last = hook.got.at(-1)?.payload
    expect(last?.awaiting.map((a) => a.key).sort()).toEqual([
      'government-apparatus',
      'presidential-administration',
    ])
    expect(last?.awaiting.find((a) => a.key === 'presidential-administration')?.waitingFor).toContain(
      'oreshkin',
    )
    const before = hook.got.length
    expect(await sender.round()).toBe(0) // nothing new: nothing sent again
    expect(hook.got).toHaveLength(before)
    // The sender stops (its instance is restarted); a new one carries on from the stored cursor.
    await sender.stop()
    await engine.decide(initiativeId, {
      by: 'oreshkin',
      key: 'presidential-administration',
      decision: 'approve',
    })
    const again = startWebhooks(createEngine({ policy, clock, store: reopen() }), {
      url: hook.url,
      secret: SECRET,
      everyMs: 60_000,
    })
    senders.push(again)
    expect(await again.round()).toBe(1)
    expect(hook.got.at(-1)?.payload.awaiting.map((a) => a.key)).toEqual(['government-apparatus'])
    expect(new Set(hook.got.map((g) => g.delivery)).size).toBe(hook.got.length)
  })

  it('delivers again, under the same delivery id, when the cursor could not be stored (at least once)', async () => {
    target = await kind.create()
    const hook = await receiver()
    closers.push(hook.close)
    const clock = manualClock('2026-03-01T09:00:00Z')
    const store = target.open()
    const log = store.log
    if (log === undefined) throw new Error('no log')
    let failCursor = true
    // The process "dies" right after the endpoint answered: the cursor write fails once.
    const flaky = {
      ...store,
      log: {
        ...log,
        setCursor: async (name: string, position: number) => {
          if (failCursor) {
            failCursor = false
            throw new Error('killed before the cursor was stored')
          }
          return log.setCursor(name, position)
        },
      },
    }
    const engine = createEngine({ policy, clock, store: flaky })
    const { initiativeId } = await engine.propose({ by: 'minzifry', ...federal })
    await engine.submit(initiativeId, { by: 'minzifry' })
    const sender = startWebhooks(engine, { url: hook.url, secret: SECRET, everyMs: 60_000 })
    senders.push(sender)
    await expect(sender.round()).rejects.toThrow(/killed/)
    await sender.round()
    const deliveries = hook.got.map((g) => g.delivery)
    expect(deliveries.length).toBeGreaterThan(new Set(deliveries).size) // one event twice…
    expect(deliveries[0]).toBe(deliveries[1]) // …under one delivery id, for the receiver to drop
  })

  it('waits out its backoff on the engine clock, not the wall clock', async () => {
    const { hook, clock, sender } = await submittedWithWebhooks(60_000)
    hook.failNext(1)
    expect(await sender.round()).toBe(0) // failed: retry due in a minute of engine time
    expect(await sender.round()).toBe(0) // not yet due: nothing sent
    expect(hook.got).toHaveLength(0)
    clock.advance({ ms: 60_000 })
    expect(await sender.round()).toBeGreaterThan(0)
  })

  it('refuses a short secret', async () => {
    target = await kind.create()
    const engine = createEngine({ policy, store: target.open() })
    expect(() => startWebhooks(engine, { url: 'http://127.0.0.1:1/', secret: 'short' })).toThrow(
      /shorter than 16/,
    )
  })
})
