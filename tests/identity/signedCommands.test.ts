import { ed25519 } from '@noble/curves/ed25519.js'
import { describe, expect, it } from 'vitest'
import { fromBase64url } from '../../src/identity/base64url.js'
import { keyringHash } from '../../src/identity/KeyringChange.js'
import type { Keyring } from '../../src/identity/KeyringSchema.js'
import { newKeyPair, PrivateKeyFileSchema } from '../../src/identity/PrivateKeyFile.js'
import { commandSigningBytes, signCommand } from '../../src/identity/signCommand.js'
import { verifyCommandSignature } from '../../src/identity/verifyCommandSignature.js'

const T0 = Date.parse('2026-01-01T00:00:00Z')
const seed = (n: number) => new Uint8Array(32).fill(n)
const oreshkin = newKeyPair('oreshkin', 'oreshkin-2026', '2026-01-01T00:00:00Z', seed(1))
const grigorenko = newKeyPair('grigorenko', 'grigorenko-2026', '2026-01-01T00:00:00Z', seed(2))
const keyring: Keyring = {
  version: 1,
  entries: [
    { ...oreshkin.entry, validUntil: '2027-01-01T00:00:00Z' },
    { ...grigorenko.entry, revokedAt: '2026-06-01T00:00:00Z' },
  ],
}
const decision = {
  type: 'decide' as const,
  initiativeId: 'kazan-datacentre',
  commandId: 'c-17',
  by: 'oreshkin',
  key: 'presidential-administration',
  decision: 'approve' as const,
  revision: 'r1-hash',
}

describe('signed commands', () => {
  it('a command signed by its actor verifies; the signature is plain Ed25519 over the documented bytes', () => {
    const signed = signCommand(decision, oreshkin.privateKey)
    expect(verifyCommandSignature(keyring, signed, T0 + 1)).toMatchObject({ ok: true })
    // Anyone can check it with any Ed25519 library.
    const bytes = new TextDecoder().decode(commandSigningBytes(signed, 'oreshkin-2026'))
    expect(bytes.startsWith('twokeys/command/v1\n{"command":{"by":"oreshkin","commandId":"c-17"')).toBe(true)
    expect(
      ed25519.verify(
        fromBase64url(signed.signature.value) as Uint8Array,
        commandSigningBytes(signed, 'oreshkin-2026'),
        fromBase64url(oreshkin.entry.publicKey) as Uint8Array,
      ),
    ).toBe(true)
  })

  it('refuses a forged signature, a signature by another principal, and an unsigned command', () => {
    const signed = signCommand(decision, oreshkin.privateKey)
    const flipped = signed.signature.value.startsWith('A')
      ? `B${signed.signature.value.slice(1)}`
      : `A${signed.signature.value.slice(1)}`
    expect(
      verifyCommandSignature(keyring, { ...signed, signature: { ...signed.signature, value: flipped } }, T0),
    ).toEqual({
      ok: false,
      reason: 'the signature of "oreshkin" (key "oreshkin-2026") does not verify',
    })
    // Grigorenko signs a command that says Oreshkin acts.
    const byAnother = signCommand(decision, { ...grigorenko.privateKey })
    expect(verifyCommandSignature(keyring, byAnother, T0)).toEqual({
      ok: false,
      reason: 'key "grigorenko-2026" belongs to "grigorenko", but the command acts as "oreshkin"',
    })
    const { signature: _s, ...unsigned } = signed
    expect(verifyCommandSignature(keyring, unsigned, T0)).toEqual({
      ok: false,
      reason: 'decide by "oreshkin" is not signed',
    })
  })

  it('a signature cannot be replayed onto another initiative, revision or command id', () => {
    const signed = signCommand(decision, oreshkin.privateKey)
    for (const changed of [
      { initiativeId: 'other' },
      { revision: 'r2-hash' },
      { commandId: 'c-18' },
      { decision: 'refuse' as const },
    ]) {
      expect(verifyCommandSignature(keyring, { ...signed, ...changed }, T0)).toMatchObject({ ok: false })
    }
  })

  it('requires what a signature binds: command id, initiative id, and the revision of a decision', () => {
    for (const drop of ['commandId', 'revision'] as const) {
      const { [drop]: _gone, ...rest } = decision
      const signed = signCommand(rest as typeof decision, oreshkin.privateKey)
      expect(verifyCommandSignature(keyring, signed, T0)).toMatchObject({
        ok: false,
        reason: expect.stringContaining(drop),
      })
    }
    const proposal = signCommand(
      {
        type: 'propose',
        commandId: 'c-1',
        by: 'oreshkin',
        title: 't',
        objective: 'infrastructure',
        scope: { kind: 'federal' },
      },
      oreshkin.privateKey,
    )
    expect(verifyCommandSignature(keyring, proposal, T0)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('initiativeId'),
    })
  })

  it('refuses a key outside its window, and a revoked key', () => {
    expect(
      verifyCommandSignature(
        keyring,
        signCommand(decision, oreshkin.privateKey),
        Date.parse('2027-02-01T00:00:00Z'),
      ),
    ).toEqual({
      ok: false,
      reason: 'key "oreshkin-2026" expired at 2027-01-01T00:00:00Z',
    })
    expect(verifyCommandSignature(keyring, signCommand(decision, oreshkin.privateKey), T0 - 1)).toMatchObject(
      { ok: false },
    )
    const byGrigorenko = signCommand(
      { ...decision, by: 'grigorenko', key: 'government-apparatus' },
      grigorenko.privateKey,
    )
    expect(verifyCommandSignature(keyring, byGrigorenko, Date.parse('2026-05-31T00:00:00Z'))).toMatchObject({
      ok: true,
    })
    expect(verifyCommandSignature(keyring, byGrigorenko, Date.parse('2026-06-01T00:00:00Z'))).toEqual({
      ok: false,
      reason: 'key "grigorenko-2026" was revoked at 2026-06-01T00:00:00Z',
    })
  })

  it('private key files are Ed25519 JSON Web Keys, and a damaged one is refused', () => {
    expect(PrivateKeyFileSchema.safeParse(oreshkin.privateKey).success).toBe(true)
    expect(
      PrivateKeyFileSchema.safeParse({ ...oreshkin.privateKey, x: grigorenko.entry.publicKey }).success,
    ).toBe(false)
    expect(keyringHash(keyring)).toMatch(/^[0-9a-f]{64}$/)
  })
})
