import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { serveSettings } from '../../src/cli/serveCommand.js'
import { createServer } from '../../src/serve/createServer.js'
import { sqliteStore } from '../../src/stores/sqliteStore.js'
import { twokeys } from '../support/runCli.js'
import { proposal, ROOT, sign, signedEngine } from './serveFixture.js'

let dir: string
const at = (name: string) => join(dir, name)

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'twokeys-serve-'))
})
afterEach(() => {
  vi.unstubAllEnvs()
  rmSync(dir, { recursive: true, force: true })
})

/** The shipped two-keys policy with identity: signed, as a file. */
function signedPolicyFile(): string {
  const text = readFileSync(join(ROOT, 'machines/policies/two-keys.yaml'), 'utf8')
  writeFileSync(at('policy.yaml'), `${text.trimEnd()}\nidentity: signed\n`)
  return at('policy.yaml')
}

describe('twokeys serve settings', () => {
  it('takes flags over TWOKEYS_* over the config file over defaults; config paths are the file’s', () => {
    writeFileSync(
      at('serve.yaml'),
      'policy: policy.yaml\ndb: data/cfg.db\nhost: 0.0.0.0\nport: 1111\nlogLevel: warn\nauth:\n  jwksUrl: https://idp.example/jwks\n  principals: { user-17: oreshkin }\n',
    )
    const config = { config: at('serve.yaml') }
    expect(serveSettings(config)).toMatchObject({
      policy: at('policy.yaml'),
      db: at('data/cfg.db'),
      host: '0.0.0.0',
      port: 1111,
      logLevel: 'warn',
      allowUnsigned: false,
      auth: { reads: 'jwt', jwksUrl: 'https://idp.example/jwks', principals: { 'user-17': 'oreshkin' } },
    })
    vi.stubEnv('TWOKEYS_PORT', '2222')
    vi.stubEnv('TWOKEYS_DB', 'postgres://twokeys@db/twokeys')
    expect(serveSettings(config)).toMatchObject({ port: 2222, db: 'postgres://twokeys@db/twokeys' })
    expect(serveSettings({ ...config, port: '3333', db: 'flag.db' })).toMatchObject({
      port: 3333,
      db: 'flag.db',
    })
    vi.unstubAllEnvs()
    expect(serveSettings({ policy: 'p.yaml' })).toMatchObject({
      db: 'twokeys.db',
      host: '127.0.0.1',
      port: 8080,
      logLevel: 'info',
      auth: { reads: 'open' },
    })
  })

  it('refuses a bad config file, a missing policy, jwt reads without keys and a bad port', () => {
    writeFileSync(at('bad.yaml'), 'policy: p.yaml\nport: eighty\nlisten: yes\n')
    expect(() => serveSettings({ config: at('bad.yaml') })).toThrow(/config file .* is not valid:[\s\S]*port/)
    expect(() => serveSettings({})).toThrow(/no policy/)
    writeFileSync(at('jwt.yaml'), 'policy: p.yaml\nauth: { reads: jwt }\n')
    expect(() => serveSettings({ config: at('jwt.yaml') })).toThrow(/no JWKS/)
    expect(() => serveSettings({ policy: 'p.yaml', port: '70000' })).toThrow(/--port must be/)
  })

  it('refuses to start under a policy without identity: signed, and creates no database', async () => {
    const run = await twokeys(
      'serve',
      '--policy',
      join(ROOT, 'machines/policies/two-keys.yaml'),
      '--db',
      at('x.db'),
      '--port',
      '0',
    )
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/refusing to serve policy "two-keys": its identity is asserted, not signed/)
    expect(run.stderr).toMatch(/--allow-unsigned/)
    expect(existsSync(at('x.db'))).toBe(false)
  })
})

describe('closing', () => {
  it('stops accepting at once and finishes the requests in flight', async () => {
    const engine = await signedEngine()
    await engine.dispatch(proposal('kazan'))
    let release: () => void = () => {}
    let entered: () => void = () => {}
    const gate = new Promise<void>((r) => {
      release = r
    })
    const inside = new Promise<void>((r) => {
      entered = r
    })
    const slow = {
      ...engine,
      status: async (id: string) => {
        entered()
        await gate
        return engine.status(id)
      },
    }
    const app = await createServer({ engine: slow, rateLimit: false })
    await app.listen({ host: '127.0.0.1', port: 0 })
    const address = app.server.address()
    const url = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`
    const inFlight = fetch(`${url}/initiatives/kazan`)
    await inside
    const closed = app.close()
    await expect(fetch(`${url}/healthz`)).rejects.toThrow()
    release()
    const res = await inFlight
    expect(res.status).toBe(200)
    expect((await res.json()).initiativeId).toBe('kazan')
    await closed
  })
})

describe('twokeys serve, a real process on SQLite', () => {
  it('listens, serves the API, refuses an unsigned approval, takes a signed command, exits 0 on SIGTERM', async () => {
    const policy = signedPolicyFile()
    const db = at('twokeys.db')
    // The keyring is applied before the server starts (twokeys keys apply does the same).
    const setup = await signedEngine(sqliteStore(db))
    await setup.close()
    const ENTRY =
      "import { main } from './src/cli/main.ts'; await main(['node', 'twokeys', ...process.argv.slice(1)])"
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        ENTRY,
        'serve',
        '--policy',
        policy,
        '--db',
        db,
        '--port',
        '0',
        '--log-level',
        'info',
      ],
      { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } },
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString()
    })
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString()
        const found = /listening on (http:\/\/\S+)/.exec(stderr)
        if (found) resolve(found[1] as string)
      })
      void exited.then(() => reject(new Error(`serve exited early: ${stderr}`)))
    })
    expect(stderr).toMatch(/policy "two-keys", identity signed; store .*twokeys\.db; reads open/)

    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok' })
    expect(await (await fetch(`${url}/readyz`)).json()).toEqual({ status: 'ready', store: 'sqlite' })
    const doc = await (await fetch(`${url}/openapi.json`)).json()
    expect(doc.openapi).toBe('3.1.0')
    expect(Object.keys(doc.paths)).toContain('/commands')

    const postJson = (body: unknown) =>
      fetch(`${url}/commands`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    const proposed = await postJson(proposal('kazan-datacentre'))
    expect(proposed.status).toBe(201)
    expect((await proposed.json()).board.phase).toBe('draft')
    const unsigned = await postJson({
      type: 'decide',
      initiativeId: 'kazan-datacentre',
      commandId: 'unsigned-approval',
      by: 'oreshkin',
      key: 'presidential-administration',
      decision: 'approve',
    })
    expect(unsigned.status).toBe(401)
    expect((await unsigned.json()).code).toBe('UNAUTHENTICATED')
    const submitted = await postJson(
      sign({ type: 'submit', initiativeId: 'kazan-datacentre', commandId: 'k-submit', by: 'gov-tatarstan' }),
    )
    expect(submitted.status).toBe(201)

    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(stderr).toMatch(/SIGTERM: no new requests[\s\S]*twokeys serve stopped/)
    // Structured JSON logs on stdout, one request per line.
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { msg?: string; level: number })
    expect(lines.some((l) => l.msg === 'request completed')).toBe(true)
    // The store was closed cleanly and holds what was accepted.
    const after = sqliteStore(db)
    expect((await after.readEvents('kazan-datacentre')).map((e) => e.event.type)).toEqual([
      'PROPOSE',
      'SUBMIT',
    ])
    await after.close()
  }, 60_000)
})
