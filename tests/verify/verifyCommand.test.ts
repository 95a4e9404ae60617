import { describe, expect, it } from 'vitest'
import { BUG_CATALOGUE } from '../../src/verify/bugCatalogue.js'
import type { VerifyResult } from '../../src/verify/VerifyResult.js'
import { twokeys } from '../support/runCli.js'

const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s{4}at /m)

describe('twokeys verify', () => {
  it('prints the size of the space, a ✓ per invariant and the warnings, and exits 0 on two-keys.yaml', async () => {
    const { code, stdout, stderr } = await twokeys('verify', 'machines/policies/two-keys.yaml')
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const lines = stdout.split('\n')
    expect(lines[0]).toMatch(/^policy "two-keys": \d+ states, \d+ transitions, explored in \d+\.\d\d s$/)
    for (const line of [
      '✓ TK1 dual-key',
      '✓ TK2 distinct',
      '✓ TK3 no self-approval',
      '✓ TK4 veto',
      '✓ TK5 fresh',
      '✓ TK6 authority',
      '✓ TK7 expiry (vacuous: approvals cannot expire before the review ends — lifetime 90 d ≥ window 30 d + plenary 14 d)',
      '✓ TK8 no bypass',
      '✓ TK9 routing',
      '✓ TK10 no dead ends',
      '✓ TK11 order-free',
      '✓ TK12 replay',
    ]) {
      expect(lines).toContain(line)
    }
    // The rules that never bind are listed; no coverage warning.
    expect(stdout).toContain('Rules that never bind\n⚠ approvals.lifetimeDays:')
    expect(stdout).not.toContain('Warnings')
    expect(lines.at(-2)).toBe('every invariant that applies holds (TK7 only vacuously)')
  })

  it('shares the review among the initiatives by default, and searches each on its own with --no-shared-review', async () => {
    const shared = await twokeys('verify', 'machines/policies/two-keys.yaml', '--json')
    const apart = await twokeys('verify', 'machines/policies/two-keys.yaml', '--json', '--no-shared-review')
    expect([shared.code, apart.code]).toEqual([0, 0])
    const [on, off] = [shared, apart].map((r) => JSON.parse(r.stdout) as VerifyResult)
    expect(on?.sharedReview).toEqual(['federal', 'regional', 'export'])
    expect(off?.sharedReview).toEqual([])
    expect(on?.states).toBeLessThan(off?.states ?? 0)
    expect(on?.invariants.map((i) => i.status)).toEqual(off?.invariants.map((i) => i.status))
    const text = await twokeys('verify', 'machines/policies/two-keys.yaml', '--no-shared-review')
    expect(text.stdout).not.toContain('share their review')
  })

  it('prints the same with --json, for tools', async () => {
    const { code, stdout } = await twokeys('verify', 'machines/policies/single-key.yaml', '--json')
    expect(code).toBe(0)
    const result = JSON.parse(stdout) as VerifyResult
    expect(result).toMatchObject({ policy: 'single-key', bug: null, ok: true, complete: true, holes: [] })
    expect(result.invariants.find((i) => i.id === 'TK11')).toMatchObject({ status: 'not-applicable' })
  })

  it('runs a catalogued bug on its shipped policy: ✗ and the numbered story, exit 1', async () => {
    const { code, stdout } = await twokeys('verify', '--bug', 'deputy-ignores-window')
    expect(code).toBe(1)
    expect(stdout).toMatch(/^policy "two-keys" with bug "deputy-ignores-window": \d+ states/)
    const story = stdout.slice(stdout.indexOf('✗ TK6 authority'))
    expect(story.split('\n').slice(0, 7)).toEqual([
      '✗ TK6 authority: every counted approval came from a holder of that key, or a deputy inside the window of a delegation the policy allows',
      '    1. day 0 — minzifry proposes a federal infrastructure initiative',
      '    2. day 0 — minzifry submits it for review',
      '    3. day 0 — oreshkin names pa-aide deputy for presidential-administration from day 0 to day 14 (14 days; the policy allows 14)',
      "    4. day 14 — time passes: pa-aide's delegation for presidential-administration ends",
      '    5. day 14 — pa-aide approves presidential-administration',
      expect.stringMatching(
        /^ {4}→ an approval of key "presidential-administration" was recorded without authority/,
      ),
    ])
  })

  it('lists the catalogue with --bug list', async () => {
    const { code, stdout } = await twokeys('verify', '--bug', 'list')
    expect(code).toBe(0)
    expect(stdout.trimEnd().split('\n')).toHaveLength(BUG_CATALOGUE.length)
    expect(stdout).toMatch(
      /^routing-gap +the routing rules leave export initiatives unrouted \(policy, two-keys; opens a hole\)$/m,
    )
  })

  it('exits 1 on a policy file with a hole, telling its story', async () => {
    const { code, stdout } = await twokeys('verify', 'tests/fixtures/bugs/routing-gap.yaml')
    expect(code).toBe(1)
    expect(stdout).toContain(
      'Holes in the policy\n✗ no export initiative can ever be proposed\n    1. day 0 — minzifry proposes an export initiative exporting to belarus\n    → the machine refuses it: no routing rule',
    )
  })

  it('exits 2 on bad input, with a located message and no stack trace', async () => {
    const invalid = await twokeys('verify', 'tests/fixtures/policies/bad/quorum-above-holders.yaml')
    expect(invalid.code).toBe(2)
    expect(invalid.stderr).toMatch(/quorum-above-holders\.yaml:\d+:\d+/)
    noStackTrace(invalid.stderr)
    const unknownBug = await twokeys('verify', '--bug', 'no-such-bug')
    expect(unknownBug.code).toBe(2)
    expect(unknownBug.stderr).toContain(
      'there is no catalogued bug "no-such-bug"; choose one of: deputy-ignores-window',
    )
    const nothing = await twokeys('verify')
    expect(nothing.code).toBe(2)
    expect(nothing.stderr).toContain('give a policy file to verify, or --bug <name>')
    const badLimit = await twokeys('verify', 'machines/policies/two-keys.yaml', '--max-states', 'many')
    expect(badLimit.code).toBe(2)
    expect(badLimit.stderr).toContain('--max-states must be a whole number from 1 to 10,000,000, not "many"')
  })

  it('exits 1 when --max-states stops the search: no ✓, the reason, and "ok": false in --json', async () => {
    const { code, stdout } = await twokeys('verify', 'machines/policies/two-keys.yaml', '--max-states', '30')
    expect(code).toBe(1)
    expect(stdout).not.toContain('✓')
    expect(stdout).toMatch(/^\? TK1 dual-key \(unproven: held on the \d+ transitions explored/m)
    expect(stdout).toMatch(/✗ the exploration stopped at the limit of 30 states \(--max-states\)/)
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('no verdict: the exploration is partial')
    const json = await twokeys('verify', 'machines/policies/two-keys.yaml', '--max-states', '30', '--json')
    expect(json.code).toBe(1)
    const result = JSON.parse(json.stdout) as VerifyResult
    expect(result).toMatchObject({
      ok: false,
      complete: false,
      partial: expect.stringMatching(/--max-states/),
    })
  })

  it('exits 1 when the memory bound stops the search, saying how to give it more; never a crash', async () => {
    const { code, stdout } = await twokeys('verify', 'machines/policies/two-keys.yaml', '--max-memory', '1')
    expect(code).toBe(1)
    expect(stdout).not.toContain('✓')
    expect(stdout).toMatch(
      /✗ the exploration stopped at the memory bound of 1 MB after expanding 0 of 1 states seen; give the search more memory \(--max-memory <MB>/,
    )
    const bad = await twokeys('verify', 'machines/policies/two-keys.yaml', '--max-memory', '0')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--max-memory must be a whole number from 1 to 1,048,576')
  })

  it('shows its progress on a terminal (states, transitions, rate, time), and none with --json', async () => {
    const tty = Object.getOwnPropertyDescriptor(process.stderr, 'isTTY')
    Object.defineProperty(process.stderr, 'isTTY', { value: true, configurable: true })
    try {
      const people = await twokeys('verify', 'machines/policies/council.yaml')
      expect(people.code).toBe(0)
      expect(people.stderr).toMatch(
        /exploring "council": [\d,]+ states · [\d,]+ transitions · [\d,]+ states\/s · \d+\.\d s/,
      )
      const tools = await twokeys('verify', 'machines/policies/single-key.yaml', '--json')
      expect(tools.stderr).toBe('')
    } finally {
      if (tty === undefined) delete (process.stderr as { isTTY?: boolean }).isTTY
      else Object.defineProperty(process.stderr, 'isTTY', tty)
    }
  })
})
