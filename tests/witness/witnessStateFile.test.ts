import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { emptyWitnessState, type WitnessState } from '../../src/witness/WitnessState.js'
import { loadWitnessState, saveWitnessState } from '../../src/witness/witnessStateFile.js'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'twokeys-witness-state-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const W = 'pa.example/witness'
const state: WitnessState = {
  version: 1,
  witness: W,
  logs: { 'twokeys.example/log': { size: 3, root: `${'A'.repeat(43)}=`, cosignedAt: 1_772_400_000 } },
}

describe('the witness state file', () => {
  it('refuses to start without a state file unless --init, and says to replace the key', () => {
    const path = join(dir, 'state.json')
    expect(() => loadWitnessState(path, { witness: W, init: false })).toThrow(/REPLACED with a new key/)
    expect(readdirSync(dir)).toEqual([])
    expect(loadWitnessState(path, { witness: W, init: true })).toEqual(emptyWitnessState(W))
    // --init wrote it at once, so the next start needs no --init, and --init never replaces it.
    expect(loadWitnessState(path, { witness: W, init: false })).toEqual(emptyWitnessState(W))
    expect(() => loadWitnessState(path, { witness: W, init: true })).toThrow(/never replaced: drop --init/)
  })

  it('saves atomically and reads back what it saved; no temporary file is left', () => {
    const path = join(dir, 'state.json')
    saveWitnessState(path, state)
    expect(loadWitnessState(path, { witness: W, init: false })).toEqual(state)
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(state)
    saveWitnessState(path, { ...state, logs: {} })
    expect(loadWitnessState(path, { witness: W, init: false }).logs).toEqual({})
    expect(readdirSync(dir)).toEqual(['state.json'])
  })

  it('refuses a corrupt state, one of another witness, and one that is not its schema', () => {
    const path = join(dir, 'state.json')
    writeFileSync(path, '{"version":1,')
    expect(() => loadWitnessState(path, { witness: W, init: false })).toThrow(/not JSON.*REPLACED/)
    saveWitnessState(path, state)
    expect(() => loadWitnessState(path, { witness: 'ga.example/witness', init: false })).toThrow(
      /belongs to witness "pa\.example\/witness"/,
    )
    expect(loadWitnessState(path, {})).toEqual(state) // read-only: any witness
    writeFileSync(path, JSON.stringify({ ...state, logs: { x: { size: -1, root: 'AA==', cosignedAt: 0 } } }))
    expect(() => loadWitnessState(path, { witness: W, init: false })).toThrow(/logs\.x\.size/)
  })

  it('a state that cannot be saved is an error, and leaves no temporary file behind', () => {
    // A directory where the state file should be: the rename fails, even for root.
    const path = join(dir, 'state.json')
    mkdirSync(join(path, 'occupied'), { recursive: true })
    expect(() => saveWitnessState(path, state)).toThrow(
      /cannot save the witness state .*nothing was cosigned/,
    )
    expect(readdirSync(dir)).toEqual(['state.json'])
    expect(() => saveWitnessState(join(dir, 'missing', 'state.json'), state)).toThrow(/ENOENT/)
  })
})
