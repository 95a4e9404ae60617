import { createHash, createHmac } from 'node:crypto'
import type { Engine } from './createEngine.js'
import { engineError } from './engineMessages.js'
import type { Clock } from './systemClock.js'

/** What a webhook receives: one event after which some key is awaited, and who can turn it. */
export interface KeyAwaited {
  /** The event's hash: one delivery per event, so a receiver drops the repeats of at-least-once. */
  delivery: string
  initiativeId: string
  seq: number
  event: string
  at: string
  title: string | null
  awaiting: { key: string; label: string; waitingFor: string[] }[]
}

type Fetch = (
  url: string,
  init: { method: 'POST'; body: string; headers: Record<string, string>; signal?: AbortSignal },
) => Promise<{ status: number }>

export interface WebhookOptions {
  url: string
  /** The shared secret: each body is signed with HMAC-SHA256 (`x-twokeys-signature: sha256=<hex>`). */
  secret: string
  /** How often to look for new events (an append heard through `store.watch` wakes it sooner). */
  everyMs?: number
  /** Wait before the n-th retry of a failed delivery; by default 1 s, 2 s, 4 s … at most 5 minutes. */
  backoffMs?(attempt: number): number
  fetch?: Fetch
  /** The time, for retry backoff; the engine's clock by default. */
  clock?: Clock
  onDelivered?(payload: KeyAwaited): void
  onFailed?(payload: KeyAwaited, attempt: number, reason: string): void
}

export interface WebhookSender {
  /** Delivers what is due now; resolves to how many were delivered. */
  round(): Promise<number>
  stop(): Promise<void>
}

/** `sha256=<hex>` of the body under the secret: what a receiver recomputes to trust a delivery. */
export function webhookSignature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`
}

const defaultBackoff = (attempt: number) => Math.min(300_000, 1000 * 2 ** Math.max(0, attempt - 1))

/**
 * Tells an endpoint, event by event in log order, whenever a key is awaited after an event (who
 * can turn it). Delivery is at least once: the sender's place in the log is stored (a cursor) only
 * after the endpoint answered 2xx, so a crash between the two repeats the delivery — with the same
 * `delivery` id (the event hash), by which the receiver drops repeats. A failing endpoint is
 * retried with backoff, in order; later events wait for it. On PostgreSQL one instance sends at a
 * time (an advisory lock); the cursor is shared.
 *
 * @example
 * startWebhooks(engine, { url: 'https://hooks.example/twokeys', secret: process.env.HOOK_SECRET! })
 */
export function startWebhooks(engine: Engine, options: WebhookOptions): WebhookSender {
  const maybeLog = engine.store.log
  if (maybeLog === undefined)
    throw engineError('CONFIG_INVALID', 'engine.webhookNoLog', { store: engine.store.kind })
  if (options.secret.length < 16) throw engineError('CONFIG_INVALID', 'engine.webhookSecretShort', {})
  const log = maybeLog
  const name = `webhook:${createHash('sha256').update(options.url).digest('hex').slice(0, 16)}`
  const doFetch = options.fetch ?? (globalThis.fetch as unknown as Fetch)
  const backoff = options.backoffMs ?? defaultBackoff
  const clock = options.clock ?? engine.clock
  let attempt = 0
  let retryAt = 0
  let stopped = false
  let current: Promise<number> | undefined
  let timer: ReturnType<typeof setTimeout> | undefined

  async function payloadAt(index: number): Promise<KeyAwaited | undefined> {
    const [leaf] = await log.leaves(index, index + 1)
    if (leaf === undefined) return undefined
    const [event] = await engine.store.readEvents(leaf.initiativeId, leaf.seq - 1)
    if (event === undefined) return undefined
    const board = await engine.status(leaf.initiativeId)
    const awaiting = board.keys
      .filter((k) => k.status === 'pending' && k.waitingFor.length > 0)
      .map((k) => ({ key: k.key, label: k.label, waitingFor: k.waitingFor }))
    if (awaiting.length === 0) return undefined
    return {
      delivery: event.hash,
      initiativeId: leaf.initiativeId,
      seq: leaf.seq,
      event: event.event.type,
      at: new Date(event.event.at).toISOString(),
      title: board.title,
      awaiting,
    }
  }

  async function deliver(payload: KeyAwaited): Promise<string | undefined> {
    const body = JSON.stringify(payload)
    try {
      const response = await doFetch(options.url, {
        method: 'POST',
        body,
        headers: {
          'content-type': 'application/json',
          'x-twokeys-delivery': payload.delivery,
          'x-twokeys-signature': webhookSignature(options.secret, body),
        },
        signal: AbortSignal.timeout(10_000),
      })
      return response.status >= 200 && response.status < 300 ? undefined : `answered ${response.status}`
    } catch (error) {
      return error instanceof Error ? error.message : String(error)
    }
  }

  async function send(): Promise<number> {
    if (clock() < retryAt) return 0
    let delivered = 0
    const size = await log.size()
    for (let index = await log.cursor(name); index < size && !stopped; index++) {
      const payload = await payloadAt(index)
      if (payload !== undefined) {
        const failure = await deliver(payload)
        if (failure !== undefined) {
          attempt++
          retryAt = clock() + backoff(attempt)
          options.onFailed?.(payload, attempt, failure)
          return delivered
        }
        attempt = 0
        delivered++
        options.onDelivered?.(payload)
      }
      await log.setCursor(name, index + 1)
    }
    return delivered
  }

  function round(): Promise<number> {
    current ??= log
      .exclusive(name, send)
      .then((r) => (r.ran ? r.value : 0))
      .finally(() => {
        current = undefined
      })
    return current
  }

  const everyMs = options.everyMs ?? 1000
  function schedule(): void {
    if (stopped) return
    timer = setTimeout(async () => {
      await round().catch(() => undefined)
      schedule()
    }, everyMs)
    timer.unref?.()
  }
  schedule()
  const unwatch = engine.store.watch?.(() => {
    if (!stopped) round().catch(() => undefined)
  })

  return {
    round,
    async stop() {
      stopped = true
      unwatch?.()
      if (timer !== undefined) clearTimeout(timer)
      await current?.catch(() => undefined)
    },
  }
}
