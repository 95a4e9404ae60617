import { describe, expect, it } from 'vitest'
import { applyKeyringChange, signingInstitutions } from '../../src/identity/applyKeyringChange.js'
import { type KeyringChange, keyringHash } from '../../src/identity/KeyringChange.js'
import { newKeyPair } from '../../src/identity/PrivateKeyFile.js'
import { signKeyringChange } from '../../src/identity/signKeyringChange.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'

const policy = loadPolicyFile('machines/policies/two-keys.yaml')
const AT = Date.parse('2026-02-01T00:00:00Z')
const from = '2026-01-01T00:00:00Z'
const seed = (n: number) => new Uint8Array(32).fill(n)
const oreshkin = newKeyPair('oreshkin', 'oreshkin-1', from, seed(1))
const grigorenko = newKeyPair('grigorenko', 'grigorenko-1', from, seed(2))
const paAide = newKeyPair('pa-aide', 'pa-aide-1', from, seed(3))
const operator = newKeyPair('minzifry', 'minzifry-1', from, seed(4))

const genesis: KeyringChange = {
  base: '',
  version: 1,
  add: [oreshkin.entry, grigorenko.entry, operator.entry],
  revoke: [],
  signatures: [],
}

describe('keyring changes need every key-holding institution', () => {
  it('names the institutions that must sign', () => {
    expect(signingInstitutions(policy)).toEqual(['presidential-administration', 'government-apparatus'])
  })

  it('the first keyring is signed by a key of each institution it introduces', () => {
    const both = signKeyringChange(signKeyringChange(genesis, oreshkin.privateKey), grigorenko.privateKey)
    expect(applyKeyringChange(policy, null, both, AT)).toEqual({ version: 1, entries: genesis.add })
  })

  it('refuses a change signed by one institution only, or by the operator', () => {
    const one = signKeyringChange(genesis, oreshkin.privateKey)
    expect(() => applyKeyringChange(policy, null, one, AT)).toThrow(
      expect.objectContaining({
        code: 'UNAUTHENTICATED',
        reasons: ['no valid signature from institution "government-apparatus"'],
      }),
    )
    const operatorOnly = signKeyringChange(genesis, operator.privateKey)
    expect(() => applyKeyringChange(policy, null, operatorOnly, AT)).toThrow(
      expect.objectContaining({
        reasons: expect.arrayContaining([
          'no valid signature from institution "presidential-administration"',
        ]),
      }),
    )
  })

  it('adds and revokes keys with both institutions, against the keyring it was made for', () => {
    const first = applyKeyringChange(
      policy,
      null,
      signKeyringChange(signKeyringChange(genesis, oreshkin.privateKey), grigorenko.privateKey),
      AT,
    )
    const rotate: KeyringChange = {
      base: keyringHash(first),
      version: 2,
      add: [paAide.entry],
      revoke: [{ keyId: 'minzifry-1', at: '2026-03-01T00:00:00Z' }],
      signatures: [],
    }
    const signed = signKeyringChange(signKeyringChange(rotate, grigorenko.privateKey), paAide.privateKey)
    // The aide's key is not in the keyring yet: it cannot sign for its own addition.
    expect(() => applyKeyringChange(policy, first, signed, AT)).toThrow(
      expect.objectContaining({ reasons: expect.arrayContaining(['key "pa-aide-1" is not in the keyring']) }),
    )
    // Every signature attached must verify: a bad one is refused even beside good ones.
    expect(() =>
      applyKeyringChange(policy, first, signKeyringChange(signed, oreshkin.privateKey), AT),
    ).toThrow(expect.objectContaining({ reasons: ['key "pa-aide-1" is not in the keyring'] }))
    const good = signKeyringChange(signKeyringChange(rotate, grigorenko.privateKey), oreshkin.privateKey)
    const second = applyKeyringChange(policy, first, good, AT)
    expect(second.version).toBe(2)
    expect(second.entries.find((e) => e.keyId === 'minzifry-1')?.revokedAt).toBe('2026-03-01T00:00:00Z')
    // Replaying the same change on the new keyring fails: it names another base.
    expect(() => applyKeyringChange(policy, second, good, AT)).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED' }),
    )
  })

  it('refuses a tampered change: signatures cover every field', () => {
    const both = signKeyringChange(signKeyringChange(genesis, oreshkin.privateKey), grigorenko.privateKey)
    const tampered = { ...both, add: [...both.add, paAide.entry] }
    expect(() => applyKeyringChange(policy, null, tampered, AT)).toThrow(
      expect.objectContaining({
        reasons: expect.arrayContaining(['the signature by key "oreshkin-1" does not verify']),
      }),
    )
  })
})
