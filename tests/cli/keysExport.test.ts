import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventHash } from '../../src/domain/eventHash.js'
import { createEngine } from '../../src/engine/createEngine.js'
import { hashPolicy } from '../../src/policy/hashPolicy.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import type { RecordedEvent } from '../../src/stores/Store.js'
import { sqliteStore } from '../../src/stores/sqliteStore.js'
import { twokeys } from '../support/runCli.js'

// `twokeys keys export` describes the policies the store runs, not the --policy file: the signed
// walkthrough runs two-keys.yaml under identity: signed, so its trust file says signed even when
// exported with the shipped (asserted) file, and an unsigned event in its log is then caught.

const TWO_KEYS = 'machines/policies/two-keys.yaml'
const SEED = 'machines/policies/seed.yaml'
const dir = mkdtempSync(join(tmpdir(), 'twokeys-keys-export-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const at = (name: string) => join(dir, name)

interface Trust {
  identity: string
  signedPolicies?: string[]
  institutions: Record<string, string[]>
}
const exportTrust = async (db: string, policy: string, out: string) => {
  const run = await twokeys('keys', 'export', '--db', db, '--policy', policy, '--out', out)
  return { ...run, trust: run.code === 0 ? (JSON.parse(readFileSync(out, 'utf8')) as Trust) : undefined }
}
const readLog = (file: string): RecordedEvent[] =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l))
const rechain = (entries: RecordedEvent[]): RecordedEvent[] => {
  const prev = new Map<string, string>()
  return entries.map((e) => {
    const { hash: _h, ...rest } = { ...e, prevHash: prev.get(e.initiativeId) ?? '' }
    const hash = eventHash(rest)
    prev.set(e.initiativeId, hash)
    return { ...rest, hash }
  })
}
// python3 with `cryptography`, when there is one: the Python checker must say the same.
const python = (() => {
  const probe = spawnSync('python3', ['-c', 'import sys, cryptography; print(sys.executable)'], {
    encoding: 'utf8',
  })
  return probe.status === 0 ? probe.stdout.trim() || 'python3' : undefined
})()
/** Both standalone checkers on a log and a trust file: the same line and exit code. */
const check = (entries: RecordedEvent[], trustFile: string, name: string) => {
  const file = at(`${name}.jsonl`)
  writeFileSync(file, `${entries.map((e) => JSON.stringify(e)).join('\n')}\n`)
  const run = (command: string, script: string) => {
    const r = spawnSync(command, [script, file, trustFile], { encoding: 'utf8' })
    return { code: r.status, out: r.stdout.trim() }
  }
  const node = run(process.execPath, 'examples/verify-audit-standalone.mjs')
  if (python !== undefined) expect(run(python, 'examples/verify_audit.py')).toEqual(node)
  return node
}
const unsign = ({ command: _c, keyring: _k, ...bare }: RecordedEvent): RecordedEvent => bare

const walk = at('walk.db')
beforeAll(async () => {
  expect((await twokeys('run', 'examples/seed-walkthrough.yaml', '--db', walk)).code).toBe(0)
  expect((await twokeys('audit', 'export', '--db', walk, '--out', at('walk.jsonl'))).code).toBe(0)
})

describe('twokeys keys export: the identity the store runs', () => {
  it('takes identity: signed from the pinned policy, not from the asserted --policy file, and says so', async () => {
    expect(loadPolicyFile(TWO_KEYS).identity ?? 'asserted').toBe('asserted')
    const { code, stderr, trust } = await exportTrust(walk, TWO_KEYS, at('walk.trust.json'))
    expect(code).toBe(0)
    expect(trust?.identity).toBe('signed')
    expect(trust?.signedPolicies).toBeUndefined()
    expect(trust?.institutions).toEqual({
      'presidential-administration': ['oreshkin', 'pa-aide'],
      'government-apparatus': ['grigorenko', 'ga-aide'],
    })
    expect(stderr).toContain(`note: identity: signed, from the policies the store's events are pinned to`)
    // So an event stripped of its signed command, every hash recomputed, no longer passes.
    const log = readLog(at('walk.jsonl'))
    const i = log.findIndex((e) => e.event.type === 'SUBMIT')
    expect(check(log, at('walk.trust.json'), 'walk-honest').code).toBe(0)
    expect(
      check(rechain(log.map((e, k) => (k === i ? unsign(e) : e))), at('walk.trust.json'), 'walk-bare'),
    ).toEqual({
      code: 1,
      out: `TAMPERED at position ${i}: the policy says identity: signed, but the event carries no signed command`,
    })
  })

  it('refuses, exit 2, a --policy file the store does not run and whose institutions none of its policies has', async () => {
    const { code, stderr } = await exportTrust(walk, SEED, at('wrong.trust.json'))
    expect(code).toBe(2)
    expect(stderr).toMatch(
      /^✖ "machines\/policies\/seed\.yaml" is not a policy .*walk\.db runs: its events are pinned to [0-9a-f]{12}…, not to this file \([0-9a-f]{12}…\), and none of those has its key-holding institutions and principals; pass the policy file the store was started with\n$/,
    )
  })

  it('takes the file as it is for a store with no events yet', async () => {
    const empty = at('empty.db')
    await sqliteStore(empty).close()
    const { code, stderr, trust } = await exportTrust(empty, TWO_KEYS, at('empty.trust.json'))
    expect({ code, stderr, identity: trust?.identity }).toEqual({ code: 0, stderr: '', identity: 'asserted' })
  })

  it('lists the signed policies where the store runs both identities, and the checker holds each event to its own', async () => {
    const mixed = at('mixed.db')
    expect((await twokeys('run', 'examples/seed-walkthrough.yaml', '--db', mixed)).code).toBe(0)
    // The operator later starts an engine with the shipped, asserted policy: new initiatives pin it.
    const policy = loadPolicyFile(TWO_KEYS)
    const engine = createEngine({ policy, store: sqliteStore(mixed) })
    const { initiativeId } = await engine.propose({
      by: 'minzifry',
      title: 'An asserted proposal',
      objective: 'infrastructure',
      scope: { kind: 'federal', ministries: ['minzifry'] },
    })
    await engine.close()
    expect((await twokeys('audit', 'export', '--db', mixed, '--out', at('mixed.jsonl'))).code).toBe(0)
    const { code, stderr, trust } = await exportTrust(mixed, TWO_KEYS, at('mixed.trust.json'))
    expect(code).toBe(0)
    const signedHash = hashPolicy({ ...policy, identity: 'signed' })
    expect(trust).toMatchObject({ identity: 'asserted', signedPolicies: [signedHash] })
    expect(stderr).toContain('note: identity: asserted, with signedPolicies: 1 of the 2 policies')
    const log = readLog(at('mixed.jsonl'))
    const asserted = log.findIndex((e) => e.initiativeId === initiativeId)
    expect(log[asserted]?.command).toBeUndefined()
    expect(log[asserted]?.policyHash).toBe(hashPolicy(policy))
    expect(check(log, at('mixed.trust.json'), 'mixed-honest').code).toBe(0)
    const i = log.findIndex((e) => e.event.type === 'SUBMIT')
    expect(
      check(rechain(log.map((e, k) => (k === i ? unsign(e) : e))), at('mixed.trust.json'), 'mixed-bare'),
    ).toEqual({
      code: 1,
      out: `TAMPERED at position ${i}: the policy says identity: signed, but the event carries no signed command`,
    })
  })
})
