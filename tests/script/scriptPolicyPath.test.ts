import { realpathSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadScriptFile } from '../../src/script/loadScriptFile.js'
import { scratchFiles } from '../cli/scratchFiles.js'
import { twokeys } from '../support/runCli.js'

// README "Installing from npm": for the script of `twokeys run`, a file comes first (here: next to
// the script), else a `twokeys/…` path is looked up in the package and a bare name is the shipped policy.
const { at } = scratchFiles('twokeys-script-policy-')
const steps = [
  'start: 2026-03-02T09:00:00Z',
  'steps:',
  '  - propose: { as: x, by: minzifry, title: T, objective: infrastructure, scope: { kind: federal } }',
  '',
].join('\n')
const shipped = (name: string) => realpathSync(resolve('machines', 'policies', name))

describe("a script's policy", () => {
  it('is a file next to the script first, even when a shipped policy has its name', () => {
    const beside = at('two-keys.yaml', 'not read here')
    const { policyPath } = loadScriptFile(at('beside.yaml', `policy: two-keys.yaml\n${steps}`))
    expect(policyPath).toBe(beside)
  })

  it('else is the shipped policy, by its bare name or its package path', () => {
    const bare = loadScriptFile(at('bare.yaml', `policy: council.yaml\n${steps}`))
    expect(realpathSync(bare.policyPath)).toBe(shipped('council.yaml'))
    const packaged = loadScriptFile(at('packaged.yaml', `policy: twokeys/policies/single-key.yaml\n${steps}`))
    expect(realpathSync(packaged.policyPath)).toBe(shipped('single-key.yaml'))
  })

  it('runs under the shipped policy it names', async () => {
    const ran = await twokeys('run', at('run.yaml', `policy: single-key.yaml\n${steps}`), '--json')
    expect(ran.stderr).toBe('')
    expect(JSON.parse(ran.stdout)).toMatchObject({ policyId: 'single-key', surprises: 0 })
  })

  it('is refused as run --policy refuses it when the package does not ship it, naming what it ships', async () => {
    const script = at('missing.yaml', `policy: twokeys/policies/no-such.yaml\n${steps}`)
    const ran = await twokeys('run', script)
    const bypolicy = await twokeys('run', script, '--policy', 'twokeys/policies/no-such.yaml')
    expect(ran.code).toBe(2)
    expect(ran.stderr).toContain(
      'no file "twokeys/policies/no-such.yaml" here, nor in the twokeys package: it ships',
    )
    expect(ran.stderr).toBe(bypolicy.stderr)
    const bare = await twokeys('run', at('bare-missing.yaml', `policy: no-such.yaml\n${steps}`))
    expect(bare.code).toBe(2)
    expect(bare.stderr).toContain('no-such.yaml')
  })
})
