import { validate } from '@readme/openapi-parser'
// ajv comes with fastify (and the OpenAPI parser); its 2020-12 build reads OpenAPI 3.1 schemas.
import { Ajv2020 } from 'ajv/dist/2020.js'
import type { OpenAPIV3_1 } from 'openapi-types'
import { beforeAll, describe, expect, it } from 'vitest'
import type { CommandInput } from '../../src/domain/Command.js'
import { publishCheckpoint } from '../../src/log/publishCheckpoint.js'
import { generateNoteSigner } from '../../src/tlog/noteKey.js'
import { parseTlogProof } from '../../src/tlog/tlogProof.js'
import { proposal, sign, signedServer } from './serveFixture.js'

type App = Awaited<ReturnType<typeof signedServer>>['app']
let app: App
let doc: OpenAPIV3_1.Document
let revision: string

/** A valid request for each operation of the document, by operationId. */
const REQUESTS: Record<
  string,
  () => { params?: Record<string, string>; query?: Record<string, string>; body?: CommandInput }
> = {
  postCommand: () => ({
    body: sign({
      type: 'decide',
      initiativeId: 'kazan',
      commandId: 'kazan-ga',
      by: 'grigorenko',
      key: 'government-apparatus',
      decision: 'approve',
      revision,
    }),
  }),
  postTick: () => ({}),
  listInitiatives: () => ({}),
  getStatus: () => ({ params: { id: 'kazan' } }),
  explainCommand: () => ({
    params: { id: 'kazan' },
    query: { type: 'decide', by: 'grigorenko', key: 'government-apparatus', decision: 'approve' },
  }),
  getHistory: () => ({ params: { id: 'kazan' } }),
  streamEvents: () => ({ params: { id: 'kazan' }, query: { follow: 'false' } }),
  getEventProof: () => ({ params: { id: 'kazan', seq: '1' } }),
  getSecurityLog: () => ({ query: { initiative: 'kazan' } }),
  getLatestCheckpoint: () => ({}),
  health: () => ({}),
  ready: () => ({}),
  metrics: () => ({}),
}

beforeAll(async () => {
  const server = await signedServer()
  app = server.app
  expect(
    (await app.inject({ method: 'POST', url: '/commands', payload: proposal('kazan') })).statusCode,
  ).toBe(201)
  const submitted = await app.inject({
    method: 'POST',
    url: '/commands',
    payload: sign({ type: 'submit', initiativeId: 'kazan', commandId: 'kazan-submit', by: 'gov-tatarstan' }),
  })
  revision = submitted.json().board.revision.hash
  await publishCheckpoint(server.engine.store, generateNoteSigner('log.example/twokeys'))
  doc = (await app.inject({ url: '/openapi.json' })).json()
})

describe('GET /openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    expect(doc.openapi).toBe('3.1.0')
    const result = await validate(structuredClone(doc) as never)
    expect(result.valid ? [] : result.errors).toEqual([])
    expect(result.valid).toBe(true)
  })

  it('refuses a broken document (the validator can fail)', async () => {
    const broken = structuredClone(doc) as unknown as { paths: Record<string, Record<string, unknown>> }
    ;(broken.paths['/healthz'] as Record<string, unknown>).get = { responses: 'none' }
    expect((await validate(broken as never)).valid).toBe(false)
  })

  it('describes the body of POST /commands as exactly what signCommand produces', () => {
    const body = doc.paths?.['/commands']?.post?.requestBody as OpenAPIV3_1.RequestBodyObject
    const schema = body.content['application/json']?.schema as object
    const check = new Ajv2020({ strict: false }).compile(schema)
    expect(check(REQUESTS.postCommand?.().body)).toBe(true)
    expect(check({ ...(REQUESTS.postCommand?.().body as object), extra: 1 })).toBe(false)
  })

  it('answers every operation it lists, each as its responses say', async () => {
    const ajv = new Ajv2020({ strict: false })
    const operations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
      (['get', 'post', 'put', 'patch', 'delete'] as const)
        .filter((m) => item?.[m] !== undefined)
        .map((method) => ({ path, method, op: item?.[method] as OpenAPIV3_1.OperationObject })),
    )
    // Every route is in the document and every route of the document has a request here.
    expect(operations.map((o) => o.op.operationId).sort()).toEqual(Object.keys(REQUESTS).sort())
    expect(operations.map((o) => `${o.method.toUpperCase()} ${o.path}`)).toEqual(
      expect.arrayContaining(['POST /commands', 'GET /initiatives/{id}/events/{seq}/proof', 'GET /metrics']),
    )
    for (const { path, method, op } of operations) {
      const request = REQUESTS[op.operationId as string]?.() ?? {}
      const parameters = (op.parameters ?? []) as OpenAPIV3_1.ParameterObject[]
      for (const p of parameters.filter((p) => p.required === true)) {
        const given = p.in === 'path' ? request.params?.[p.name] : request.query?.[p.name]
        expect(given, `${op.operationId}: required ${p.in} parameter ${p.name}`).toBeDefined()
      }
      const url =
        path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(request.params?.[name] ?? '')) +
        (request.query === undefined ? '' : `?${new URLSearchParams(request.query)}`)
      const res = await app.inject({
        method: method.toUpperCase() as 'GET' | 'POST',
        url,
        ...(request.body === undefined ? {} : { payload: request.body as object }),
      })
      const where = `${method.toUpperCase()} ${url} → ${res.statusCode} ${res.body.slice(0, 200)}`
      expect(res.statusCode, where).toBeGreaterThanOrEqual(200)
      expect(res.statusCode, where).toBeLessThan(300)
      const declared = op.responses?.[String(res.statusCode)] as OpenAPIV3_1.ResponseObject | undefined
      expect(declared, `${where}: status not in the document`).toBeDefined()
      const type = String(res.headers['content-type']).split(';')[0] as string
      const media = declared?.content?.[type === 'text/plain' ? 'text/plain' : type]
      expect(media, `${where}: ${type} not in the document`).toBeDefined()
      if (type === 'application/json') {
        const check = ajv.compile(media?.schema as object)
        expect(check(res.json()), `${where}: ${JSON.stringify(check.errors)}`).toBe(true)
      }
    }
  })

  it('serves a proof that parses, the checkpoint it names, and browsable docs', async () => {
    const proof = await app.inject({ url: '/initiatives/kazan/events/2/proof' })
    const parsed = parseTlogProof(proof.body)
    expect(typeof parsed).toBe('object')
    const checkpoint = await app.inject({ url: '/checkpoints/latest' })
    expect(checkpoint.body).toMatch(/^log\.example\/twokeys\n\d+\n/)
    expect(proof.body.endsWith(checkpoint.body)).toBe(true)
    expect((await app.inject({ url: '/initiatives/kazan/events/99/proof' })).statusCode).toBe(404)
    expect((await app.inject({ url: '/initiatives/kazan/events/0/proof' })).statusCode).toBe(400)
    const docs = await app.inject({ url: '/docs' })
    expect(docs.statusCode).toBe(200)
    expect(docs.body).toMatch(/swagger/i)
  })

  it('answers unknown routes and ids with the error body', async () => {
    const none = await app.inject({ url: '/nowhere' })
    expect(none.statusCode).toBe(404)
    expect(none.json()).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/openapi\.json/) })
    expect((await app.inject({ url: '/initiatives/nobody' })).json()).toMatchObject({ code: 'NOT_FOUND' })
    expect((await app.inject({ url: '/initiatives/bad%20id' })).statusCode).toBe(400)
    const explain = await app.inject({ url: '/initiatives/kazan/explain?type=decide' })
    expect(explain.statusCode).toBe(400)
    expect(explain.json().issues[0].path).toEqual(['by'])
  })
})
