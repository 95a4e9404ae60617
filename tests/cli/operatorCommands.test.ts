import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { signerFromSeed, verifierKeyOf } from '../../src/tlog/noteKey.js'
import { COSIGNATURE_ED25519, NOTE_ED25519 } from '../../src/tlog/signedNote.js'
import { twokeys } from '../support/runCli.js'
import { demoKey, proposeSubmitApprove } from '../support/signedOperatorSteps.js'

const dir = mkdtempSync(join(tmpdir(), 'twokeys-operator-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const POLICY = 'twokeys/policies/two-keys.yaml'

describe('operator commands straight on a database', () => {
  const db = join(dir, 'asserted.db')
  const on = ['--db', db, '--policy', POLICY]

  it('propose, submit, decide and status, with receipts and boards', async () => {
    const proposed = await twokeys(
      'propose',
      ...on,
      '--by',
      'minzifry',
      '--id',
      'gpu',
      '--title',
      'GPU cluster',
      '--objective',
      'infrastructure',
      '--scope',
      'federal',
      '--budget',
      '1000000',
    )
    expect(proposed.code, proposed.stderr).toBe(0)
    expect(proposed.stdout).toMatch(/✓ propose accepted: gpu event 1/)
    expect((await twokeys('submit', 'gpu', ...on, '--by', 'minzifry')).code).toBe(0)
    const decided = await twokeys(
      'decide',
      'gpu',
      ...on,
      '--by',
      'oreshkin',
      '--key-id',
      'presidential-administration',
      '--decision',
      'approve',
      '--json',
    )
    expect(decided.code, decided.stderr).toBe(0)
    expect(JSON.parse(decided.stdout)).toMatchObject({ initiativeId: 'gpu', seq: 3 })
    const status = await twokeys('status', 'gpu', '--db', db, '--policy', POLICY, '--json')
    const board = JSON.parse(status.stdout)
    expect(board.keys.find((k: { key: string }) => k.key === 'presidential-administration').status).toBe(
      'turned',
    )
    expect(board.keys.find((k: { key: string }) => k.key === 'government-apparatus').waitingFor).toContain(
      'grigorenko',
    )
  })

  it('a refusal exits 1 with its code and reasons; a repeated command id answers the first result', async () => {
    const refused = await twokeys(
      'decide',
      'gpu',
      ...on,
      '--by',
      'oreshkin',
      '--key-id',
      'government-apparatus',
      '--decision',
      'approve',
    )
    expect(refused.code).toBe(1)
    expect(refused.stdout).toMatch(/✖ decide refused \((NOT_AUTHORIZED|REFUSED)\)/)
    expect(refused.stdout).toMatch(/ {2}· /)
    const first = await twokeys(
      'amend',
      'gpu',
      ...on,
      '--by',
      'minzifry',
      '--summary',
      'more GPUs',
      '--command-id',
      'amend-1',
    )
    const again = await twokeys(
      'amend',
      'gpu',
      ...on,
      '--by',
      'minzifry',
      '--summary',
      'more GPUs',
      '--command-id',
      'amend-1',
    )
    expect(first.code).toBe(0)
    expect(again.stdout).toMatch(/already applied/)
  })

  it('--witnesses: a witnesses file to trust snapshots by, or a clear error (exit 2)', async () => {
    const vkey = (n: number, name: string, type: number) =>
      verifierKeyOf(signerFromSeed(name, type, new Uint8Array(32).fill(n)))
    const witnesses = join(dir, 'witnesses.txt')
    writeFileSync(
      witnesses,
      `presidential-administration ${vkey(2, 'witness.pa.example', COSIGNATURE_ED25519)}\ngovernment-apparatus ${vkey(3, 'witness.ga.example', COSIGNATURE_ED25519)}\n`,
    )
    const status = await twokeys('status', 'gpu', ...on, '--witnesses', witnesses, '--json')
    expect(status.code, status.stderr).toBe(0)
    expect(JSON.parse(status.stdout).initiativeId).toBe('gpu')
    const bad = join(dir, 'bad-witnesses.txt')
    writeFileSync(bad, `presidential-administration ${vkey(1, 'commission.example', NOTE_ED25519)}\n`)
    const refused = await twokeys('status', 'gpu', ...on, '--witnesses', bad)
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(
      /witnesses file ".*bad-witnesses.txt", line 1: the witness key of "presidential-administration" has type 1/,
    )
  })

  it('explain says what would happen, and never acts', async () => {
    const would = await twokeys(
      'explain',
      'decide',
      'gpu',
      ...on,
      '--by',
      'minzifry',
      '--key-id',
      'presidential-administration',
      '--decision',
      'approve',
    )
    expect(would.code).toBe(1)
    expect(would.stdout).toMatch(/✖ would be refused/)
    const status = JSON.parse(
      (await twokeys('status', 'gpu', '--db', db, '--policy', POLICY, '--json')).stdout,
    )
    expect(status.revision.n).toBe(2)
  })

  it('says where a command goes, and who acts, when it is not told', async () => {
    expect((await twokeys('submit', 'gpu', '--by', 'minzifry')).stderr).toMatch(/say where the command goes/)
    expect((await twokeys('submit', 'gpu', ...on)).stderr).toMatch(/say who acts/)
    expect(
      (
        await twokeys(
          'propose',
          ...on,
          '--by',
          'minzifry',
          '--title',
          't',
          '--objective',
          'infrastructure',
          '--scope',
          'nowhere',
        )
      ).stderr,
    ).toMatch(/--scope "nowhere"/)
  })
})

describe('signed operator commands', () => {
  it('sign with --key (its principal acts), read the revision first, and are refused under another name', async () => {
    const db = join(dir, 'signed.db')
    expect((await twokeys('run', 'examples/seed-walkthrough.yaml', '--db', db)).code).toBe(0)
    const signedPolicy = join(dir, 'signed.yaml')
    writeFileSync(
      signedPolicy,
      `${readFileSync('machines/policies/two-keys.yaml', 'utf8')}\nidentity: signed\n`,
    )
    const on = ['--db', db, '--policy', signedPolicy]
    await proposeSubmitApprove(on, 'signed-gpu')
    const unsigned = await twokeys(
      'decide',
      'signed-gpu',
      ...on,
      '--by',
      'grigorenko',
      '--key-id',
      'government-apparatus',
      '--decision',
      'approve',
    )
    expect(unsigned.code).toBe(1)
    expect(unsigned.stdout).toMatch(/UNAUTHENTICATED/)
    const mismatch = await twokeys(
      'decide',
      'signed-gpu',
      ...on,
      '--key',
      demoKey('oreshkin'),
      '--by',
      'grigorenko',
      '--key-id',
      'government-apparatus',
      '--decision',
      'approve',
    )
    expect(mismatch.stderr).toMatch(/acts as its key's principal/)
  })
})
