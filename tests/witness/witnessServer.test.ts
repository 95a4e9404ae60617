import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { verifyCosignatures } from '../../src/tlog/checkpoint.js'
import { signerFromSeed, verifierKeyOf } from '../../src/tlog/noteKey.js'
import { NOTE_ED25519 } from '../../src/tlog/signedNote.js'
import { createWitness } from '../../src/witness/witness.js'
import { startWitnessServer, type WitnessServer } from '../../src/witness/witnessServer.js'
import { loadWitnessState } from '../../src/witness/witnessStateFile.js'
import { body, makeLog, ORIGIN, paWitness, seed, vkeyOf } from './logFixture.js'

let dir: string
let statePath: string
const servers: WitnessServer[] = []
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'twokeys-witness-http-'))
  statePath = join(dir, 'state.json')
})
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
  rmSync(dir, { recursive: true, force: true })
})

/** A pa witness trusting `log`, over the state file, served on a free loopback port. */
async function serve(log: ReturnType<typeof makeLog>, init = false): Promise<WitnessServer> {
  const state = loadWitnessState(statePath, { witness: paWitness.name, init })
  const witness = createWitness({ signer: paWitness, logKeys: [log.vkey], statePath, state })
  const server = await startWitnessServer(witness, { host: '127.0.0.1', port: 0 })
  servers.push(server)
  return server
}

async function post(server: WitnessServer, text: string, path = '/add-checkpoint') {
  const res = await fetch(`${server.url}${path}`, { method: 'POST', body: text })
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() }
}

const stateOnDisk = () => JSON.parse(readFileSync(statePath, 'utf8'))

describe('the witness over HTTP (c2sp.org/tlog-witness)', () => {
  it('names itself at GET /, cosigns a first checkpoint and an extension, and each cosignature verifies', async () => {
    const log = makeLog().append(5)
    const server = await serve(log, true)
    const home = await fetch(`${server.url}/`)
    expect(await home.text()).toContain(`vkey ${verifierKeyOf(paWitness)}`)

    const first = await post(server, log.request(0))
    expect(first.status).toBe(200)
    expect(verifyCosignatures(log.note() + first.text, [vkeyOf(paWitness)])).toMatchObject({
      cosignedBy: [{ name: paWitness.name }],
    })
    expect(stateOnDisk().logs[ORIGIN].size).toBe(5)

    log.append(7)
    const next = await post(server, log.request(5))
    expect(next.status).toBe(200)
    const checked = verifyCosignatures(log.note() + next.text, [vkeyOf(paWitness)])
    expect(checked).toMatchObject({ text: log.text(), cosignedBy: [{ name: paWitness.name }] })
    const timestamp = (checked as { cosignedBy: { timestamp: number }[] }).cosignedBy[0]?.timestamp ?? 0
    expect(Math.abs(timestamp - Date.now() / 1000)).toBeLessThan(60)
    expect(stateOnDisk().logs[ORIGIN].size).toBe(12)
  })

  it('answers each refusal with the status the spec gives, and 409 with its size as text/x.tlog.size', async () => {
    const log = makeLog().append(8)
    const server = await serve(log, true)
    expect((await post(server, log.request(0, 6))).status).toBe(200)

    const conflict = await post(server, log.request(0))
    expect(conflict).toEqual({ status: 409, type: 'text/x.tlog.size', text: '6\n' })
    const split = makeLog().append(5).fork('evil').append(1) // size 6, another root
    expect((await post(server, body(6, [], split.note()))).status).toBe(422)
    expect((await post(server, body(9, [], log.note()))).status).toBe(400) // old > size
    expect((await post(server, 'old 1\nnot a hash\n\n')).status).toBe(400)
    const forged = log.request(6).replace(/— (\S+) (\S{10})/, '— $1 AAAAAAAAAA')
    expect(forged).not.toBe(log.request(6))
    expect((await post(server, forged)).status).toBe(403)
    expect(stateOnDisk().logs[ORIGIN].size).toBe(6) // none of them moved it
  })

  it('answers 404 for another origin and another path, 405 for GET add-checkpoint, 413 for a huge body', async () => {
    const log = makeLog().append(3)
    const server = await serve(log, true)
    const unknown = makeLog(signerFromSeed('unknown.example/log', NOTE_ED25519, seed(4))).append(2)
    expect((await post(server, unknown.request(0))).status).toBe(404)
    expect((await post(server, log.request(0), '/checkpoint')).status).toBe(404)
    expect((await fetch(`${server.url}/add-checkpoint`)).status).toBe(405)
    expect((await post(server, 'A'.repeat(65 * 1024))).status).toBe(413)
    // Still serving after all that.
    expect((await post(server, log.request(0))).status).toBe(200)
  })

  it('a witness restarted on its state refuses to go back: no older, no rewritten checkpoint', async () => {
    const log = makeLog().append(10)
    const first = await serve(log, true)
    expect((await post(first, log.request(0, 4))).status).toBe(200)
    expect((await post(first, log.request(4, 10))).status).toBe(200)
    await first.close()
    servers.splice(servers.indexOf(first), 1)

    const again = await serve(log) // same state file, no --init
    // The older checkpoint, as if the witness had forgotten: refused, it says what it cosigned.
    expect(await post(again, log.request(0, 4))).toMatchObject({ status: 409, text: '10\n' })
    expect(await post(again, log.request(4, 10))).toMatchObject({ status: 409, text: '10\n' })
    // A rewritten log of the same size: refused as a split view.
    const rewritten = makeLog().append(2).fork('rewritten').append(8)
    expect((await post(again, body(10, [], rewritten.note()))).status).toBe(422)
    // A rewritten log that grew, from the size it cosigned: the proof cannot verify.
    rewritten.append(3)
    expect((await post(again, rewritten.request(10))).status).toBe(422)
    // The honest log carries on.
    log.append(1)
    expect((await post(again, log.request(10))).status).toBe(200)
    expect(stateOnDisk().logs[ORIGIN].size).toBe(11)
  })

  it('concurrent requests never roll the state back', async () => {
    const log = makeLog().append(40)
    const server = await serve(log, true)
    expect((await post(server, log.request(0, 4))).status).toBe(200)
    // All from old 4 at once: exactly one can be cosigned; the rest learn its size.
    const sizes = [8, 12, 16, 20, 24, 28]
    const answers = await Promise.all(sizes.map((n) => post(server, log.request(4, n))))
    const won = sizes.filter((_, i) => answers[i]?.status === 200)
    expect(won).toHaveLength(1)
    for (const a of answers.filter((x) => x.status !== 200))
      expect(a).toMatchObject({ status: 409, text: `${won[0]}\n` })
    expect(stateOnDisk().logs[ORIGIN].size).toBe(won[0])

    // A chain fired in parallel: whatever order they run in, the state ends at the largest cosigned.
    const from = won[0] as number
    const chain = [from + 2, from + 4, from + 6]
    const olds = [from, from + 2, from + 4]
    const replies = await Promise.all(chain.map((n, i) => post(server, log.request(olds[i] as number, n))))
    const cosigned = chain.filter((_, i) => replies[i]?.status === 200)
    expect(cosigned.length).toBeGreaterThan(0)
    expect(stateOnDisk().logs[ORIGIN].size).toBe(Math.max(...cosigned))
  })

  it('a state that cannot be saved is a 500 that cosigns nothing, and the server goes on', async () => {
    const log = makeLog().append(6)
    const server = await serve(log, true)
    expect((await post(server, log.request(0, 3))).status).toBe(200)
    rmSync(statePath)
    mkdirSync(join(statePath, 'blocked'), { recursive: true })
    const failed = await post(server, log.request(3, 6))
    expect(failed.status).toBe(500)
    expect(failed.text).not.toMatch(/—/)
    rmSync(statePath, { recursive: true })
    // It did not remember the failed one: the log must still come from size 3.
    expect((await post(server, log.request(3, 6))).status).toBe(200)
  })
})
