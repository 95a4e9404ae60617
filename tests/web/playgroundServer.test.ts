import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPlayground } from '../../src/cli/playgroundCommand.js'
import { type PlaygroundServer, servePlayground } from '../../src/cli/playgroundServer.js'
import { isTwoKeysError } from '../../src/domain/TwoKeysError.js'

/** A raw GET (fetch would normalise `..` away): status, content type and body. */
function get(server: PlaygroundServer, path: string, method = 'GET') {
  return new Promise<{ status: number; type: string; body: string }>((done, fail) => {
    const req = request({ host: server.host, port: server.port, path, method }, (res) => {
      let body = ''
      res.on('data', (d: Buffer) => {
        body += d.toString()
      })
      res.on('end', () =>
        done({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }),
      )
    })
    req.on('error', fail)
    req.end()
  })
}

describe('the playground server', () => {
  const root = mkdtempSync(join(tmpdir(), 'twokeys-web-'))
  let server: PlaygroundServer
  beforeAll(async () => {
    mkdirSync(join(root, 'assets'))
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>t</title>')
    writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)')
    writeFileSync(join(root, '..', 'twokeys-secret.txt'), 'TOP-SECRET-CONTENT')
    server = await servePlayground({ root, port: 0 })
  })
  afterAll(async () => {
    await server.close()
    rmSync(root, { recursive: true, force: true })
    rmSync(join(root, '..', 'twokeys-secret.txt'), { force: true })
  })

  it('listens on 127.0.0.1 on a free port and says where', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(server.port).toBeGreaterThan(0)
  })

  it('serves the page at / and its assets with their types', async () => {
    expect(await get(server, '/')).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' })
    expect(await get(server, '/assets/index-abc.js')).toMatchObject({
      status: 200,
      type: 'text/javascript; charset=utf-8',
      body: 'console.log(1)',
    })
    expect(await get(server, '/assets/index-abc.js', 'HEAD')).toMatchObject({ status: 200, body: '' })
  })

  it('serves nothing outside its folder, and only GET and HEAD', async () => {
    for (const path of ['/../twokeys-secret.txt', '/%2e%2e/twokeys-secret.txt', '/..%2ftwokeys-secret.txt']) {
      const response = await get(server, path)
      expect(response.status, path).not.toBe(200)
      expect(response.body).not.toContain('TOP-SECRET-CONTENT')
    }
    expect((await get(server, '/..%2ftwokeys-secret.txt')).status).toBe(400)
    expect((await get(server, '/%E0%A4%A')).status).toBe(400)
    expect((await get(server, '/missing.js')).status).toBe(404)
    expect((await get(server, '/', 'POST')).status).toBe(405)
  })

  it('explains how to build the page when it is missing, and a port in use', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'twokeys-empty-'))
    try {
      await expect(startPlayground({ port: 0, host: '127.0.0.1', root: empty })).rejects.toThrow(
        /the playground page is not built .*index\.html is missing.*npm run build:web/,
      )
      const error = await startPlayground({ port: server.port, host: '127.0.0.1', root }).catch((e) => e)
      expect(isTwoKeysError(error) && error.message).toMatch(
        new RegExp(`port ${server.port} on 127.0.0.1 is already in use; pick another with --port N`),
      )
    } finally {
      rmSync(empty, { recursive: true, force: true })
    }
  })
})

// `twokeys playground` as its own process, from source, serving the built web/dist (npm ci builds it).
const built = existsSync('web/dist/index.html')
if (!built && process.env.CI === undefined) {
  console.warn(
    'tests/web: the `twokeys playground` process test is SKIPPED: web/dist is not built (npm run build:web)',
  )
}
describe.skipIf(!built && process.env.CI === undefined)('twokeys playground', () => {
  it('prints its address, serves the page, and stops on Ctrl-C', async () => {
    const entry =
      "import { main } from './src/cli/main.ts'; await main(['node', 'twokeys', ...process.argv.slice(1)])"
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', entry, 'playground', '--port', '0'],
      { env: { ...process.env, NO_COLOR: '1' } },
    )
    let stdout = ''
    const address = await new Promise<string>((done, fail) => {
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString()
        const found = /twokeys playground on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(stdout)
        if (found !== null) done(found[1] as string)
      })
      child.on('close', (code) => fail(new Error(`exited ${code} before listening: ${stdout}`)))
    })
    const page = await fetch(address)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('twokeys playground')
    const exit = new Promise<number | null>((done) => child.on('close', done))
    child.kill('SIGINT')
    expect(await exit).toBe(0)
    expect(stdout).toContain('stopped')
  })
})
