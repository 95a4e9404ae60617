import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventHash } from '../../src/domain/eventHash.js'
import type { RecordedEvent } from '../../src/stores/Store.js'
import { twokeys } from '../support/runCli.js'

// The seed three-institution walkthrough signs every command type the engine has but withdraw,
// revoke, delegate, amend and complete — among them `ministry` and `plenary`. Both standalone
// checkers must take its honest export, signed, and catch a MINISTRY or PLENARY event that is
// not what its signed command asked, with the same line.

const python = (() => {
  const probe = spawnSync(
    'python3',
    ['-c', 'import sys, cryptography.hazmat.primitives.asymmetric.ed25519; print(sys.executable)'],
    { encoding: 'utf8' },
  )
  return probe.status === 0 ? probe.stdout.trim() || 'python3' : undefined
})()

const dir = mkdtempSync(join(tmpdir(), 'twokeys-standalone-seed-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const at = (name: string) => join(dir, name)

let log: RecordedEvent[] = []
let trust: { identity: string } & Record<string, unknown>

beforeAll(async () => {
  const db = at('seed.db')
  expect((await twokeys('run', 'examples/seed-reach-walkthrough.yaml', '--db', db)).code).toBe(0)
  expect((await twokeys('audit', 'export', '--db', db, '--out', at('audit.jsonl'))).code).toBe(0)
  const exported = await twokeys(
    'keys',
    'export',
    '--db',
    db,
    '--policy',
    'machines/policies/seed.yaml',
    '--out',
    at('trust.json'),
  )
  expect(exported.code).toBe(0)
  log = readFileSync(at('audit.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l))
  trust = JSON.parse(readFileSync(at('trust.json'), 'utf8'))
})

/** Both checkers on a log (and the exported trust file): the same line and exit code, returned once. */
function both(entries: RecordedEvent[], name: string) {
  const file = at(`${name}.jsonl`)
  writeFileSync(file, `${entries.map((e) => JSON.stringify(e)).join('\n')}\n`)
  const args = [file, at('trust.json')]
  const node = spawnSync(process.execPath, ['examples/verify-audit-standalone.mjs', ...args], {
    encoding: 'utf8',
  })
  const run = { code: node.status, out: node.stdout.trim(), err: node.stderr.trim() }
  if (python !== undefined) {
    const py = spawnSync(python, ['examples/verify_audit.py', ...args], { encoding: 'utf8' })
    expect({ code: py.status, out: py.stdout.trim(), err: py.stderr.trim() }).toEqual(run)
  }
  return run
}

/** Re-chains a log after an edit, recomputing every hash, as an insider would. */
function rechain(entries: RecordedEvent[]): RecordedEvent[] {
  const prev = new Map<string, string>()
  return entries.map((e) => {
    const { hash: _h, ...rest } = { ...e, prevHash: prev.get(e.initiativeId) ?? '' }
    const hash = eventHash(rest)
    prev.set(e.initiativeId, hash)
    return { ...rest, hash }
  })
}

const positionOf = (type: string) => log.findIndex((e) => e.event.type === type)

describe('the standalone checkers on the seed three-institution walkthrough', () => {
  it('signs MINISTRY and PLENARY events, and the trust file says identity: signed', () => {
    expect(positionOf('MINISTRY')).toBeGreaterThanOrEqual(0)
    expect(positionOf('PLENARY')).toBeGreaterThanOrEqual(0)
    expect(log.every((e) => e.event.type === 'TICK' || e.command !== undefined)).toBe(true)
    // The walkthrough runs seed.yaml under identity: signed; the file itself says asserted.
    expect(trust.identity).toBe('signed')
  })

  it('accepts the honest export, signatures checked, in both', () => {
    expect(both(log, 'honest')).toEqual({
      code: 0,
      out: `OK ${log.length} events, signatures checked against keyring version 1`,
      err: '',
    })
  })

  const asked = 'the event is not what the signed command asked'
  const forgeries: [string, string, (e: RecordedEvent) => RecordedEvent, string][] = [
    [
      'a ministry answer turned round, every hash recomputed',
      'MINISTRY',
      (e) => ({ ...e, event: { ...e.event, accept: !(e.event as { accept: boolean }).accept } as never }),
      `${asked} (other fields)`,
    ],
    [
      'a ministry answer put in the name of another ministry',
      'MINISTRY',
      (e) => ({ ...e, event: { ...e.event, ministry: 'minfin' } as never }),
      `${asked} (other fields)`,
    ],
    [
      "a plenary vote put in another member's name",
      'PLENARY',
      (e) => ({ ...e, event: { ...e.event, by: 'someone-else' } as never }),
      `${asked} (another type or actor)`,
    ],
    [
      'a plenary vote recorded as a ministry answer',
      'PLENARY',
      (e) => ({ ...e, event: { ...e.event, type: 'MINISTRY', ministry: 'minfin', accept: false } as never }),
      `${asked} (another type or actor)`,
    ],
    [
      'a MINISTRY event stripped of its signed command',
      'MINISTRY',
      ({ command: _c, keyring: _k, ...bare }) => bare,
      'the policy says identity: signed, but the event carries no signed command',
    ],
  ]
  for (const [name, type, change, message] of forgeries) {
    it(`catches ${name}`, () => {
      const i = log.findIndex((e) => e.event.type === type)
      const forged = rechain(log.map((e, k) => (k === i ? change(e) : e)))
      expect(both(forged, name.replaceAll(/\W+/g, '-'))).toEqual({
        code: 1,
        out: `TAMPERED at position ${i}: ${message}`,
        err: '',
      })
    })
  }
})
