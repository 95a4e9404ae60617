import { describe, expect, it } from 'vitest'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import type { Policy } from '../../src/policy/PolicySchema.js'
import type { VerifyResult } from '../../src/verify/VerifyResult.js'
import { verify } from '../../src/verify/verify.js'
import { twokeys } from '../support/runCli.js'

const shipped = (name: string) => loadPolicyFile(`machines/policies/${name}.yaml`)
const tk = (result: VerifyResult, id: string) => result.invariants.find((i) => i.id === id)
const rules = (result: VerifyResult) => result.vacuity.map((v) => `${v.rule}: ${v.reason}`)

describe('vacuity: rules that can never bind on the reachable space', () => {
  it('two-keys.yaml: TK7 holds only vacuously, found on the graph and explained by the arithmetic', () => {
    const result = verify(shipped('two-keys'))
    const reason =
      'approvals cannot expire before the review ends — lifetime 90 d ≥ window 30 d + plenary 14 d'
    expect(tk(result, 'TK7')).toMatchObject({ status: 'holds', vacuous: true, reason })
    expect(result.vacuity.find((v) => v.rule === 'approvals.lifetimeDays')).toEqual({
      rule: 'approvals.lifetimeDays',
      path: ['approvals', 'lifetimeDays'],
      reason,
      reasonPhrase: { key: 'idle.expiryInReview', params: { lifetime: 90, window: 30, plenary: 14 } },
      from: 'graph',
      invariants: ['TK7'],
    })
    expect(result.invariants.filter((i) => i.vacuous).map((i) => i.id)).toEqual(['TK7'])
    // One refusal by a sole holder already refuses the key: the veto flag changes nothing.
    expect(rules(result)).toContain(
      'keys[0].veto: the veto of key "presidential-administration" never matters — with a quorum of 1 of its 1 holder, one refusal already leaves too few holders to turn it',
    )
    expect(result.ok).toBe(true)
  })

  it('council.yaml: the lifetime equals the window, which lapses', () => {
    const result = verify(shipped('council'), { scopes: ['federal'] })
    expect(tk(result, 'TK7')).toMatchObject({
      vacuous: true,
      reason: 'approvals cannot expire before the review ends — lifetime 30 d ≥ window 30 d (then it lapses)',
    })
    // The council of governors (2 of 3, no veto) is not flagged; the co-chairs' vetoes are.
    expect(result.vacuity.filter((v) => v.rule.endsWith('.veto')).map((v) => v.rule)).toEqual([
      'keys[0].veto',
      'keys[1].veto',
    ])
  })

  it('is not reported where the rule binds: a 10-day lifetime, a veto on a 2-of-3 key', () => {
    const twoKeys = shipped('two-keys')
    const expiring = verify({ ...twoKeys, approvals: { lifetimeDays: 10 } }, { scopes: ['federal'] })
    expect(tk(expiring, 'TK7')).toMatchObject({ status: 'holds', vacuous: false })
    expect(expiring.vacuity.map((v) => v.rule)).not.toContain('approvals.lifetimeDays')
    const council = shipped('council')
    const vetoing: Policy = {
      ...council,
      keys: council.keys.map((k, i) => (i === 2 ? { ...k, veto: true } : k)),
    }
    expect(verify(vetoing, { scopes: ['federal'] }).vacuity.map((v) => v.rule)).not.toContain('keys[2].veto')
  })

  it('deputies no one can be: allowed, but no principal of the institution besides its holder', () => {
    const policy = shipped('two-keys')
    const lonely: Policy = {
      ...policy,
      principals: policy.principals.filter((p) => p.id !== 'ga-aide'),
      keys: policy.keys.map((k) =>
        k.id === 'government-apparatus' ? { ...k, deputies: { allowed: true, maxDays: 14 } } : k,
      ),
    }
    const result = verify(lonely, { scopes: ['federal'] })
    expect(result.vacuity.find((v) => v.rule === 'keys[1].deputies')).toMatchObject({
      from: 'graph',
      reason:
        'deputies of key "government-apparatus" can never act: no reachable state takes a decision by one (no principal but its holders belongs to "government-apparatus")',
    })
    expect(result.vacuity.map((v) => v.rule)).not.toContain('keys[0].deputies')
  })

  it('a routing rule shadowed by an earlier one, or matching nothing the policy can express', () => {
    const policy = shipped('two-keys')
    const shadowed: Policy = {
      ...policy,
      routing: [
        ...policy.routing,
        { when: { objective: ['export'], scope: ['export'] }, track: 'export' },
        { when: { objective: ['infrastructure'] }, track: 'federal' },
      ],
    }
    const result = verify(shadowed, { scopes: ['federal'] })
    expect(rules(result)).toEqual(
      expect.arrayContaining([
        'routing[3]: routing[3] (objective export, scope export → track export) never decides a track — routing[0] takes every initiative it matches first (first match wins)',
        'routing[4]: routing[4] (objective infrastructure → track federal) never decides a track — routing[0], routing[1], routing[2] take every initiative it matches first (first match wins)',
      ]),
    )
  })

  it('twokeys verify marks the vacuous ✓ and lists the warnings; --json has vacuous and reason', async () => {
    const { code, stdout } = await twokeys('verify', 'machines/policies/two-keys.yaml')
    expect(code).toBe(0)
    const lines = stdout.split('\n')
    expect(lines).toContain(
      '✓ TK7 expiry (vacuous: approvals cannot expire before the review ends — lifetime 90 d ≥ window 30 d + plenary 14 d)',
    )
    expect(lines).toContain('Rules that never bind')
    expect(lines).toContain(
      '⚠ approvals.lifetimeDays: approvals cannot expire before the review ends — lifetime 90 d ≥ window 30 d + plenary 14 d (so TK7 holds vacuously)',
    )
    const json = JSON.parse((await twokeys('verify', 'machines/policies/two-keys.yaml', '--json')).stdout)
    expect(json.invariants.find((i: { id: string }) => i.id === 'TK7')).toMatchObject({
      vacuous: true,
      reason: expect.stringMatching(/^approvals cannot expire/),
    })
    expect(json.invariants.find((i: { id: string }) => i.id === 'TK1')).toMatchObject({ vacuous: false })
  })
})
