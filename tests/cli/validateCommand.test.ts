import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

// The real CLI from source: main() with the arguments given, as bin/twokeys.js runs it from dist/.
const ENTRY =
  "import { main } from './src/cli/main.ts'; await main(['node', 'twokeys', ...process.argv.slice(1)])"

function twokeys(...args: string[]) {
  const { FORCE_COLOR: _force, ...env } = process.env
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', ENTRY, ...args], {
    encoding: 'utf8',
    env: { ...env, NO_COLOR: '1' },
  })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

const BAD = 'tests/fixtures/policies/bad'
const badFiles = readdirSync(BAD).map((f) => `${BAD}/${f}`)
const shipped = ['two-keys', 'single-key', 'council'].map((name) => `machines/policies/${name}.yaml`)
const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s{4}at /m)

describe('twokeys validate', () => {
  it('accepts the shipped policies and prints their hashes (exit 0)', () => {
    const { code, stdout, stderr } = twokeys('validate', ...shipped)
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const lines = stdout.trimEnd().split('\n')
    expect(lines).toHaveLength(3)
    expect(lines[0]).toMatch(
      /^✓ machines\/policies\/two-keys\.yaml: policy "two-keys" \(2 keys, 10 principals\) · hash [0-9a-f]{12}$/,
    )
    expect(lines[1]).toMatch(
      /^✓ machines\/policies\/single-key\.yaml: policy "single-key" \(1 key, 10 principals\)/,
    )
    expect(lines[2]).toMatch(
      /^✓ machines\/policies\/council\.yaml: policy "council" \(3 keys, 10 principals\)/,
    )
  })

  it('reports every malformed fixture with a located ✖ line and exit 2, never a stack trace', () => {
    const { code, stdout, stderr } = twokeys('validate', ...badFiles)
    expect(code).toBe(2)
    noStackTrace(stdout)
    noStackTrace(stderr)
    expect(stderr).toContain(
      '✖ keys[1].quorum: 3 is more than the 2 holders of "government-apparatus"; lower the quorum or add holders\n' +
        `  → at ${BAD}/quorum-above-holders.yaml:39:13`,
    )
    for (const file of badFiles) expect(stderr).toMatch(new RegExp(`→ at ${file}:\\d+:\\d+`))
  })

  it('prints { file, valid, hash?, issues } with --json', () => {
    const { code, stdout } = twokeys('validate', '--json', shipped[0]!, `${BAD}/unknown-field-typo.yaml`)
    expect(code).toBe(2)
    const [good, bad] = JSON.parse(stdout)
    expect(good).toEqual({
      file: shipped[0],
      valid: true,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      issues: [],
    })
    expect(bad).toMatchObject({
      file: `${BAD}/unknown-field-typo.yaml`,
      valid: false,
      issues: [
        { path: ['keys', 1, 'quorom'], line: 39, column: 5, message: expect.stringContaining('"quorum"') },
      ],
    })
    expect(bad).not.toHaveProperty('hash')
  })

  it('reports a missing file as bad input, without a stack trace', () => {
    const { code, stdout, stderr } = twokeys('validate', 'no/such/policy.yaml')
    expect(code).toBe(2)
    expect(stderr).toContain('✖ cannot read "no/such/policy.yaml" (no such file); check the path')
    noStackTrace(stdout + stderr)
  })
})
