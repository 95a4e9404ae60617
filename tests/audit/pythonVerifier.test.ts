import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyAudit } from '../../src/audit/verifyAudit.js'
import { eventHash } from '../../src/domain/eventHash.js'
import { firstKeyringChange } from '../../src/identity/firstKeyringChange.js'
import { type KeyringChange, keyringHash } from '../../src/identity/KeyringChange.js'
import { loadPrivateKeyFiles } from '../../src/identity/loadPrivateKeyFiles.js'
import { signKeyringChange } from '../../src/identity/signKeyringChange.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import type { RecordedEvent } from '../../src/stores/Store.js'
import { twokeys } from '../support/runCli.js'
import { sampleLog } from './support/sampleLog.js'

// examples/verify_audit.py — the second standalone checker, in Python with only the standard
// library and `cryptography` — must say what examples/verify-audit-standalone.mjs says, line for
// line and exit code for exit code: on chains tampered as the recipe tests tamper them (at the
// position verifyAudit names), on signed logs forged as the signed tests forge them, on values
// that test its RFC 8785 writer, and on bad input. Its checkpoint and proof checks are tested
// beside the Node script's in standaloneWitnessed.test.ts.

// python3 itself (not a version manager's shim, which costs a second a run), if it has `cryptography`.
const python = (() => {
  const probe = spawnSync(
    'python3',
    ['-c', 'import sys, cryptography.hazmat.primitives.asymmetric.ed25519; print(sys.executable)'],
    { encoding: 'utf8' },
  )
  if (probe.error !== undefined) return { problem: `python3 is not installed (${probe.error.message})` }
  if (probe.status !== 0) return { problem: `python3 cannot import cryptography: ${probe.stderr.trim()}` }
  return { executable: probe.stdout.trim() || 'python3' }
})()
if (python.problem !== undefined) {
  console.warn(`pythonVerifier: skipped — ${python.problem}`)
  it.skip(`examples/verify_audit.py: skipped — ${python.problem}`, () => {})
}

const dir = mkdtempSync(join(tmpdir(), 'twokeys-python-verifier-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const POLICY = 'machines/policies/two-keys.yaml'

interface Run {
  code: number | null
  out: string
  err: string
}
const spawn = (command: string, args: string[]): Run => {
  const run = spawnSync(command, args, { encoding: 'utf8' })
  return { code: run.status, out: run.stdout.trim(), err: run.stderr.trim() }
}
/** Both checkers on the same arguments: Python must print the same line and exit with the same code. */
function both(...args: string[]): Run {
  const node = spawn(process.execPath, ['examples/verify-audit-standalone.mjs', ...args])
  const py = spawn(python.executable ?? 'python3', ['examples/verify_audit.py', ...args])
  expect({ code: py.code, out: py.out }).toEqual({ code: node.code, out: node.out })
  // Messages on stderr differ only in the script's name (in the usage line): a bad input's line is
  // in fixed words, never in what the platform's parser or file system says.
  const gist = (err: string) => err.replaceAll('python3 verify_audit.py', 'node verify-audit-standalone.mjs')
  expect(gist(py.err)).toBe(gist(node.err))
  return node
}

let n = 0
function file(content: string | Buffer, ext = 'jsonl'): string {
  const path = join(dir, `f${++n}.${ext}`)
  writeFileSync(path, content)
  return path
}
const jsonl = (lines: unknown[]) => file(`${lines.map((l) => JSON.stringify(l)).join('\n')}\n`)
const trustFile = (t: unknown) => file(JSON.stringify(t, null, 2), 'json')

/** Re-chains a log after an edit, recomputing every hash, as an insider would. */
function rechain<T extends RecordedEvent>(entries: T[]): T[] {
  const prev = new Map<string, string>()
  return entries.map((e) => {
    const { hash: _h, ...rest } = { ...e, prevHash: prev.get(e.initiativeId) ?? '' }
    const hash = eventHash(rest)
    prev.set(e.initiativeId, hash)
    return { ...rest, hash } as T
  })
}

describe.skipIf(python.problem !== undefined)('examples/verify_audit.py', () => {
  let sample: RecordedEvent[] = []
  let signed: RecordedEvent[] = []
  let trust: {
    identity: string
    changes: { version: number; appliedAt: number; change: KeyringChange }[]
  } & Record<string, unknown>
  beforeAll(async () => {
    sample = await sampleLog()
    const db = join(dir, 'walk.db')
    expect((await twokeys('run', 'examples/seed-walkthrough.yaml', '--db', db)).code).toBe(0)
    expect((await twokeys('audit', 'export', '--db', db, '--out', join(dir, 'audit.jsonl'))).code).toBe(0)
    expect(
      (await twokeys('keys', 'export', '--db', db, '--policy', POLICY, '--out', join(dir, 'trust.json')))
        .code,
    ).toBe(0)
    signed = readFileSync(join(dir, 'audit.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    trust = JSON.parse(readFileSync(join(dir, 'trust.json'), 'utf8'))
  })

  describe('hash chains: the same first position as verifyAudit and the Node script', () => {
    it('accepts the untouched sample log', () => {
      expect(both(jsonl(sample))).toEqual({ code: 0, out: `OK ${sample.length} events`, err: '' })
    })

    const tampers: [string, (log: RecordedEvent[]) => unknown[]][] = [
      [
        'an edited decision',
        (l) => l.map((r, i) => (i === 6 ? { ...r, event: { ...r.event, by: 'pa-aide' } } : r)),
      ],
      [
        'an edited budget',
        (l) => l.map((r, i) => (i === 7 ? JSON.parse(JSON.stringify(r).replace('1250000.5', '1250001')) : r)),
      ],
      ['a deleted event', (l) => l.filter((_, i) => i !== 1)],
      ['two swapped events', (l) => [l[0], l[2], l[1], ...l.slice(3)]],
      ['a duplicated event', (l) => [...l.slice(0, 9), l[8], ...l.slice(9)]],
      [
        'an event moved to another initiative',
        (l) => l.map((r, i) => (i === 4 ? { ...r, initiativeId: 'x' } : r)),
      ],
      ['a seq skipped', (l) => rechain(l.map((r, i) => (i === 2 ? { ...r, seq: r.seq + 1 } : r)))],
      ['a prevHash cleared', (l) => l.map((r, i) => (i === 3 ? { ...r, prevHash: '' } : r))],
      ['a hash given as a number', (l) => l.map((r, i) => (i === 5 ? { ...r, hash: 5 } : r))],
    ]
    for (const [name, tamper] of tampers) {
      it(`rejects ${name}`, () => {
        const tampered = tamper(sample)
        const result = verifyAudit(tampered as RecordedEvent[])
        if (result.ok) throw new Error(`verifyAudit missed ${name}`)
        const run = both(jsonl(tampered))
        expect(run.code).toBe(1)
        expect(run.out).toMatch(new RegExp(`^TAMPERED at position ${result.position}: `))
      })
    }

    it('reads every field as JSON.parse does: a logIndex is not hashed, the lines may come in any order of initiatives', () => {
      const placed = sample.map((e, i) => ({ ...e, logIndex: i }))
      expect(both(jsonl(placed)).out).toBe(`OK ${sample.length} events`)
      const ids = [...new Set(sample.map((e) => e.initiativeId))].reverse()
      expect(both(jsonl(ids.flatMap((id) => sample.filter((e) => e.initiativeId === id)))).code).toBe(0)
      // Blank lines, CRLF line ends and white space around a line are not events.
      const text = `${sample.map((e) => ` ${JSON.stringify(e)}\r`).join('\n\n')}\n \n`
      expect(both(file(text)).out).toBe(`OK ${sample.length} events`)
    })
  })

  describe('signatures against a trust file: the same verdict as the Node script', () => {
    it('accepts the honest signed walkthrough', () => {
      expect(both(jsonl(signed), trustFile(trust))).toEqual({
        code: 0,
        out: `OK ${signed.length} events, signatures checked against keyring version 1`,
        err: '',
      })
    })

    const forgeries: [string, () => { entries: RecordedEvent[]; trust?: unknown }, RegExp][] = [
      [
        'the budget × 10 with every hash recomputed',
        () => ({
          entries: rechain(
            signed.map((e) =>
              e.event.type === 'PROPOSE'
                ? {
                    ...e,
                    event: {
                      ...e.event,
                      content: { ...e.event.content, budget: 10 * (e.event.content.budget ?? 1) },
                    },
                  }
                : e,
            ),
          ),
        }),
        /the event is not what the signed command asked \(another content\)/,
      ],
      [
        'the signed command edited too',
        () => {
          const i = signed.findIndex((e) => e.event.type === 'DECIDE')
          return {
            entries: rechain(
              signed.map((e, k) =>
                k === i
                  ? {
                      ...e,
                      command: { ...(e.command as object), decision: 'refuse' } as never,
                      event: { ...e.event, decision: 'refuse' } as never,
                    }
                  : e,
              ),
            ),
          }
        },
        /the signature of "\S+" does not verify/,
      ],
      [
        "an approval put in another principal's name",
        () => {
          const i = signed.findIndex((e) => e.event.type === 'DECIDE' && e.event.by === 'oreshkin')
          return {
            entries: rechain(
              signed.map((e, k) =>
                k === i ? { ...e, event: { ...e.event, by: 'gov-tatarstan' } as never } : e,
              ),
            ),
          }
        },
        /another type or actor/,
      ],
      [
        "a command signed with another principal's key",
        () => {
          const i = signed.findIndex((e) => e.event.type === 'SUBMIT')
          const other = signed.find((e) => e.command !== undefined && e.command.by !== signed[i]?.command?.by)
          return {
            entries: rechain(
              signed.map((e, k) =>
                k === i
                  ? ({
                      ...e,
                      command: { ...e.command, signature: other?.command?.signature },
                    } as RecordedEvent)
                  : e,
              ),
            ),
          }
        },
        /key "\S+" is not "\S+"'s/,
      ],
      [
        'a signed command for another initiative',
        () => {
          const i = signed.findIndex((e) => e.event.type === 'SUBMIT')
          return {
            entries: rechain(
              signed.map((e, k) => (k === i ? ({ ...e, commandId: 'another-command' } as RecordedEvent) : e)),
            ),
          }
        },
        /the signed command names another command or initiative/,
      ],
      [
        'an event naming a keyring version that does not exist',
        () => ({
          entries: rechain(signed.map((e, k) => (k === 2 ? ({ ...e, keyring: 7 } as RecordedEvent) : e))),
        }),
        /the signing key is not in keyring version 7/,
      ],
      [
        'a keyring change signed by one institution only',
        () => ({
          entries: signed,
          trust: {
            ...trust,
            changes: trust.changes.map((c) => ({
              ...c,
              change: { ...c.change, signatures: c.change.signatures.slice(0, 1) },
            })),
          },
        }),
        /keyring change 1: no signature from institution/,
      ],
      [
        'a keyring change whose keys were edited after signing',
        () => ({
          entries: signed,
          trust: {
            ...trust,
            changes: trust.changes.map((c) => ({
              ...c,
              change: {
                ...c.change,
                add: c.change.add.map((k) => ({ ...k, validFrom: '2020-01-01T00:00:00Z' })),
              },
            })),
          },
        }),
        /keyring change 1: the signature by key "\S+" does not verify/,
      ],
      [
        'an unsigned event where the policy says signed',
        () => ({
          entries: rechain(
            signed.map((e) =>
              e.event.type === 'SUBMIT' ? (({ command: _c, keyring: _k, ...bare }) => bare)(e) : e,
            ),
          ),
          trust: { ...trust, identity: 'signed' },
        }),
        /carries no signed command/,
      ],
    ]
    for (const [name, forge, message] of forgeries) {
      it(`rejects ${name}`, () => {
        const forged = forge()
        const run = both(jsonl(forged.entries), trustFile(forged.trust ?? trust))
        expect(run.code).toBe(1)
        expect(run.out).toMatch(/^TAMPERED at /)
        expect(run.out).toMatch(message)
      })
    }

    // Key validity: keyrings made here from the demo keys, with times in other zones and precisions.
    const keys = () => loadPrivateKeyFiles('examples/demo-keys')
    const policy = () => loadPolicyFile(POLICY)
    const firstEvent = () => signed[0]?.event.at as number // 2026-03-02T09:00:00Z
    const withKeyring = (changes: KeyringChange[], appliedAt: number[]) => ({
      ...trust,
      changes: changes.map((change, i) => ({ version: i + 1, appliedAt: appliedAt[i], change })),
    })
    it('reads validity times in any zone, to the millisecond, as the Node script does', () => {
      expect(new Date(firstEvent()).toISOString()).toBe('2026-03-02T09:00:00.000Z')
      const late = /^TAMPERED at position 0: key "\S+" was not yet valid$/
      const unreadable = /^TAMPERED at position keyring change 1: the signature by key "\S+" does not verify$/
      const cases: [string, RegExp | 0][] = [
        ['2026-03-02T12:00:00+03:00', 0], // the first event's very instant
        ['2026-03-02T12:00:00.000001+03:00', 0], // digits past the millisecond are cut
        ['2026-03-02T05:30-03:30', 0],
        ['2026-03-02T12:00:00.001+03:00', late], // a millisecond late
        ['2026-03-02T09:00:00.5Z', late],
        ['2026-03-03T00:00:00Z', late],
        ['2026-03-02 09:00:00Z', unreadable], // not ISO-8601: never valid, not even for the keyring
        ['2026-02-29T00:00:00Z', unreadable], // no such day
      ]
      for (const [validFrom, expected] of cases) {
        const change = firstKeyringChange(policy(), keys(), validFrom)
        const run = both(
          jsonl(signed),
          trustFile(withKeyring([change], [Date.parse('2026-04-01T00:00:00Z')])),
        )
        if (expected === 0) expect({ validFrom, code: run.code }).toEqual({ validFrom, code: 0 })
        else expect({ validFrom, out: run.out }).toEqual({ validFrom, out: expect.stringMatching(expected) })
      }
    })

    it('checks a revocation in a second keyring change, from the instant it takes effect', () => {
      const first = firstKeyringChange(policy(), keys(), '2026-01-01T00:00:00Z')
      const entries = first.add.map((e) => ({ ...e }))
      // oreshkin's newest signed command: revoking his key just after it leaves every event valid.
      const his = signed.filter((e) => e.command?.by === 'oreshkin')
      const at = Math.max(...his.map((e) => e.event.at as number))
      const revokeAt = (at: number) => {
        let change: KeyringChange = {
          base: keyringHash({ version: 1, entries }),
          version: 2,
          add: [],
          revoke: [{ keyId: 'oreshkin-demo', at: new Date(at).toISOString() }],
          signatures: [],
        }
        for (const k of keys().filter((k) => ['pa-aide', 'ga-aide'].includes(k.principal)))
          change = signKeyringChange(change, k)
        return withKeyring(
          [first, change],
          [Date.parse('2026-01-01T00:00:00Z'), Date.parse('2026-01-02T00:00:00Z')],
        )
      }
      // Every event names keyring version 2 (a field the signed command does not cover).
      const onTwo = rechain(signed.map((e) => (e.keyring === undefined ? e : { ...e, keyring: 2 })))
      const position = onTwo.findIndex((e) => e.command?.by === 'oreshkin' && (e.event.at as number) >= at)
      expect(his.length).toBeGreaterThan(1)
      expect(both(jsonl(onTwo), trustFile(revokeAt(at + 1))).out).toMatch(/^OK .*keyring version 2$/)
      expect(both(jsonl(onTwo), trustFile(revokeAt(at))).out).toBe(
        `TAMPERED at position ${position}: key "oreshkin-demo" was revoked`,
      )
      // A change that does not apply to the keyring before it.
      const stale = revokeAt(at)
      stale.changes[1] = { ...stale.changes[1], change: { ...stale.changes[1]?.change, base: 'ab' } } as never
      expect(both(jsonl(onTwo), trustFile(stale)).out).toBe(
        'TAMPERED at position keyring change 2: it does not apply to the keyring before it',
      )
    })
  })

  describe('RFC 8785, as the library writes it', () => {
    // Values whose canonical form is easy to get wrong: key order by UTF-16 code units (an astral
    // character sorts before U+FFFF), numbers as ECMAScript writes them, escapes as JSON.stringify.
    const values: unknown[] = [
      { '\uffff': 1, '😀': 2, é: 3, a: 4, A: 5, '': 6, '10': 7, '9': 8, __proto__x: 9 },
      [
        1e21,
        1e-7,
        1e-6,
        123e-20,
        0.1 + 0.2,
        5e-324,
        1.7976931348623157e308,
        2 ** 53 + 2,
        -0,
        1250000.5,
        100,
        -1.5e-10,
      ],
      [4.35, 0.000001, 1e20, 123456789012345680000, 2 ** -1074 * 3, 9007199254740994, -7, 1.5e300],
      'quote " backslash \\ controls \u0000\u0001\b\f\n\r\t\u001f del \u007f line \u2028\u2029 é 😀 \ufeff',
      { nested: [{ z: null, y: true, x: false }, [], {}] },
    ]
    const logOf = (extras: unknown[]) =>
      rechain(sample.map((e, i) => (i < extras.length ? ({ ...e, extra: extras[i] } as RecordedEvent) : e)))

    it('hashes each value to the library hash', () => {
      expect(both(jsonl(logOf(values))).out).toBe(`OK ${sample.length} events`)
      // One value changed by its last bit: caught at its position.
      const changed = logOf(values).map((e, i) =>
        i === 1 ? { ...e, extra: [1e21, 1e-7, 1e-6 * (1 + Number.EPSILON)] } : e,
      )
      expect(both(jsonl(changed)).out).toBe('TAMPERED at position 1: its hash does not match its content')
    })

    it('reads numbers as JSON.parse does however they are written', () => {
      const [first, ...rest] = logOf([[1, 100, 0.5, 12345678901234567000, 0]])
      const text = JSON.stringify(first).replace(
        '"extra":[1,100,0.5,12345678901234567000,0]',
        '"extra":[1.0,1E2,5e-1,12345678901234567890,-0]',
      )
      expect(text).toContain('12345678901234567890')
      expect(both(file(`${[text, ...rest.map((e) => JSON.stringify(e))].join('\n')}\n`)).out).toBe(
        `OK ${sample.length} events`,
      )
    })
  })

  describe('bad input: exit 2 from both, with the same message', () => {
    const good = () => JSON.stringify(sample[0])
    // Each class of bad input has one fixed line, the same from both (`<file>` is the path given).
    it.each([
      ['a line that is not JSON', () => file(`${good()}\n{"seq": 1,\n`), '<file> line 2 is not JSON'],
      [
        'a line that is not an object',
        () => file(`${good()}\n[1, 2]\n`),
        '<file> line 2 is not a JSON object',
      ],
      ['NaN', () => file(`${good().replace('"seq":1', '"seq":NaN')}\n`), '<file> line 1 is not JSON'],
      [
        'Infinity',
        () => file(`${good().replace('"seq":1', '"seq":-Infinity')}\n`),
        '<file> line 1 is not JSON',
      ],
      [
        'a number past the range of a double',
        () => file(`${good().replace('"seq":1', '"seq":1e400')}\n`),
        '<file> line 1 holds a number outside the range of a double',
      ],
      [
        'an integer of 5,000 digits',
        () => file(`${good().replace('"seq":1', `"seq":1,"x":${'9'.repeat(5000)}`)}\n`),
        '<file> line 1 holds a number outside the range of a double',
      ],
      [
        'a lone surrogate',
        () => file(`${good().replace('"seq":1', '"seq":1,"x":"\\ud800"')}\n`),
        '<file> line 1 holds a lone surrogate',
      ],
      [
        "two bad values: the first in JavaScript's key order is named",
        () => file(`${good().replace('"seq":1', '"seq":1,"x":{"b":"\\udc00","7":1e999}')}\n`),
        '<file> line 1 holds a number outside the range of a double',
      ],
      [
        'a value nested 1,500 deep',
        () => file(`${good().replace('"seq":1', `"seq":1,"x":${'['.repeat(1500)}${']'.repeat(1500)}`)}\n`),
        '<file> line 1 is nested deeper than 1000 levels',
      ],
      [
        'a value nested 50,000 deep',
        () => file(`${'['.repeat(50_000)}${']'.repeat(50_000)}\n`),
        '<file> line 1 is nested deeper than 1000 levels',
      ],
      [
        'a byte order mark',
        () => file(`\ufeff${good()}\n`),
        '<file> starts with a byte order mark: save it as UTF-8 without one',
      ],
      [
        'bytes that are not UTF-8',
        () => file(Buffer.concat([Buffer.from(good()), Buffer.from([0xff, 0x0a])])),
        '<file> is not UTF-8 text',
      ],
      ['a missing file', () => join(dir, 'missing.jsonl'), 'cannot read <file>: no such file'],
      ['a directory', () => dir, 'cannot read <file>: it is a directory'],
    ])('%s', (_, make, line) => {
      const path = make()
      expect(both(path)).toEqual({ code: 2, out: '', err: `error: ${line.replace('<file>', path)}` })
    })

    it('a trust file that is missing, not JSON, or malformed inside', () => {
      const log = jsonl(sample)
      const missing = join(dir, 'missing.json')
      expect(both(log, missing).err).toBe(`error: cannot read ${missing}: no such file`)
      const notJson = file('{"identity": NaN}', 'json')
      expect(both(log, notJson).err).toBe(`error: ${notJson} is not JSON`)
      const bom = file(`\ufeff${JSON.stringify(trust)}`, 'json')
      expect(both(log, bom).err).toBe(
        `error: ${bom} starts with a byte order mark: save it as UTF-8 without one`,
      )
      for (const broken of [
        { ...trust, changes: 5 },
        { ...trust, changes: [{ version: 1 }] },
      ]) {
        const path = trustFile(broken)
        expect(both(jsonl(signed), path)).toEqual({
          code: 2,
          out: '',
          err: `error: ${path} is malformed: a field is missing or of the wrong type`,
        })
      }
    })

    it('usage', () => {
      for (const args of [
        [],
        ['a', 'b', 'c'],
        ['a', '--nope'],
        ['a', '--checkpoint', 'cp.txt'],
        ['--proof', 'p'],
      ])
        expect(both(...args)).toMatchObject({ code: 2, err: expect.stringMatching(/^usage: /) })
    })

    it('a trust file that is not one', () => {
      expect(both(jsonl(sample), file('[1]', 'json'))).toMatchObject({
        code: 2,
        err: expect.stringMatching(/not a trust file/),
      })
      expect(both(jsonl(sample), file('{', 'json')).code).toBe(2)
    })
  })
})
