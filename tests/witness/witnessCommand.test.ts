import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { verifyCosignatures } from '../../src/tlog/checkpoint.js'
import { parseNoteSigner, verifierKeyOf } from '../../src/tlog/noteKey.js'
import { parseVerifierKey, type VerifierKey } from '../../src/tlog/signedNote.js'
import { twokeys } from '../support/runCli.js'
import { body, makeLog, ORIGIN } from './logFixture.js'

let dir: string
const at = (name: string) => join(dir, name)
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'twokeys-witness-cli-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** A witness key made by the CLI, and its vkey as the log's verifiers would hold it. */
async function newWitnessKey(name = 'pa.example/witness'): Promise<VerifierKey> {
  const made = await twokeys('witness', 'key', 'new', '--name', name, '--out', at('pa.key'))
  expect(made.code).toBe(0)
  return parseVerifierKey(made.stdout.trim()) as VerifierKey
}

describe('twokeys witness (CLI)', () => {
  it('key new writes an owner-only key and its vkey, prints the vkey, and never overwrites', async () => {
    const vkey = await newWitnessKey()
    expect(vkey).toMatchObject({ name: 'pa.example/witness', type: 4 })
    expect(statSync(at('pa.key')).mode & 0o777).toBe(0o600)
    expect(readFileSync(at('pa.key'), 'utf8')).toMatch(/^PRIVATE\+KEY\+pa\.example\/witness\+[0-9a-f]{8}\+/)
    const printed = readFileSync(at('pa.key.vkey'), 'utf8')
    expect(parseVerifierKey(printed)).toEqual(vkey)
    // The key reads back as the same key, whose vkey is the one printed.
    const key = parseNoteSigner(readFileSync(at('pa.key'), 'utf8'))
    expect(typeof key === 'string' ? key : verifierKeyOf(key)).toBe(printed.trim())
    const before = readFileSync(at('pa.key'), 'utf8')
    const again = await twokeys(
      'witness',
      'key',
      'new',
      '--name',
      'pa.example/witness',
      '--out',
      at('pa.key'),
    )
    expect(again.code).toBe(2)
    expect(again.stderr).toContain('already exists')
    expect(readFileSync(at('pa.key'), 'utf8')).toBe(before)
    const bad = await twokeys('witness', 'key', 'new', '--name', 'has space', '--out', at('x.key'))
    expect(bad.code).toBe(2)
    expect(existsSync(at('x.key'))).toBe(false)
  })

  it('cosign (file mode): 0 and a verifiable cosignature, 1 for a refusal with its status, 2 for bad input', async () => {
    const pa = await newWitnessKey()
    const log = makeLog().append(12)
    writeFileSync(at('log.vkey'), `${verifierKeyOf(log.signer)}\n`)
    const cosign = (request: string, ...more: string[]) => {
      writeFileSync(at('request.txt'), request)
      return twokeys(
        'witness',
        'cosign',
        '--key',
        at('pa.key'),
        '--state',
        at('state.json'),
        '--log-key',
        at('log.vkey'),
        '--request',
        at('request.txt'),
        ...more,
      )
    }
    // No state and no --init: refused to start, with the reason.
    const missing = await cosign(log.request(0))
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/REPLACED with a new key/)

    const first = await cosign(log.request(0), '--init')
    expect(first.code).toBe(0)
    expect(verifyCosignatures(log.note() + first.stdout, [pa])).toMatchObject({
      cosignedBy: [{ name: 'pa.example/witness' }],
    })

    const older = await cosign(log.request(0, 5))
    expect(older.code).toBe(1)
    expect(older.stderr).toContain('409 conflict: I last cosigned size 12')
    expect(older.stdout).toBe('')
    const split = makeLog().append(11).fork('evil').append(1)
    expect((await cosign(body(12, [], split.note()))).stderr).toMatch(/422 unprocessable: split view/)

    const malformed = await cosign('old 3\n')
    expect(malformed.code).toBe(2)
    expect(malformed.stderr).toContain('400 bad request')

    log.append(3)
    const out = await cosign(log.request(12), '--out', at('cosig.txt'))
    expect(out.code).toBe(0)
    expect(verifyCosignatures(log.note() + readFileSync(at('cosig.txt'), 'utf8'), [pa])).toMatchObject({
      cosignedBy: [{ name: 'pa.example/witness' }],
    })

    const shown = await twokeys('witness', 'show', '--state', at('state.json'))
    expect(shown.code).toBe(0)
    expect(shown.stdout).toContain('witness pa.example/witness · 1 log(s)')
    expect(shown.stdout).toContain(ORIGIN)
    expect(shown.stdout).toMatch(/size 15 {2}root \S{44}/)
  })

  it('cosign refuses a log key that is not a log key, and a witness key that is a log key', async () => {
    await newWitnessKey()
    const log = makeLog().append(1)
    writeFileSync(at('request.txt'), log.request(0))
    writeFileSync(at('log.key'), 'not a key')
    const wrongLogKey = await twokeys(
      'witness',
      'cosign',
      '--key',
      at('pa.key'),
      '--state',
      at('s.json'),
      '--init',
      '--log-key',
      readFileSync(at('pa.key.vkey'), 'utf8').trim(),
      '--request',
      at('request.txt'),
    )
    expect(wrongLogKey.code).toBe(2)
    expect(wrongLogKey.stderr).toContain("not a log's checkpoint key (type 1)")
    expect(existsSync(at('s.json'))).toBe(false)
  })

  it('serve refuses to start without a state file unless --init', async () => {
    await newWitnessKey()
    const log = makeLog()
    const run = await twokeys(
      'witness',
      'serve',
      '--key',
      at('pa.key'),
      '--state',
      at('state.json'),
      '--log-key',
      verifierKeyOf(log.signer),
      '--port',
      '0',
    )
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/no witness state .*start once with --init/)
    expect(run.stdout).not.toContain('listening')
  })

  it('serve listens, cosigns over HTTP, and stops cleanly on SIGTERM', async () => {
    const pa = await newWitnessKey()
    const log = makeLog().append(3)
    const ENTRY =
      "import { main } from './src/cli/main.ts'; await main(['node', 'twokeys', ...process.argv.slice(1)])"
    const args = ['--key', at('pa.key'), '--state', at('state.json'), '--log-key', verifierKeyOf(log.signer)]
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        ENTRY,
        'witness',
        'serve',
        ...args,
        '--init',
        '--port',
        '0',
      ],
      { env: { ...process.env, NO_COLOR: '1' } },
    )
    let stdout = ''
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString()
        const found = /listening on (\S+)[^\n]*\nvkey \S+\n/.exec(stdout)
        if (found) resolve(found[1] as string)
      })
      child.on('error', reject)
      child.on('exit', () => reject(new Error(`serve exited early: ${stdout}`)))
    })
    expect(stdout).toContain(`vkey ${readFileSync(at('pa.key.vkey'), 'utf8').trim()}`)
    const res = await fetch(`${url}/add-checkpoint`, { method: 'POST', body: log.request(0) })
    expect(res.status).toBe(200)
    expect(verifyCosignatures(log.note() + (await res.text()), [pa])).toMatchObject({
      cosignedBy: [{ name: 'pa.example/witness' }],
    })
    const code = await new Promise<number | null>((resolve) => {
      child.on('exit', (c) => resolve(c))
      child.kill('SIGTERM')
    })
    expect(code).toBe(0)
    expect(stdout).toContain('witness stopped')
  }, 30_000)
})
