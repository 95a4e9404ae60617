import type { Engine } from '../engine/createEngine.js'
import { startDeadlineTicker } from '../engine/deadlineTicker.js'
import { startWebhooks } from '../engine/webhookSender.js'
import { publishCheckpoint } from '../log/publishCheckpoint.js'
import { requestCosignatures } from '../log/requestCosignatures.js'
import type { NoteSigner } from '../tlog/noteKey.js'
import type { WitnessList } from '../tlog/witnessList.js'
import type { ServeMetrics } from './serveMetrics.js'

export interface BackgroundOptions {
  engine: Engine
  metrics: ServeMetrics
  /** Look for passed deadlines this often (ms); 0 turns the ticker off. */
  tickEveryMs: number
  webhooks: { url: string; secret: string }[]
  /** Publish a checkpoint (and ask the witnesses) this often, when the log's key is given. */
  checkpoints?: { signer: NoteSigner; witnesses?: WitnessList; everyMs: number }
  log(level: 'info' | 'warn' | 'error', message: string, detail?: object): void
}

/**
 * What a service does without being asked: fire passed deadlines, tell webhooks whose key is
 * awaited, publish checkpoints for the witnesses. Every job runs on every instance; the store's
 * advisory locks let one instance at a time do each, so the work is done once and survives the
 * loss of any instance.
 */
export function startBackgroundJobs(options: BackgroundOptions): { stop(): Promise<void> } {
  const { engine, metrics, log } = options
  const stops: (() => Promise<void>)[] = []
  if (options.tickEveryMs > 0) {
    const ticker = startDeadlineTicker(engine, {
      everyMs: options.tickEveryMs,
      onFired: (fired) => {
        for (const { receipt, lagMs } of fired) {
          metrics.deadlineLag.observe(lagMs / 1000)
          log('info', 'deadline recorded', { initiativeId: receipt.initiativeId, seq: receipt.seq, lagMs })
        }
      },
      onError: (error) => log('error', 'deadline ticker round failed', { err: String(error) }),
    })
    stops.push(() => ticker.stop())
  }
  for (const hook of options.webhooks) {
    const sender = startWebhooks(engine, {
      url: hook.url,
      secret: hook.secret,
      onDelivered: () => metrics.webhooks.inc({ outcome: 'delivered' }),
      onFailed: (payload, attempt, reason) => {
        metrics.webhooks.inc({ outcome: 'failed' })
        log('warn', 'webhook delivery failed; retrying with backoff', {
          url: hook.url,
          delivery: payload.delivery,
          attempt,
          reason,
        })
      },
    })
    stops.push(() => sender.stop())
  }
  const checkpoints = options.checkpoints
  if (checkpoints !== undefined) {
    let stopped = false
    let running: Promise<void> | undefined
    const round = async () => {
      const published = await publishCheckpoint(engine.store, checkpoints.signer)
      if (checkpoints.witnesses === undefined) return
      const { answers } = await requestCosignatures(engine.store, checkpoints.witnesses)
      for (const a of answers)
        log(a.ok ? 'info' : 'warn', `witness ${a.institution}: ${a.message}`, {
          size: published.size,
          status: a.status,
        })
    }
    const timer = setInterval(() => {
      if (stopped || running !== undefined) return
      running = round()
        .catch((error) => log('error', 'checkpoint round failed', { err: String(error) }))
        .finally(() => {
          running = undefined
        })
    }, checkpoints.everyMs)
    timer.unref()
    stops.push(async () => {
      stopped = true
      clearInterval(timer)
      await running
    })
  }
  return {
    async stop() {
      await Promise.all(stops.map((s) => s()))
    },
  }
}
