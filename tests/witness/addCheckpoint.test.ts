import { describe, expect, it } from 'vitest'
import { toBase64 } from '../../src/tlog/base64.js'
import { verifyCosignatures } from '../../src/tlog/checkpoint.js'
import { EMPTY_ROOT } from '../../src/tlog/merkle.js'
import { signerFromSeed } from '../../src/tlog/noteKey.js'
import { NOTE_ED25519, signNote } from '../../src/tlog/signedNote.js'
import { addCheckpoint, SIZE_TYPE } from '../../src/witness/addCheckpoint.js'
import { emptyWitnessState, type WitnessState } from '../../src/witness/WitnessState.js'
import { body, makeLog, ORIGIN, paWitness, seed, vkeyOf } from './logFixture.js'

const NOW = 1_772_400_000
const pa = vkeyOf(paWitness)

/** One decision by the pa witness trusting `log`. */
function decide(state: WitnessState, request: string, log = makeLog(), now = NOW) {
  return addCheckpoint({ state, logKeys: [log.vkey], signer: paWitness, request, now })
}

/** The state after cosigning `size` of `log` from nothing. */
function cosigned(log: ReturnType<typeof makeLog>, size: number): WitnessState {
  const outcome = decide(emptyWitnessState(paWitness.name), log.request(0, size), log)
  expect(outcome.status).toBe(200)
  return outcome.newState as WitnessState
}

describe('addCheckpoint: the decision of c2sp.org/tlog-witness add-checkpoint', () => {
  it('cosigns a first checkpoint from old 0, and remembers its size, root and time', () => {
    const log = makeLog().append(5)
    const outcome = decide(emptyWitnessState(paWitness.name), log.request(0), log)
    expect(outcome).toMatchObject({ status: 200, contentType: 'text/plain; charset=utf-8' })
    expect(outcome.body).toMatch(/^— pa\.example\/witness \S+\n$/)
    expect(verifyCosignatures(log.note() + outcome.body, [pa])).toEqual({
      text: log.text(),
      cosignedBy: [{ name: 'pa.example/witness', timestamp: NOW }],
    })
    expect(outcome.newState?.logs[ORIGIN]).toEqual({ size: 5, root: toBase64(log.root()), cosignedAt: NOW })
  })

  it('cosigns an extension proved consistent with what it cosigned, and then refuses the older one', () => {
    const log = makeLog().append(5)
    const state = cosigned(log, 5)
    log.append(8)
    const next = decide(state, log.request(5), log, NOW + 60)
    expect(next.status).toBe(200)
    expect(verifyCosignatures(log.note() + next.body, [pa])).toMatchObject({
      cosignedBy: [{ name: 'pa.example/witness', timestamp: NOW + 60 }],
    })
    expect(next.newState?.logs[ORIGIN]?.size).toBe(13)
    // Going back to size 5: the old size no longer matches what it cosigned.
    const back = decide(next.newState as WitnessState, log.request(0, 5), log)
    expect(back).toMatchObject({ status: 409, contentType: SIZE_TYPE, body: '13\n' })
    expect(back.newState).toBeUndefined()
  })

  it('refuses a split view: the same size with another root (422), whatever old size is sent', () => {
    const log = makeLog().append(4)
    const state = cosigned(log.append(3), 7)
    const other = makeLog().append(4).fork('evil').append(3) // same key, same first 4 leaves
    expect(toBase64(other.root())).not.toBe(toBase64(log.root()))
    const same = decide(state, body(7, [], other.note()), other)
    expect(same.status).toBe(422)
    expect(same.reason).toMatch(/split view/)
    expect(decide(state, other.request(0), other).status).toBe(409)
    // The same checkpoint again is fine (a retry), and proves nothing new.
    expect(decide(state, body(7, [], log.note()), log).status).toBe(200)
  })

  it('refuses an extension of a fork: the proof from its root does not verify (422)', () => {
    const log = makeLog().append(6)
    const state = cosigned(log, 6)
    const fork = makeLog().append(3).fork('evil').append(10) // diverges at leaf 3, before size 6
    const outcome = decide(state, fork.request(6), fork)
    expect(outcome.status).toBe(422)
    expect(outcome.reason).toMatch(/does not verify/)
  })

  it('refuses a tampered proof (422) and accepts the untampered one', () => {
    const log = makeLog().append(6)
    const state = cosigned(log, 6)
    log.append(5)
    const proof = log.proof(6)
    const bad = proof.map((h, i) => (i === proof.length - 1 ? h.map((b, j) => (j === 0 ? b ^ 1 : b)) : h))
    expect(decide(state, body(6, bad, log.note()), log).status).toBe(422)
    expect(decide(state, body(6, proof.slice(1), log.note()), log).status).toBe(422)
    expect(decide(state, body(6, proof, log.note()), log).status).toBe(200)
  })

  it('refuses a proof with old 0 (422), a same-size proof (422) and a size-0 tree with a root (422)', () => {
    const log = makeLog().append(6)
    expect(decide(emptyWitnessState(paWitness.name), body(0, log.proof(3), log.note()), log)).toMatchObject({
      status: 422,
      reason: expect.stringMatching(/must be empty/),
    })
    const state = cosigned(log, 6)
    expect(decide(state, body(6, log.proof(3), log.note()), log).status).toBe(422)
    const sign = (text: string) => signNote(text, log.signer.name, log.signer.seed, log.signer.publicKey)
    const zero = (root: Uint8Array) => body(0, [], sign(`${ORIGIN}\n0\n${toBase64(root)}\n`))
    expect(decide(emptyWitnessState(paWitness.name), zero(log.root()), log).status).toBe(422)
    expect(decide(emptyWitnessState(paWitness.name), zero(EMPTY_ROOT), log).status).toBe(200)
  })

  it('answers 404 for an origin it has no key for', () => {
    const stranger = makeLog(signerFromSeed('stranger.example/log', NOTE_ED25519, seed(3))).append(2)
    const outcome = addCheckpoint({
      state: emptyWitnessState(paWitness.name),
      logKeys: [makeLog().vkey],
      signer: paWitness,
      request: stranger.request(0),
      now: NOW,
    })
    expect(outcome).toMatchObject({ status: 404, origin: 'stranger.example/log' })
  })

  it('answers 403 for a forged, altered or missing log signature', () => {
    const log = makeLog().append(3)
    const forger = makeLog(signerFromSeed(ORIGIN, NOTE_ED25519, seed(66))).append(3) // right name, wrong key
    const empty = emptyWitnessState(paWitness.name)
    expect(decide(empty, forger.request(0), log).status).toBe(403)
    const altered = log.request(0).replace(`\n3\n`, '\n2\n')
    expect(altered).not.toBe(log.request(0))
    expect(decide(empty, altered, log)).toMatchObject({
      status: 403,
      reason: expect.stringMatching(/altered/),
    })
    expect(decide(empty, log.request(0), log).status).toBe(200)
  })

  it('answers 400 when the old size is above the checkpoint size, or the body is malformed', () => {
    const log = makeLog().append(3)
    expect(decide(emptyWitnessState(paWitness.name), body(4, [], log.note()), log)).toMatchObject({
      status: 400,
      reason: expect.stringMatching(/larger than/),
    })
    expect(decide(emptyWitnessState(paWitness.name), `old x\n\n${log.note()}`, log).status).toBe(400)
  })

  it('answers 409 with its size when the log does not know what it cosigned, 0 when nothing', () => {
    const log = makeLog().append(12)
    const fresh = decide(emptyWitnessState(paWitness.name), log.request(5), log)
    expect(fresh).toMatchObject({ status: 409, body: '0\n', contentType: 'text/x.tlog.size' })
    const state = cosigned(log, 12)
    expect(decide(state, log.request(0), log)).toMatchObject({
      status: 409,
      body: '12\n',
      reason: expect.stringMatching(/I last cosigned size 12/),
    })
  })

  it('never dates a cosignature before the last one, and never at 0', () => {
    const log = makeLog().append(2)
    const state = cosigned(log, 2)
    log.append(1)
    const earlier = decide(state, log.request(2), log, NOW - 100)
    expect(earlier.newState?.logs[ORIGIN]?.cosignedAt).toBe(NOW)
    expect(() => decide(emptyWitnessState(paWitness.name), log.request(0), log, 0)).toThrow(/never 0/)
  })

  it('keeps other logs untouched', () => {
    const other = makeLog(signerFromSeed('other.example/log', NOTE_ED25519, seed(5))).append(2)
    const log = makeLog().append(2)
    const state = cosigned(log, 2)
    const outcome = addCheckpoint({
      state,
      logKeys: [log.vkey, other.vkey],
      signer: paWitness,
      request: other.request(0),
      now: NOW,
    })
    expect(Object.keys(outcome.newState?.logs ?? {}).sort()).toEqual(['other.example/log', ORIGIN])
    expect(outcome.newState?.logs[ORIGIN]).toEqual(state.logs[ORIGIN])
  })
})
