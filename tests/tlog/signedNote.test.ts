import { describe, expect, it } from 'vitest'
import { ed25519PublicKey } from '../../src/identity/ed25519.js'
import { fromBase64, toBase64 } from '../../src/tlog/base64.js'
import {
  formatVerifierKey,
  parseVerifierKey,
  signNote,
  type VerifierKey,
  verifyNote,
} from '../../src/tlog/signedNote.js'

// The example of c2sp.org/signed-note.
const VKEY = 'example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k'
const NOTE =
  'This is an example message.\n\n\u2014 example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n'

describe('signed notes (c2sp.org/signed-note)', () => {
  it('verifies the specification’s example note with its verifier key', () => {
    const key = parseVerifierKey(VKEY) as VerifierKey
    expect(typeof key).toBe('object')
    expect(verifyNote(NOTE, [key])).toEqual({
      text: 'This is an example message.\n',
      signedBy: ['example.com/foo'],
    })
    expect(verifyNote(NOTE.replace('example message', 'exemplary message'), [key])).toMatch(/does not verify/)
    expect(verifyNote(NOTE, [])).toBe('no signature from a trusted key')
  })

  it('signs notes another implementation can read, and refuses a vkey whose id does not match', () => {
    const seed = new Uint8Array(32).fill(5)
    const pub = ed25519PublicKey(seed)
    const vkey = formatVerifierKey('twokeys.example/log', 1, pub)
    const note = signNote('hello\n', 'twokeys.example/log', seed, pub)
    expect(verifyNote(note, [parseVerifierKey(vkey) as VerifierKey])).toMatchObject({
      signedBy: ['twokeys.example/log'],
    })
    const [name, , key] = vkey.split('+')
    expect(parseVerifierKey(`${name}+00000000+${key}`)).toMatch(/does not belong/)
  })

  it('writes standard padded base64, one text per byte string', () => {
    for (const n of [0, 1, 2, 3, 31, 32, 33, 64]) {
      const bytes = new Uint8Array(n).map((_, i) => (i * 37) & 255)
      expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'))
      expect(fromBase64(toBase64(bytes))).toEqual(bytes)
    }
    expect(fromBase64('AB==')).toBeUndefined() // non-zero bits under the padding
  })
})
