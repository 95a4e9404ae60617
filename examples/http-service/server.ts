/**
 * twokeys inside your own Fastify app: the service's routes mounted under /governance next to your
 * own routes, with the deadlines fired in the background. Every write is a command signed by its
 * actor (POST /governance/commands); reads, proofs, OpenAPI and metrics come with it.
 *
 *   npx tsx examples/http-service/server.ts     # listens on $PORT (default 3000)
 *   curl localhost:3000/governance/openapi.json
 *
 * In your own project import from 'twokeys' and 'twokeys/serve' instead of '../../src/…'.
 */
import { fileURLToPath, pathToFileURL } from 'node:url'
import Fastify, { type FastifyInstance } from 'fastify'
import {
  createEngine,
  type Engine,
  firstKeyringChange,
  loadPolicyFile,
  loadPrivateKeyFiles,
  memoryStore,
} from '../../src/index.js'
import { createServeMetrics, startBackgroundJobs, twokeysRoutes } from '../../src/serve/index.js'

/** Your app, with the twokeys service mounted under `/governance`. */
export async function createApp(engine: Engine): Promise<FastifyInstance> {
  const app = Fastify()
  app.get('/', async () => ({ service: 'the ministry portal', governance: '/governance/docs' }))
  const metrics = createServeMetrics()
  await app.register(twokeysRoutes, { engine, metrics, prefix: '/governance' })
  const jobs = startBackgroundJobs({ engine, metrics, tickEveryMs: 1000, webhooks: [], log: () => {} })
  app.addHook('onClose', () => jobs.stop())
  return app
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = fileURLToPath(new URL('../..', import.meta.url))
  const policy = { ...loadPolicyFile(`${root}/machines/policies/two-keys.yaml`), identity: 'signed' as const }
  const engine = createEngine({ policy, store: memoryStore() })
  // The published demo keys: fine for a demonstration, never for real decisions.
  const keys = loadPrivateKeyFiles(`${root}/examples/demo-keys`)
  await engine.changeKeyring(firstKeyringChange(policy, keys, '2020-01-01T00:00:00Z'))
  const app = await createApp(engine)
  const address = await app.listen({ port: Number(process.env.PORT ?? 3000) })
  console.log(`listening on ${address}; the governance API is at ${address}/governance/docs`)
}
