import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'

/** The server's Prometheus metrics, in a registry of its own (two servers in a process do not clash). */
export interface ServeMetrics {
  registry: Registry
  /** Commands by type and outcome: accepted, replayed, refused, invalid, unauthenticated, failed. */
  commands: Counter<'type' | 'outcome'>
  /** Time from a command's arrival to its answer, by type. */
  latency: Histogram<'type'>
  /** Refused commands by error code. */
  refusals: Counter<'code'>
  /** Every HTTP answer, by method, route pattern and status. */
  requests: Counter<'method' | 'route' | 'status'>
  /** How late each deadline fired after its due instant (the ticker's lag). */
  deadlineLag: Histogram
  /** Webhook deliveries by outcome: delivered, failed (each failed attempt). */
  webhooks: Counter<'outcome'>
  /** Server-Sent Events clients connected now. */
  sseClients: Gauge
}

export function createServeMetrics(): ServeMetrics {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  return {
    registry,
    commands: new Counter({
      name: 'twokeys_commands_total',
      help: 'Commands received, by type and outcome',
      labelNames: ['type', 'outcome'],
      registers: [registry],
    }),
    latency: new Histogram({
      name: 'twokeys_command_duration_seconds',
      help: 'Time to answer a command, by type',
      labelNames: ['type'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    refusals: new Counter({
      name: 'twokeys_refusals_total',
      help: 'Commands refused, by error code',
      labelNames: ['code'],
      registers: [registry],
    }),
    requests: new Counter({
      name: 'twokeys_http_requests_total',
      help: 'HTTP requests answered, by method, route and status',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    deadlineLag: new Histogram({
      name: 'twokeys_deadline_lag_seconds',
      help: 'How long after its due instant a deadline was recorded',
      buckets: [0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300],
      registers: [registry],
    }),
    webhooks: new Counter({
      name: 'twokeys_webhook_deliveries_total',
      help: 'Webhook deliveries by outcome (failed counts each failed attempt)',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    sseClients: new Gauge({
      name: 'twokeys_sse_clients',
      help: 'Server-Sent Events clients connected',
      registers: [registry],
    }),
  }
}

/**
 * The per-request metrics by their labels, each labelled child made once and kept: a request then
 * costs a map lookup, not a label object hashed and checked per metric. The labels come from closed
 * sets (command types, outcomes, route patterns, methods, statuses), so the maps stay small.
 */
export function labelledMetrics(metrics: ServeMetrics) {
  const commands = new Map<string, { inc(): void }>()
  const latencies = new Map<string, { observe(seconds: number): void }>()
  const requests = new Map<string, { inc(): void }>()
  return {
    command(type: string, outcome: string) {
      const key = `${type} ${outcome}`
      let child = commands.get(key)
      if (child === undefined) {
        child = metrics.commands.labels({ type, outcome })
        commands.set(key, child)
      }
      return child
    },
    latency(type: string) {
      let child = latencies.get(type)
      if (child === undefined) {
        child = metrics.latency.labels({ type })
        latencies.set(type, child)
      }
      return child
    },
    request(method: string, route: string, status: number) {
      const key = `${method} ${route} ${status}`
      let child = requests.get(key)
      if (child === undefined) {
        child = metrics.requests.labels({ method, route, status: String(status) })
        requests.set(key, child)
      }
      return child
    },
  }
}
