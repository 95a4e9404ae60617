import { describe, expect, it } from 'vitest'
import { toBase64 } from '../../src/tlog/base64.js'
import { MAX_PROOF_LINES, parseAddCheckpoint } from '../../src/witness/parseAddCheckpoint.js'
import { body, makeLog, ORIGIN } from './logFixture.js'

describe('parseAddCheckpoint (the add-checkpoint body of c2sp.org/tlog-witness)', () => {
  const log = makeLog().append(9)

  it('reads the old size, each proof hash and the checkpoint note', () => {
    const parsed = parseAddCheckpoint(new TextEncoder().encode(log.request(4)))
    expect(parsed).toEqual({
      oldSize: 4,
      proof: log.proof(4),
      note: log.note(),
      checkpoint: { origin: ORIGIN, size: 9, root: log.root() },
    })
    expect(log.proof(4).length).toBeGreaterThan(0)
    expect(parseAddCheckpoint(log.request(0))).toMatchObject({ oldSize: 0, proof: [] })
  })

  it.each([
    ['no old line', log.note(), /old <size>/],
    ['a leading zero', `old 04\n\n${log.note()}`, /no leading zeros/],
    ['a negative size', `old -1\n\n${log.note()}`, /old <size>/],
    ['two spaces', `old  4\n\n${log.note()}`, /old <size>/],
    ['an unsafe integer', `old 99999999999999999999\n\n${log.note()}`, /old <size>/],
    ['no empty line', `old 0\n${log.note()}`, /not a base64 SHA-256 hash/],
    ['a short hash', `old 4\n${toBase64(new Uint8Array(31))}\n\n${log.note()}`, /proof line 1/],
    [
      'non-canonical base64',
      `old 4\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB=\n\n${log.note()}`,
      /proof line 1/,
    ],
    ['a body that ends early', 'old 4\n', /empty line before the checkpoint/],
    ['no signatures', `old 0\n\n${log.text()}`, /signed note/],
    ['a bad checkpoint', body(0, [], `${ORIGIN}\n09\nAAAA\n\n— x AAAAAAA=\n`), /malformed/],
  ])('refuses %s', (_what, text, reason) => {
    expect(parseAddCheckpoint(text)).toMatch(reason)
  })

  it(`accepts ${MAX_PROOF_LINES} proof lines and refuses one more`, () => {
    const hash = new Uint8Array(32).fill(1)
    expect(parseAddCheckpoint(body(1, Array(MAX_PROOF_LINES).fill(hash), log.note()))).toMatchObject({
      oldSize: 1,
    })
    expect(parseAddCheckpoint(body(1, Array(MAX_PROOF_LINES + 1).fill(hash), log.note()))).toMatch(
      /more than 63/,
    )
  })

  it('refuses bytes that are not UTF-8', () => {
    expect(parseAddCheckpoint(new Uint8Array([0x6f, 0x6c, 0x64, 0x20, 0xff, 0x0a]))).toMatch(/UTF-8/)
  })
})
