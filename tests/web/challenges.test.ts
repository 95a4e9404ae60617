import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { CommandInput } from '../../src/domain/Command.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { runScript } from '../../src/script/runScript.js'
import { createSandbox, SANDBOX_INITIATIVE } from '../../web/src/createSandbox.js'
import { CHALLENGES } from '../../web/src/lessons/challenges.js'
import { loadSeedScript } from '../../web/src/lessons/seedScript.js'
import { defaultDraft, offersFor } from '../../web/src/offersFor.js'
import { SHIPPED_POLICIES } from '../../web/src/shippedPolicies.js'

const on = { initiativeId: SANDBOX_INITIATIVE }
const DAY = 86_400_000

/** What a student does in each challenge: a clock move (ms) or a command. */
const ATTEMPTS: Record<string, (number | CommandInput)[]> = {
  'one-co-chair': [
    { type: 'decide', ...on, by: 'oreshkin', key: 'government-apparatus', decision: 'approve' },
  ],
  'self-approval': [
    { type: 'decide', ...on, by: 'gov-tatarstan', key: 'presidential-administration', decision: 'approve' },
  ],
  'deputy-after-hours': [
    8 * DAY,
    { type: 'decide', ...on, by: 'pa-aide', key: 'presidential-administration', decision: 'approve' },
  ],
  'keep-the-key': [{ type: 'amend', ...on, by: 'minpromtorg', summary: 'Now with Belarus.' }],
  'unfriendly-export': [
    {
      type: 'propose',
      ...on,
      by: 'minpromtorg',
      title: 'AI suite for Atlantis',
      objective: 'export',
      scope: { kind: 'export', destinations: ['kazakhstan', 'atlantis'] },
    },
  ],
  'let-the-clock-decide': [31 * DAY],
  'overrule-a-veto': [
    { type: 'decide', ...on, by: 'oreshkin', key: 'presidential-administration', decision: 'approve' },
  ],
}

describe('the classroom challenges', () => {
  it.each(CHALLENGES.map((c) => [c.id, c] as const))(
    '%s: set up by the engine, stopped by its invariant',
    async (id, challenge) => {
      const sandbox = createSandbox(loadPolicyFile(`machines/policies/${challenge.policy}`))
      for (const step of challenge.setup) {
        if (step.advance !== undefined) await sandbox.advance(step.advance)
        if (step.command !== undefined)
          expect(await sandbox.attempt(step.command)).toMatchObject({ kind: 'accepted' })
      }
      let found = false
      for (const attempt of ATTEMPTS[id] ?? []) {
        let outcome = null
        if (typeof attempt === 'number') await sandbox.advance(attempt)
        else outcome = await sandbox.attempt(attempt)
        found ||= challenge.found(outcome, (await sandbox.scene()).board)
      }
      expect(found, `the student's attempt at "${challenge.id}" should run into ${challenge.invariant}`).toBe(
        true,
      )
    },
  )

  it('each names a different invariant, and a principal of its policy', () => {
    expect(new Set(CHALLENGES.map((c) => c.invariant)).size).toBe(CHALLENGES.length)
    for (const c of CHALLENGES) {
      expect(loadPolicyFile(`machines/policies/${c.policy}`).principals.map((p) => p.id)).toContain(c.actAs)
    }
  })
})

describe('what the page bundles', () => {
  it('ships every policy in machines/policies, two-keys.yaml first', () => {
    const files = readdirSync('machines/policies').filter((f) => f.endsWith('.yaml'))
    expect(SHIPPED_POLICIES.map((p) => p.file).sort()).toEqual(files.sort())
    expect(SHIPPED_POLICIES[0]?.file).toBe('two-keys.yaml')
    for (const p of SHIPPED_POLICIES) expect(p.text).toBe(readFileSync(`machines/policies/${p.file}`, 'utf8'))
  })

  it('runs the seed story it bundles, with its shipped policy', async () => {
    const { script, policy, policyFile } = loadSeedScript()
    expect(policyFile).toBe('two-keys.yaml')
    const run = await runScript(script, policy)
    expect(run.surprises).toBe(0)
  })

  it('offers commands without judging them: the engine says which may be taken', async () => {
    const policy = loadPolicyFile('machines/policies/two-keys.yaml')
    const sandbox = createSandbox(policy)
    const [propose] = offersFor(
      policy,
      'oreshkin',
      SANDBOX_INITIATIVE,
      null,
      sandbox.now(),
      defaultDraft(policy),
    )
    expect(propose?.command).toMatchObject({ type: 'propose', by: 'oreshkin' })
    expect(await sandbox.explain(propose?.command as CommandInput)).toMatchObject({
      allowed: false,
      code: 'NOT_AUTHORIZED',
    })
    const invalid = { ...(propose?.command as object), scope: { kind: 'export', destinations: [] } }
    expect(await sandbox.explain(invalid as unknown as CommandInput)).toMatchObject({
      allowed: false,
      code: 'COMMAND_INVALID',
    })
  })
})
