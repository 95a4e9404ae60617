import { describe, expect, it } from 'vitest'
import {
  formatNoteSigner,
  generateNoteSigner,
  parseNoteSigner,
  signerFromSeed,
  verifierKeyOf,
} from '../../src/tlog/noteKey.js'
import {
  COSIGNATURE_ED25519,
  NOTE_ED25519,
  parseVerifierKey,
  signNote,
  verifyNote,
} from '../../src/tlog/signedNote.js'

/** A seed whose keys' base64 holds "+" (found by counting up): the separator must not split it. */
function seedWithPlus(): Uint8Array {
  for (let n = 0; ; n++) {
    const seed = new Uint8Array(32).fill(n % 256)
    seed[0] = Math.floor(n / 256)
    const s = signerFromSeed('log.example/a', NOTE_ED25519, seed)
    if (formatNoteSigner(s).slice(12).split('+').length > 3 && verifierKeyOf(s).split('+').length > 3)
      return seed
  }
}

describe('note keys', () => {
  it('round-trips private and verifier keys, even when the base64 holds "+"', () => {
    const signer = signerFromSeed('log.example/a', NOTE_ED25519, seedWithPlus())
    const parsed = parseNoteSigner(formatNoteSigner(signer))
    if (typeof parsed === 'string') throw new Error(parsed)
    expect(parsed.publicKey).toEqual(signer.publicKey)
    const vkey = parseVerifierKey(verifierKeyOf(signer))
    if (typeof vkey === 'string') throw new Error(vkey)
    expect(vkey.keyId).toBe(signer.keyId)
    const note = signNote('log.example/a\n1\nAAAA\n', signer.name, signer.seed, signer.publicKey)
    expect(verifyNote(note, [vkey])).toMatchObject({ signedBy: ['log.example/a'] })
  })

  it('refuses a key whose id does not match, a wrong type, and bad names', () => {
    const w = generateNoteSigner('witness.example', COSIGNATURE_ED25519)
    const text = formatNoteSigner(w)
    expect(parseNoteSigner(text)).toMatchObject({ type: COSIGNATURE_ED25519 })
    const [a, b, name, id, key] = text.split('+', 5)
    const wrongId = `${a}+${b}+${name}+${id === '00000000' ? '00000001' : '00000000'}+${text.slice(`${a}+${b}+${name}+${id}+`.length)}`
    expect(parseNoteSigner(wrongId)).toMatch(/does not belong to the key/)
    expect(parseNoteSigner('nonsense')).toMatch(/starts with PRIVATE\+KEY\+/)
    expect(() => generateNoteSigner('has space')).toThrow(/cannot name a key/)
    expect(key).toBeDefined()
  })
})
