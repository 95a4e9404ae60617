import { describe, expect, it } from 'vitest'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { policyWarnings } from '../../src/policy/policyWarnings.js'
import { assertVerified } from '../../src/verify/assertVerified.js'
import type { VerifyResult } from '../../src/verify/VerifyResult.js'
import { verify } from '../../src/verify/verify.js'
import { twokeys } from '../support/runCli.js'

const FIXTURE = 'tests/fixtures/bugs/amendment-reroutes.yaml'
const shipped = (name: string) => loadPolicyFile(`machines/policies/${name}.yaml`)

describe('a field routing reads but amendments do not count as substantive', () => {
  it('is a policy warning naming the field and the routing rule; the shipped policies have none', () => {
    const [warning, ...rest] = policyWarnings(loadPolicyFile(FIXTURE))
    expect(rest).toEqual([])
    expect(warning).toMatchObject({
      code: 'amendment-reroutes',
      path: ['amendments', 'substantive'],
      field: 'scope',
      rule: 0,
    })
    expect(warning?.message).toBe(
      'leaves out "scope", which routing reads (routing[0]: scope export → track export): an initiative some keys approved as federal (track federal) can be amended to export without a new revision, keep those approvals and be routed to export; add "scope" to amendments.substantive',
    )
    for (const name of ['two-keys', 'single-key', 'council'])
      expect(policyWarnings(shipped(name))).toEqual([])
  })

  it('verify reports it as a hole with the story the machine follows, and exits 1', async () => {
    const result = verify(loadPolicyFile(FIXTURE))
    expect(result.ok).toBe(false)
    const hole = result.holes.find((h) => h.title.includes('amended'))
    expect(hole?.title).toBe(
      'an initiative approved as federal can be amended to export and keep its approvals (amendments.substantive leaves out "scope")',
    )
    expect(hole?.counterexample.steps.map((s) => `${s.n}. ${s.day} — ${s.text}`)).toEqual([
      '1. day 0 — minzifry proposes a federal infrastructure initiative',
      '2. day 0 — minzifry submits it for review',
      '3. day 0 — oreshkin approves presidential-administration',
      '4. day 0 — minzifry amends the scope to an infrastructure initiative exporting to belarus (not substantive)',
      '5. day 0 — grigorenko approves government-apparatus',
    ])
    expect(hole?.counterexample.violation).toMatch(
      /^routed to export on the approval oreshkin gave for presidential-administration on a federal initiative: amendments\.substantive leaves out "scope", which routing\[0\] reads/,
    )
    expect(() => assertVerified(loadPolicyFile(FIXTURE))).toThrow(
      /^policy "two-keys-amendment-reroutes" has 1 hole; run `twokeys verify`/,
    )
    const cli = await twokeys('verify', FIXTURE, '--json')
    expect(cli.code).toBe(1)
    expect((JSON.parse(cli.stdout) as VerifyResult).holes.map((h) => h.title)).toContain(hole?.title)
  })

  it('tells the same story on two threads, where the images of the shared review are read for it as found', () => {
    const one = verify(loadPolicyFile(FIXTURE))
    expect(one.sharedReview.length).toBeGreaterThan(1)
    const two = verify(loadPolicyFile(FIXTURE), { workers: 2 })
    expect({ ...two, seconds: 0 }).toEqual({ ...one, seconds: 0 })
  })

  it('validate prints it as a warning with ⚠ and its place in the file, and still exits 0', async () => {
    const { code, stdout, stderr } = await twokeys('validate', FIXTURE)
    expect(code).toBe(0)
    expect(stderr).toBe('')
    const lines = stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(
      /^✓ tests\/fixtures\/bugs\/amendment-reroutes\.yaml: policy "two-keys-amendment-reroutes"/,
    )
    expect(lines[1]).toBe(
      '⚠ amendments.substantive: leaves out "scope", which routing reads (routing[0]: scope export → track export): an initiative some keys approved as federal (track federal) can be amended to export without a new revision, keep those approvals and be routed to export; add "scope" to amendments.substantive',
    )
    expect(lines[2]).toMatch(/^ {2}→ at tests\/fixtures\/bugs\/amendment-reroutes\.yaml:82:\d+$/)
    const json = await twokeys('validate', FIXTURE, '--json')
    expect(json.code).toBe(0)
    expect(JSON.parse(json.stdout)[0]).toMatchObject({
      valid: true,
      warnings: [{ code: 'amendment-reroutes', path: ['amendments', 'substantive'], line: 82 }],
    })
  })
})
