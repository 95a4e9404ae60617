import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { main } from '../../src/cli/main.js'
import { keyRegionLabels } from '../../src/render/keyRegionLabels.js'
import { toDot } from '../../src/render/toDot.js'
import { toMermaid } from '../../src/render/toMermaid.js'
import { twoKeys, twoKeysMachine } from './fixtures.js'

const POLICY = 'machines/policies/two-keys.yaml'

/** Runs `twokeys …` in-process and captures what it prints. */
async function twokeys(...args: string[]) {
  const out: string[] = []
  const err: string[] = []
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => out.push(String(chunk)) > 0)
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => err.push(String(chunk)) > 0)
  try {
    await main(['node', 'twokeys', ...args])
  } finally {
    vi.restoreAllMocks()
  }
  return { stdout: out.join(''), stderr: err.join(''), exitCode: process.exitCode ?? 0 }
}

describe('twokeys diagram', () => {
  beforeEach(() => {
    process.exitCode = undefined
  })
  afterEach(() => {
    process.exitCode = undefined
  })

  it('prints the Mermaid diagram by default, each key region named with its quorum, veto and deputies', async () => {
    const run = await twokeys('diagram', POLICY)
    expect(run.stdout).toContain(
      'state "government-apparatus: 1 of grigorenko · veto · deputy ga-aide, up to 14 days"',
    )
    expect(run).toEqual({
      stdout: toMermaid(twoKeysMachine, { labels: keyRegionLabels(twoKeys) }),
      stderr: '',
      exitCode: 0,
    })
  })

  it('prints DOT with --format dot', async () => {
    const run = await twokeys('diagram', POLICY, '--format', 'dot')
    expect(run).toEqual({ stdout: toDot(twoKeysMachine), stderr: '', exitCode: 0 })
  })

  it('writes to --out and says so', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'twokeys-diagram-')), 'two-keys.dot')
    const run = await twokeys('diagram', POLICY, '-f', 'dot', '--out', out)
    expect(run.exitCode).toBe(0)
    expect(readFileSync(out, 'utf8')).toBe(toDot(twoKeysMachine))
    expect(run.stdout).toContain(`dot diagram of policy "two-keys" to ${out}`)
  })

  it('prints JSON with --json', async () => {
    const run = await twokeys('diagram', POLICY, '--json')
    expect(JSON.parse(run.stdout)).toEqual({
      policy: 'two-keys',
      format: 'mermaid',
      diagram: toMermaid(twoKeysMachine, { labels: keyRegionLabels(twoKeys) }),
    })
  })

  it('exits 2 with a message naming the file when the policy cannot be read', async () => {
    const run = await twokeys('diagram', 'no/such/policy.yaml')
    expect(run.exitCode).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain('"no/such/policy.yaml"')
  })

  it('exits 2 when --out cannot be written', async () => {
    const run = await twokeys('diagram', POLICY, '--out', join(tmpdir(), 'no-such-dir-twokeys', 'x.mmd'))
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toContain('cannot write the diagram to')
  })

  it('exits 2 on an unknown --format', async () => {
    const run = await twokeys('diagram', POLICY, '--format', 'svg')
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toContain('mermaid, dot')
  })
})
