import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventHash } from '../../src/domain/eventHash.js'
import { cosign, parseCheckpointText } from '../../src/tlog/checkpoint.js'
import { logLeafHash } from '../../src/tlog/logLeaf.js'
import { verifyInclusion } from '../../src/tlog/merkle.js'
import { generateNoteSigner, type NoteSigner, verifierKeyOf } from '../../src/tlog/noteKey.js'
import { COSIGNATURE_ED25519 } from '../../src/tlog/signedNote.js'
import { parseTlogProof } from '../../src/tlog/tlogProof.js'
import { twokeys } from '../support/runCli.js'

const dir = mkdtempSync(join(tmpdir(), 'twokeys-witnessed-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const at = (name: string) => join(dir, name)
const POLICY = 'machines/policies/two-keys.yaml'

const pa = generateNoteSigner('witness.pa.example', COSIGNATURE_ED25519)
const ga = generateNoteSigner('witness.ga.example', COSIGNATURE_ED25519)
let logVkey = ''

/** What an honest air-gapped witness does with a request file: here, cosign without checks (the witness's own tests check). */
function cosignRequest(request: string, witness: NoteSigner): string {
  const note = request.slice(request.indexOf('\n\n') + 2)
  const text = note.slice(0, note.lastIndexOf('\n\n') + 1)
  return cosign(text, witness.name, witness.seed, witness.publicKey, 1_800_000_000)
}

async function ok(...args: string[]) {
  const run = await twokeys(...args)
  if (run.code !== 0) throw new Error(`twokeys ${args.join(' ')} → ${run.code}\n${run.stdout}\n${run.stderr}`)
  return run
}

beforeAll(async () => {
  await ok('run', 'examples/seed-walkthrough.yaml', '--db', at('walk.db'))
  logVkey = (
    await ok('log', 'key', 'new', '--origin', 'commission.example/twokeys', '--out', at('log.key'))
  ).stdout.trim()
  writeFileSync(
    at('witnesses.txt'),
    `# who must sign\nlog ${logVkey}\npresidential-administration ${verifierKeyOf(pa)}\ngovernment-apparatus ${verifierKeyOf(ga)}\n`,
  )
  await ok('log', 'checkpoint', '--db', at('walk.db'), '--key', at('log.key'))
  // Both witnesses are air-gapped: a request file goes out, their answers come back.
  await ok('log', 'request', '--db', at('walk.db'), '--old', '0', '--out', at('req.txt'))
  const request = readFileSync(at('req.txt'), 'utf8')
  writeFileSync(at('pa.txt'), cosignRequest(request, pa))
  writeFileSync(at('ga.txt'), cosignRequest(request, ga))
  await ok('log', 'add-cosignatures', at('pa.txt'), '--db', at('walk.db'), '--witnesses', at('witnesses.txt'))
  await ok('log', 'add-cosignatures', at('ga.txt'), '--db', at('walk.db'), '--witnesses', at('witnesses.txt'))
  writeFileSync(at('cp.txt'), (await ok('log', 'show', '--db', at('walk.db'))).stdout)
  await ok('audit', 'export', '--db', at('walk.db'), '--out', at('audit.jsonl'))
})

const lines = () =>
  readFileSync(at('audit.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l))
const writeLog = (name: string, events: unknown[]) => {
  writeFileSync(at(name), `${events.map((e) => JSON.stringify(e)).join('\n')}\n`)
  return at(name)
}
const verifyFile = (file: string, ...more: string[]) =>
  twokeys('audit', 'verify', file, '--checkpoint', at('cp.txt'), '--witnesses', at('witnesses.txt'), ...more)

describe('the witnessed log, from the command line', () => {
  it('exports each event with its logIndex, 0 … n-1 once each, not part of its hash', () => {
    const events = lines()
    expect(events.map((e) => e.logIndex).sort((a, b) => a - b)).toEqual(events.map((_, i) => i))
    for (const e of events) expect(eventHash(e)).toBe(e.hash)
  })

  it('accepts the honest export and database against the cosigned checkpoint', async () => {
    const file = await verifyFile(at('audit.jsonl'), '--policy', POLICY)
    expect(file.code, file.stdout + file.stderr).toBe(0)
    expect(file.stdout).toMatch(
      /checkpoint: the log's first \d+ events are exactly the ones cosigned by presidential-administration/,
    )
    const db = await twokeys(
      'audit',
      'verify',
      '--db',
      at('walk.db'),
      '--checkpoint',
      at('cp.txt'),
      '--witnesses',
      at('witnesses.txt'),
    )
    expect(db.code, db.stdout + db.stderr).toBe(0)
  })

  it('catches a cut-off tail without any kept heads', async () => {
    const events = lines()
    const last = Math.max(...events.map((e) => e.logIndex))
    const run = await verifyFile(
      writeLog(
        'cut.jsonl',
        events.filter((e) => e.logIndex !== last),
      ),
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/cut off: it holds \d+ events, but the checkpoint/)
  })

  it('catches a tail rewritten with every hash recomputed, which the chains alone accept', async () => {
    const events = lines()
    const last = events.reduce((a, b) => (b.logIndex > a.logIndex ? b : a))
    const forged = events.map((e) => {
      if (e !== last) return e
      const { hash: _h, ...rest } = {
        ...e,
        at: (e.at ?? 0) + 1,
        event: { ...e.event, at: (e.event?.at ?? 0) - 60_000 },
      }
      return { ...rest, hash: eventHash(rest) }
    })
    expect((await twokeys('audit', 'verify', writeLog('plain.jsonl', forged))).code).toBe(0)
    const run = await verifyFile(writeLog('rewritten.jsonl', forged))
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/the log was rewritten/)
  })

  it('catches a database whose tail was cut off behind the store', async () => {
    const copy = at('cut.db')
    writeFileSync(copy, readFileSync(at('walk.db')))
    const db = new Database(copy)
    // A careful insider: the event, its log entry and its command id all go, so nothing else notices.
    db.exec(`DROP TRIGGER log_no_delete; DROP TRIGGER events_no_delete; DROP TRIGGER commands_no_delete;
      DELETE FROM commands WHERE command_id = (SELECT command_id FROM events ORDER BY position DESC LIMIT 1);
      DELETE FROM log WHERE idx = (SELECT max(idx) FROM log);
      DELETE FROM events WHERE position = (SELECT max(position) FROM events);`)
    db.close()
    const run = await twokeys(
      'audit',
      'verify',
      '--db',
      copy,
      '--checkpoint',
      at('cp.txt'),
      '--witnesses',
      at('witnesses.txt'),
    )
    expect(run.stdout).toMatch(/every hash and link checks out/)
    expect(run.stdout).toMatch(/command index: \d+ ✓/)
    expect(run.code, run.stdout).toBe(1)
    expect(run.stdout).toMatch(/the log was cut off/)
  })

  it("refuses a checkpoint missing an institution's cosignature, or with a forged one", async () => {
    const note = readFileSync(at('cp.txt'), 'utf8')
    const withoutGa = note
      .split('\n')
      .filter((l) => !l.startsWith(`— ${ga.name} `))
      .join('\n')
    writeFileSync(at('cp-no-ga.txt'), withoutGa)
    const missing = await twokeys(
      'audit',
      'verify',
      at('audit.jsonl'),
      '--checkpoint',
      at('cp-no-ga.txt'),
      '--witnesses',
      at('witnesses.txt'),
    )
    expect(missing.code).toBe(1)
    expect(missing.stderr + missing.stdout).toMatch(
      /no valid cosignature from a witness of "government-apparatus"/,
    )
    const forged = note.replace(
      new RegExp(`(— ${ga.name.replace(/\./g, '\\.')} )(\\S)`),
      (_m, a, c) => `${a}${c === 'A' ? 'B' : 'A'}`,
    )
    writeFileSync(at('cp-forged.txt'), forged)
    const bad = await twokeys(
      'audit',
      'verify',
      at('audit.jsonl'),
      '--checkpoint',
      at('cp-forged.txt'),
      '--witnesses',
      at('witnesses.txt'),
    )
    expect(bad.code).toBe(1)
  })

  it('requires a witness of every key-holding institution of the policy', async () => {
    writeFileSync(at('only-pa.txt'), `presidential-administration ${verifierKeyOf(pa)}\n`)
    const run = await twokeys(
      'audit',
      'verify',
      at('audit.jsonl'),
      '--checkpoint',
      at('cp.txt'),
      '--witnesses',
      at('only-pa.txt'),
      '--policy',
      POLICY,
    )
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/names no witness of "government-apparatus"/)
  })

  it('proves an event is in the cosigned checkpoint, with a proof the tlog primitives accept', async () => {
    const events = lines()
    const target = events.find((e) => e.event?.type === 'DECIDE') as {
      initiativeId: string
      seq: number
      hash: string
      logIndex: number
    }
    const run = await ok('audit', 'prove', target.initiativeId, String(target.seq), '--db', at('walk.db'))
    const proof = parseTlogProof(run.stdout)
    if (typeof proof === 'string') throw new Error(proof)
    expect(proof.index).toBe(target.logIndex)
    expect(new TextDecoder().decode(proof.extra)).toBe(
      `${target.initiativeId}\n${target.seq}\n${target.hash}\n`,
    )
    const cp = parseCheckpointText(proof.note.slice(0, proof.note.indexOf('\n\n') + 1))
    if (typeof cp === 'string') throw new Error(cp)
    const leaf = logLeafHash(target)
    expect(verifyInclusion(leaf, proof.index, cp.size, proof.proof, cp.root)).toBe(true)
    expect(verifyInclusion(leaf, proof.index + 1, cp.size, proof.proof, cp.root)).toBe(false)
    expect(proof.note).toContain(`— ${pa.name} `)
  })

  it('says clearly when an event is not yet covered by a checkpoint', async () => {
    const run = await twokeys('audit', 'prove', 'no-such-initiative', '1', '--db', at('walk.db'))
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/has no event 1/)
  })
})
