import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import type { NetworkInterfaceInfo } from 'node:os'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { playgroundUrls, startPlayground } from '../../src/cli/playgroundCommand.js'
import { type PlaygroundServer, pickEncoding, servePlayground } from '../../src/cli/playgroundServer.js'
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

/** A raw GET with an `Accept-Encoding`: status, headers and the body's bytes as sent. */
function fetchRaw(server: PlaygroundServer, path: string, acceptEncoding?: string, method = 'GET') {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((done, fail) => {
    const headers = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }
    const req = request({ host: server.host, port: server.port, path, method, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (d: Buffer) => chunks.push(d))
      res.on('end', () =>
        done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      )
    })
    req.on('error', fail)
    req.end()
  })
}

const BIG_SCRIPT = `export const words = ${JSON.stringify(Array.from({ length: 2000 }, (_, i) => `word ${i % 50}`))}\n`

describe('the playground server', () => {
  const root = mkdtempSync(join(tmpdir(), 'twokeys-web-'))
  let server: PlaygroundServer
  beforeAll(async () => {
    mkdirSync(join(root, 'assets'))
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>t</title>')
    writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)')
    writeFileSync(join(root, 'assets', 'big-abc.js'), BIG_SCRIPT)
    writeFileSync(join(root, 'assets', 'key-abc.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]))
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

  it('sends text compressed as the request allows (brotli, else gzip, else none), and says so', async () => {
    const br = await fetchRaw(server, '/assets/big-abc.js', 'gzip, deflate, br')
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers.vary).toBe('Accept-Encoding')
    expect(Number(br.headers['content-length'])).toBe(br.body.length)
    expect(br.body.length).toBeLessThan(BIG_SCRIPT.length / 5)
    expect(brotliDecompressSync(br.body).toString()).toBe(BIG_SCRIPT)
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable')

    const gz = await fetchRaw(server, '/assets/big-abc.js', 'gzip;q=1.0, br;q=0')
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gz.body).toString()).toBe(BIG_SCRIPT)

    const plain = await fetchRaw(server, '/assets/big-abc.js')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.headers.vary).toBe('Accept-Encoding')
    expect(plain.body.toString()).toBe(BIG_SCRIPT)

    // The page itself too, and HEAD tells the compressed length without a body.
    const page = await fetchRaw(server, '/', 'br')
    expect(brotliDecompressSync(page.body).toString()).toBe('<!doctype html><title>t</title>')
    const head = await fetchRaw(server, '/assets/big-abc.js', 'br', 'HEAD')
    expect(head.headers['content-length']).toBe(br.headers['content-length'])
    expect(head.body.length).toBe(0)

    // Images are compressed already: sent as they are, with no Vary.
    const png = await fetchRaw(server, '/assets/key-abc.png', 'br, gzip')
    expect(png.headers['content-encoding']).toBeUndefined()
    expect(png.headers.vary).toBeUndefined()
    expect(png.body.length).toBe(7)
  })

  it('reads Accept-Encoding with its weights', () => {
    expect(pickEncoding('gzip, deflate, br, zstd')).toBe('br')
    expect(pickEncoding('gzip')).toBe('gzip')
    expect(pickEncoding('br;q=0, gzip;q=0.5')).toBe('gzip')
    expect(pickEncoding('*')).toBe('br')
    expect(pickEncoding('*;q=0, gzip')).toBe('gzip')
    expect(pickEncoding('identity')).toBe('identity')
    expect(pickEncoding(undefined)).toBe('identity')
    expect(pickEncoding('br;q=0, gzip;q=0')).toBe('identity')
  })

  it('tells a class the machine’s network addresses when it listens on every address', () => {
    const nic = (address: string, family: 'IPv4' | 'IPv6', internal: boolean): NetworkInterfaceInfo =>
      ({ address, family, internal, netmask: '', mac: '', cidr: null }) as NetworkInterfaceInfo
    const interfaces = {
      lo: [nic('127.0.0.1', 'IPv4', true), nic('::1', 'IPv6', true)],
      eth0: [nic('192.168.1.23', 'IPv4', false), nic('fe80::1', 'IPv6', false)],
      wlan0: [nic('10.0.0.7', 'IPv4', false)],
    }
    expect(playgroundUrls('0.0.0.0', 4321, interfaces)).toEqual([
      'http://192.168.1.23:4321',
      'http://10.0.0.7:4321',
    ])
    expect(playgroundUrls('::', 80, interfaces)).toEqual(['http://192.168.1.23:80', 'http://10.0.0.7:80'])
    expect(playgroundUrls('0.0.0.0', 4321, { lo: interfaces.lo })).toEqual(['http://127.0.0.1:4321'])
    expect(playgroundUrls('127.0.0.1', 4321, interfaces)).toEqual(['http://127.0.0.1:4321'])
    expect(playgroundUrls('::1', 4321, interfaces)).toEqual(['http://[::1]:4321'])
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
