import type { Engine } from './createEngine.js'
import type { Receipt } from './LazyReceipt.js'
import type { Clock } from './systemClock.js'

export interface DeadlineTickerOptions {
  /** How often to look for passed deadlines; 1000 ms by default. The documented lag is about this. */
  everyMs?: number
  /** Told of each round that fired something: the receipts and, per receipt, how late it fired. */
  onFired?(fired: { receipt: Receipt; lagMs: number }[]): void
  /** The time, to measure lag; the engine's clock by default (the core never reads the time itself). */
  clock?: Clock
  /** Told of a round that failed (a broken initiative, a lost database); the ticker goes on. */
  onError?(error: unknown): void
}

export interface DeadlineTicker {
  /** Runs one round now (tests; the schedule calls it too). Resolves to what was fired. */
  round(): Promise<Receipt[]>
  /** Stops the schedule and waits for a round in progress. */
  stop(): Promise<void>
}

/**
 * Fires passed deadlines without anyone calling `tick`: every `everyMs`, one engine among all
 * those sharing the store (on PostgreSQL: one instance at a time, by an advisory lock released if
 * its process dies) runs `engine.tick()`. Each deadline still fires exactly once — a TICK is an
 * event appended under the initiative's head, so a second instance ticking the same deadline gets
 * CONFLICT and finds it already applied — and within about `everyMs` of its due time (each TICK
 * is stamped with its due instant, not the time it was noticed).
 *
 * @example
 * const ticker = startDeadlineTicker(engine, { everyMs: 1000 })
 * process.on('SIGTERM', () => ticker.stop())
 */
export function startDeadlineTicker(engine: Engine, options: DeadlineTickerOptions = {}): DeadlineTicker {
  const everyMs = options.everyMs ?? 1000
  const clock = options.clock ?? engine.clock
  let stopped = false
  let current: Promise<Receipt[]> | undefined
  let timer: ReturnType<typeof setTimeout> | undefined

  async function tickOnce(): Promise<Receipt[]> {
    const started = clock()
    const log = engine.store.log
    const receipts =
      log === undefined
        ? await engine.tick()
        : await log.exclusive('deadlines', () => engine.tick()).then((r) => (r.ran ? r.value : []))
    if (receipts.length > 0)
      options.onFired?.(
        receipts.map((receipt) => ({ receipt, lagMs: Math.max(0, started - receipt.event.event.at) })),
      )
    return receipts
  }

  function round(): Promise<Receipt[]> {
    current ??= tickOnce().finally(() => {
      current = undefined
    })
    return current
  }

  function schedule(): void {
    if (stopped) return
    timer = setTimeout(async () => {
      try {
        await round()
      } catch (error) {
        options.onError?.(error)
      }
      schedule()
    }, everyMs)
    // A ticker alone must not keep a process alive that has nothing else to do.
    timer.unref?.()
  }
  schedule()

  return {
    round,
    async stop() {
      stopped = true
      if (timer !== undefined) clearTimeout(timer)
      await current?.catch(() => undefined)
    },
  }
}
