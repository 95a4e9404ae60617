import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventHash } from '../../src/domain/eventHash.js'
import { createEngine } from '../../src/engine/createEngine.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import type { RecordedEvent } from '../../src/stores/Store.js'
import { sqliteStore } from '../../src/stores/sqliteStore.js'
import { toBase64 } from '../../src/tlog/base64.js'
import { checkpointText, cosign } from '../../src/tlog/checkpoint.js'
import { type LogLeaf, logLeafData, logLeafHash } from '../../src/tlog/logLeaf.js'
import { inclusionProof, rootHash } from '../../src/tlog/merkle.js'
import { type NoteSigner, parseNoteSigner, signerFromSeed, verifierKeyOf } from '../../src/tlog/noteKey.js'
import { COSIGNATURE_ED25519, NOTE_ED25519, signNote } from '../../src/tlog/signedNote.js'
import { twokeys } from '../support/runCli.js'

// Both standalone checkers — the Node script and the Python one, written apart — on a real
// signed log kept in SQLite, its store's Merkle log, a checkpoint the log signed and two
// institutions' witnesses cosigned, and tlog proofs of single events. Honest inputs pass; each
// forgery is refused with its reason, by both, with the same line and exit code.

const dir = mkdtempSync(join(tmpdir(), 'twokeys-witnessed-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const POLICY = 'machines/policies/two-keys.yaml'
const PA = 'presidential-administration'
const GA = 'government-apparatus'

interface Run {
  code: number | null
  out: string
  err: string
}
interface Checker {
  name: string
  skip?: string
  run(args: string[]): Run
}
const spawn = (command: string, args: string[]): Run => {
  const run = spawnSync(command, args, { encoding: 'utf8' })
  return { code: run.status, out: run.stdout.trim(), err: run.stderr.trim() }
}
// python3 itself (not a version manager's shim, which costs a second a run), if it has `cryptography`.
const python = (() => {
  const probe = spawnSync(
    'python3',
    ['-c', 'import sys, cryptography.hazmat.primitives.asymmetric.ed25519; print(sys.executable)'],
    { encoding: 'utf8' },
  )
  if (probe.error !== undefined) return { problem: `python3 is not installed (${probe.error.message})` }
  if (probe.status !== 0) return { problem: `python3 cannot import cryptography: ${probe.stderr.trim()}` }
  return { executable: probe.stdout.trim() || 'python3' }
})()
const checkers: Checker[] = [
  { name: 'node', run: (args) => spawn(process.execPath, ['examples/verify-audit-standalone.mjs', ...args]) },
  {
    name: 'python',
    ...(python.problem === undefined ? {} : { skip: python.problem }),
    run: (args) => spawn(python.executable ?? 'python3', ['examples/verify_audit.py', ...args]),
  },
]
for (const c of checkers)
  if (c.skip !== undefined) {
    console.warn(`standaloneWitnessed: the ${c.name} checker's tests are skipped — ${c.skip}`)
    it.skip(`${c.name}: skipped — ${c.skip}`, () => {})
  }

type Line = RecordedEvent & { logIndex: number; logState?: string }
let log: Line[] = [] // the export, each line with the logIndex `audit export` wrote
let leaves: LogLeaf[] = [] // the store's Merkle log, in log order
let cliCheckpoint = '' // `twokeys log show` after both witnesses cosigned: cp.txt

// The log's and the witnesses' keys are made by the CLI (`log key new`, `witness key new`); the
// forgeries below sign with them, or with these fixed keys of a third witness and an impostor.
const ORIGIN = 'commission.example/twokeys'
let logKey: NoteSigner
let paWitness: NoteSigner
let gaWitness: NoteSigner
const seed = (n: number) => new Uint8Array(32).fill(n)
// The third witness's vkey has a '+' in its base64 (a '+' that only the first two separate fields).
const councilWitness = (() => {
  for (let n = 4; ; n++) {
    const w = signerFromSeed('witness.council.example', COSIGNATURE_ED25519, seed(n))
    if (verifierKeyOf(w).split('+').length > 3) return w
  }
})()
const impostor = signerFromSeed(ORIGIN, NOTE_ED25519, seed(9))
const TIME = 1772442000

/** A checkpoint of the first `size` entries, made here: signed by `by`, then cosigned by each witness. */
function checkpoint(size: number, by: NoteSigner = logKey, witnesses = [paWitness, gaWitness]) {
  const text = checkpointText({
    origin: ORIGIN,
    size,
    root: rootHash(leaves.slice(0, size).map(logLeafHash)),
  })
  return (
    signNote(text, by.name, by.seed, by.publicKey) +
    witnesses.map((w, i) => cosign(text, w.name, w.seed, w.publicKey, TIME + i)).join('')
  )
}
const keysFile = (extra = '') =>
  `# who must sign a checkpoint\nlog ${verifierKeyOf(logKey)}\n${PA} ${verifierKeyOf(paWitness)} http://witness.pa.example:7380\n${GA} ${verifierKeyOf(gaWitness)}\n${extra}`
/** A c2sp.org/tlog-proof@v1 of entry `index`, written here apart from the CLI. */
function proofText(index: number, note = cliCheckpoint, leaf = leaves[index] as LogLeaf) {
  const path = inclusionProof(leaves.map(logLeafHash), index).map((h) => `${toBase64(h)}\n`)
  return `c2sp.org/tlog-proof@v1\nextra ${toBase64(logLeafData(leaf))}\nindex ${index}\n${path.join('')}\n${note}`
}

let n = 0
function file(content: string, ext = 'txt'): string {
  const path = join(dir, `f${++n}.${ext}`)
  writeFileSync(path, content)
  return path
}
const jsonl = (lines: object[]) => file(`${lines.map((l) => JSON.stringify(l)).join('\n')}\n`, 'jsonl')

/** Re-chains a log after an edit, recomputing every hash (logIndex is not hashed), as an insider would. */
function rechain(lines: Line[]): Line[] {
  const prev = new Map<string, string>()
  return lines.map((e) => {
    const { hash: _h, ...rest } = { ...e, prevHash: prev.get(e.initiativeId) ?? '' }
    const hash = eventHash(rest)
    prev.set(e.initiativeId, hash)
    return { ...rest, hash } as Line
  })
}

async function ok(...args: string[]): Promise<string> {
  const run = await twokeys(...args)
  if (run.code !== 0) throw new Error(`twokeys ${args.join(' ')} → ${run.code}\n${run.stdout}\n${run.stderr}`)
  return run.stdout
}
const at = (name: string) => join(dir, name)
const signer = (path: string) => {
  const parsed = parseNoteSigner(readFileSync(path, 'utf8'))
  if (typeof parsed === 'string') throw new Error(parsed)
  return parsed
}

beforeAll(async () => {
  // The signed walkthrough in SQLite; the log's key; two air-gapped witnesses, each cosigning a
  // request file; the cosigned checkpoint; the export — all as a user would, with the CLI.
  const db = at('walk.db')
  // First, an initiative taken by an engine that saves a snapshot every 2 events: the log leaf of
  // its event 2 records the state after it (`logState` in the export).
  const early = sqliteStore(db)
  const engine = createEngine({
    policy: loadPolicyFile(POLICY),
    store: early,
    snapshotKey: 'k'.repeat(16),
    snapshotEvery: 2,
  })
  const { initiativeId } = await engine.propose({
    by: 'minzifry',
    title: 'Snapshot point',
    objective: 'infrastructure',
    scope: { kind: 'federal' },
  })
  await engine.submit(initiativeId, { by: 'minzifry' })
  await engine.decide(initiativeId, { by: 'oreshkin', key: PA, decision: 'approve' })
  await engine.close()
  await early.close()
  await ok('run', 'examples/seed-walkthrough.yaml', '--db', db)
  const logVkey = (await ok('log', 'key', 'new', '--origin', ORIGIN, '--out', at('log.key'))).trim()
  await ok('witness', 'key', 'new', '--name', 'witness.pa.example', '--out', at('pa.key'))
  await ok('witness', 'key', 'new', '--name', 'witness.ga.example', '--out', at('ga.key'))
  logKey = signer(at('log.key'))
  paWitness = signer(at('pa.key'))
  gaWitness = signer(at('ga.key'))
  expect(verifierKeyOf(logKey)).toBe(logVkey)
  writeFileSync(at('keys.txt'), keysFile())
  await ok('log', 'checkpoint', '--db', db, '--key', at('log.key'))
  await ok('log', 'request', '--db', db, '--old', '0', '--out', at('request.txt'))
  for (const w of ['pa', 'ga']) {
    const state = ['--state', at(`${w}.state`), '--init', '--log-key', logVkey]
    await ok(
      'witness',
      'cosign',
      '--key',
      at(`${w}.key`),
      ...state,
      '--request',
      at('request.txt'),
      '--out',
      at(`${w}.txt`),
    )
    await ok('log', 'add-cosignatures', at(`${w}.txt`), '--db', db, '--witnesses', at('keys.txt'))
  }
  cliCheckpoint = await ok('log', 'show', '--db', db)
  await ok('audit', 'export', '--db', db, '--out', at('audit.jsonl'))
  await ok('keys', 'export', '--db', db, '--policy', POLICY, '--out', at('trust.json'))
  log = readFileSync(at('audit.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Line)
  const store = sqliteStore(db)
  try {
    const merkle = store.log
    if (merkle === undefined) throw new Error('the SQLite store has no Merkle log')
    leaves = await merkle.leaves(0, await merkle.size())
    // The logIndex the export wrote is the store's own.
    for (const e of log) expect((await merkle.placesOf(e.initiativeId))[e.seq - 1]?.index).toBe(e.logIndex)
  } finally {
    await store.close()
  }
})

const TRUST = () => join(dir, 'trust.json')

describe.each(checkers.filter((c) => c.skip === undefined))('the $name checker', (checker) => {
  const check = (...args: string[]) => checker.run(args)
  const accepted = (size: number) =>
    `the first ${size} log entries match the checkpoint of ${logKey.name} at size ${size}, cosigned by ${PA}, ${GA}`

  describe('an export against a cosigned checkpoint', () => {
    it('accepts the honest export and the CLI checkpoint, with and without the trust file, in any order of lines', () => {
      expect(leaves.length).toBe(log.length)
      // The checkpoints made here for the forgeries are of the same tree as the CLI's.
      expect(checkpoint(log.length).split('\n\n')[0]).toBe(cliCheckpoint.split('\n\n')[0])
      const cp = file(cliCheckpoint)
      const keys = at('keys.txt')
      expect(check(at('audit.jsonl'), TRUST(), '--checkpoint', cp, '--witnesses', keys)).toEqual({
        code: 0,
        out: `OK ${log.length} events, signatures checked against keyring version 1; ${accepted(log.length)}`,
        err: '',
      })
      expect(check(jsonl(log), '--checkpoint', cp, '--witnesses', keys).out).toBe(
        `OK ${log.length} events; ${accepted(log.length)}`,
      )
      // The leaves follow logIndex, not the file: the same export with its initiatives in reverse order.
      const initiatives = [...new Set(log.map((e) => e.initiativeId))].reverse()
      const reordered = initiatives.flatMap((id) => log.filter((e) => e.initiativeId === id))
      expect(reordered.map((e) => e.logIndex)).not.toEqual(log.map((e) => e.logIndex))
      expect(check(jsonl(reordered), '--checkpoint', cp, '--witnesses', keys).out).toBe(
        `OK ${log.length} events; ${accepted(log.length)}`,
      )
    })

    it('accepts a log grown past the checkpoint: only the first size entries are compared', () => {
      const size = log.length - 3
      const run = check(jsonl(log), '--checkpoint', file(checkpoint(size)), '--witnesses', file(keysFile()))
      expect(run).toMatchObject({ code: 0, out: `OK ${log.length} events; ${accepted(size)}` })
    })

    it('refuses a cut-off tail the chain alone cannot see', () => {
      // The two newest events are each the last of their initiative: cutting them leaves every chain whole.
      const cut = log.filter((e) => e.logIndex < log.length - 2)
      expect(check(jsonl(cut), TRUST())).toMatchObject({ code: 0 })
      expect(
        check(jsonl(cut), '--checkpoint', file(checkpoint(log.length)), '--witnesses', file(keysFile())),
      ).toEqual({
        code: 1,
        out: `TAMPERED against the checkpoint of ${logKey.name} at size ${log.length}: the log was cut off: it holds ${log.length - 2} events, the cosigned checkpoint ${log.length}`,
        err: '',
      })
    })

    it('refuses a tail rewritten with every hash recomputed', () => {
      const newest = log.findIndex((e) => e.logIndex === log.length - 1)
      const forged = rechain(
        log.map((e, i) =>
          i === newest ? ({ ...e, event: { ...e.event, at: (e.event.at as number) + 1 } } as Line) : e,
        ),
      )
      expect(check(jsonl(forged)).out).toBe(`OK ${log.length} events`) // the chain alone: fine
      const run = check(
        jsonl(forged),
        '--checkpoint',
        file(checkpoint(log.length)),
        '--witnesses',
        file(keysFile()),
      )
      expect(run.code).toBe(1)
      expect(run.out).toMatch(
        new RegExp(
          `^TAMPERED against the checkpoint of ${logKey.name} at size ${log.length}: the log was rewritten: its first ${log.length} entries have root \\S+, the checkpoint \\S+$`,
        ),
      )
    })

    it('refuses events moved to other places in the log (leaves follow logIndex)', () => {
      const [a, b] = [log.findIndex((e) => e.logIndex === 0), log.findIndex((e) => e.logIndex === 1)]
      const swapped = log.map((e, i) =>
        i === a ? { ...e, logIndex: 1 } : i === b ? { ...e, logIndex: 0 } : e,
      )
      const run = check(
        jsonl(swapped),
        '--checkpoint',
        file(checkpoint(log.length)),
        '--witnesses',
        file(keysFile()),
      )
      expect(run).toMatchObject({ code: 1, out: expect.stringMatching(/: the log was rewritten: /) })
    })

    it('covers the state a leaf records (logState): altered or dropped, the log was rewritten', () => {
      const cp = file(checkpoint(log.length))
      const keys = file(keysFile())
      const at = log.findIndex((e) => e.logState !== undefined)
      expect(at).toBeGreaterThanOrEqual(0)
      const rewritten = expect.stringMatching(/: the log was rewritten: /)
      const altered = log.map((e, i) => (i === at ? { ...e, logState: 'f'.repeat(64) } : e))
      expect(check(jsonl(altered), '--checkpoint', cp, '--witnesses', keys)).toMatchObject({
        code: 1,
        out: rewritten,
      })
      const dropped = log.map((e, i) => (i === at ? { ...e, logState: undefined } : e))
      expect(check(jsonl(dropped), '--checkpoint', cp, '--witnesses', keys)).toMatchObject({
        code: 1,
        out: rewritten,
      })
      const malformed = log.map((e, i) => (i === at ? { ...e, logState: 'F'.repeat(64) } : e))
      expect(check(jsonl(malformed), '--checkpoint', cp, '--witnesses', keys)).toMatchObject({
        code: 1,
        out: `TAMPERED at position ${at}: its logState "${'F'.repeat(64)}" is not a state digest (64 hex digits)`,
      })
      // Not part of the event's hash: the chain alone checks out either way.
      expect(check(jsonl(altered)).out).toBe(`OK ${log.length} events`)
    })

    it('refuses a logIndex given twice, one not a place in the log, and a gap', () => {
      const cp = file(checkpoint(log.length))
      const keys = file(keysFile())
      const twice = log.map((e, i) => (i === 3 ? { ...e, logIndex: log[0]?.logIndex } : e))
      expect(check(jsonl(twice), '--checkpoint', cp, '--witnesses', keys)).toMatchObject({
        code: 1,
        out: `TAMPERED at position 3: its logIndex ${log[0]?.logIndex} is that of position 0`,
      })
      const fraction = log.map((e, i) => (i === 2 ? { ...e, logIndex: 1.5 } : e))
      expect(check(jsonl(fraction), '--checkpoint', cp, '--witnesses', keys)).toMatchObject({
        code: 1,
        out: 'TAMPERED at position 2: its logIndex 1.5 is not a place in the log',
      })
      const gap = log.map((e) => (e.logIndex === 4 ? { ...e, logIndex: log.length + 7 } : e))
      expect(check(jsonl(gap), '--checkpoint', cp, '--witnesses', keys)).toMatchObject({
        code: 1,
        out: `TAMPERED against the checkpoint of ${logKey.name} at size ${log.length}: no event is log entry 4: an event was removed`,
      })
    })

    it('refuses a checkpoint a witness of one institution did not cosign', () => {
      const cp = file(checkpoint(log.length, logKey, [paWitness]))
      expect(check(jsonl(log), '--checkpoint', cp, '--witnesses', file(keysFile()))).toEqual({
        code: 1,
        out: `REFUSED checkpoint: no cosignature from a witness of "${GA}"`,
        err: '',
      })
      // Every institution named in the file counts: a third one, whose witness never cosigned.
      const council = file(keysFile(`council ${verifierKeyOf(councilWitness)}\n`))
      expect(
        check(jsonl(log), '--checkpoint', file(checkpoint(log.length)), '--witnesses', council).out,
      ).toBe('REFUSED checkpoint: no cosignature from a witness of "council"')
      // …and passes once it has.
      const all = file(checkpoint(log.length, logKey, [paWitness, gaWitness, councilWitness]))
      expect(check(jsonl(log), '--checkpoint', all, '--witnesses', council).out).toMatch(
        new RegExp(`cosigned by ${PA}, ${GA}, council$`),
      )
    })

    it('refuses a forged cosignature, an altered timestamp and a checkpoint altered after cosigning', () => {
      const note = checkpoint(log.length)
      const lines = note.split('\n')
      const ga = lines.findIndex((l) => l.startsWith(`— ${gaWitness.name} `))
      const forge = (mutate: (bytes: Buffer) => void) => {
        const [dash, name, sig] = (lines[ga] as string).split(' ')
        const bytes = Buffer.from(sig as string, 'base64')
        mutate(bytes)
        return lines.map((l, i) => (i === ga ? `${dash} ${name} ${bytes.toString('base64')}` : l)).join('\n')
      }
      const keys = file(keysFile())
      const altered = `TAMPERED at checkpoint: the signature of "${gaWitness.name}" does not verify: the checkpoint was altered`
      for (const forged of [
        forge((b) => {
          b[40] = (b[40] as number) ^ 1 // the Ed25519 signature
        }),
        forge((b) => {
          b[11] = (b[11] as number) + 1 // the timestamp the witness signed
        }),
      ])
        expect(check(jsonl(log), '--checkpoint', file(forged), '--witnesses', keys)).toEqual({
          code: 1,
          out: altered,
          err: '',
        })
      // A checkpoint of another size under the old signatures: the log's key is the first to object.
      const resized = note.replace(`\n${log.length}\n`, `\n${log.length - 1}\n`)
      expect(check(jsonl(log), '--checkpoint', file(resized), '--witnesses', keys).out).toBe(
        `TAMPERED at checkpoint: the signature of "${logKey.name}" does not verify: the checkpoint was altered`,
      )
    })

    it("refuses a forged log signature, and a checkpoint signed by another key under the log's name", () => {
      const note = checkpoint(log.length)
      const [text, signatures] = note.split('\n\n') as [string, string]
      const [logLine, ...cosignatures] = signatures.split('\n')
      const bytes = Buffer.from((logLine as string).split(' ')[2] as string, 'base64')
      bytes[20] = (bytes[20] as number) ^ 0x80
      const forged = `${text}\n\n— ${logKey.name} ${bytes.toString('base64')}\n${cosignatures.join('\n')}`
      const keys = file(keysFile())
      expect(check(jsonl(log), '--checkpoint', file(forged), '--witnesses', keys).out).toBe(
        `TAMPERED at checkpoint: the signature of "${logKey.name}" does not verify: the checkpoint was altered`,
      )
      // An impostor's key (same name, another key id) is ignored: the log's own signature is then missing.
      const byImpostor = checkpoint(log.length, impostor)
      expect(check(jsonl(log), '--checkpoint', file(byImpostor), '--witnesses', keys)).toEqual({
        code: 1,
        out: `REFUSED checkpoint: it is not signed by the log's key "${logKey.name}"`,
        err: '',
      })
      // Without a `log` line, only the witnesses are required.
      const witnessesOnly = file(keysFile().replace(/^log .*\n/m, ''))
      expect(check(jsonl(log), '--checkpoint', file(byImpostor), '--witnesses', witnessesOnly).code).toBe(0)
    })

    it('says an export without logIndex cannot be checked against a checkpoint (exit 2), and bad input is exit 2', () => {
      const old = log.map(({ logIndex: _i, ...e }) => e)
      const cp = file(checkpoint(log.length))
      const keys = file(keysFile())
      expect(check(jsonl(old)).out).toBe(`OK ${log.length} events`) // the chain needs no logIndex
      const run = check(jsonl(old), '--checkpoint', cp, '--witnesses', keys)
      expect(run.code).toBe(2)
      expect(run.err).toMatch(/^error: the export has no logIndex/)
      // With a trust file, every institution that holds keys needs a witness in the witnesses file.
      const paOnly = file(keysFile().replace(/^government-apparatus .*\n/m, ''))
      const cosignedByPa = file(checkpoint(log.length, logKey, [paWitness]))
      expect(check(jsonl(log), TRUST(), '--checkpoint', cosignedByPa, '--witnesses', paOnly)).toMatchObject({
        code: 2,
        err: `error: ${paOnly} names no witness of "${GA}", which hold keys in ${TRUST()}`,
      })
      expect(check(jsonl(log), '--checkpoint', cosignedByPa, '--witnesses', paOnly).out).toMatch(
        new RegExp(`cosigned by ${PA}$`),
      )
      // A witnesses file whose key id does not belong to its key; the spec's example vkey is read right.
      const wrongId = keysFile().replace(/\+[0-9a-f]{8}\+B/, '+00000000+B')
      expect(check(jsonl(log), '--checkpoint', cp, '--witnesses', file(wrongId))).toMatchObject({
        code: 2,
        err: expect.stringMatching(
          /the key id 00000000 of "witness\.pa\.example" does not belong to its key/,
        ),
      })
      const specExample = file(
        `log example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k\n${PA} ${verifierKeyOf(paWitness)}\n`,
      )
      expect(check(jsonl(log), '--checkpoint', cp, '--witnesses', specExample).out).toBe(
        `REFUSED checkpoint: it is not signed by the log's key "example.com/foo"`,
      )
      expect(check(jsonl(log), '--checkpoint', file('not a note\n'), '--witnesses', keys)).toMatchObject({
        code: 2,
      })
      expect(check(jsonl(log), '--checkpoint', cp)).toMatchObject({
        code: 2,
        err: expect.stringMatching(/^usage:/),
      })
      expect(check()).toMatchObject({ code: 2, err: expect.stringMatching(/^usage:/) })
      expect(check(join(dir, 'missing.jsonl'))).toMatchObject({
        code: 2,
        err: expect.stringMatching(/cannot read/),
      })
    })
  })

  describe('a proof of one event (c2sp.org/tlog-proof)', () => {
    const keys = () => file(keysFile())
    const line = (i: number) => log.find((e) => e.logIndex === i) as Line
    const leafOf = (i: number) => leaves[i] as LogLeaf

    it('accepts an honest proof from `twokeys audit prove`, alone and with the event it names', async () => {
      expect(leafOf(1).state).toMatch(/^[0-9a-f]{64}$/) // entry 1 records a state: its leaf has four lines
      for (const i of [0, 1, 5, log.length - 1]) {
        const cli = await ok(
          'audit',
          'prove',
          leafOf(i).initiativeId,
          String(leafOf(i).seq),
          '--db',
          at('walk.db'),
        )
        expect(cli).toBe(proofText(i)) // the proof written here apart is the CLI's, byte for byte
        const proof = file(cli, 'tlog-proof')
        const accepted = `OK ${leafOf(i).initiativeId} seq ${leafOf(i).seq} hash ${leafOf(i).hash} is entry ${i} of ${logKey.name} at size ${log.length}, cosigned by ${PA}, ${GA}`
        expect(check('--proof', proof, '--witnesses', keys())).toEqual({ code: 0, out: accepted, err: '' })
        expect(check('--proof', proof, '--witnesses', keys(), '--event', JSON.stringify(line(i))).out).toBe(
          accepted,
        )
      }
    })

    it('refuses an event line whose logState is not the state its leaf records', () => {
      const forged = { ...line(1), logState: 'e'.repeat(64) }
      const run = check(
        '--proof',
        file(proofText(1), 'tlog-proof'),
        '--witnesses',
        keys(),
        '--event',
        JSON.stringify(forged),
      )
      // Only the state differs: the line names it, rather than two sides that read alike.
      expect(run).toEqual({
        code: 1,
        out: `REFUSED proof: the event's logState is ${'e'.repeat(64)}, the proof's entry records ${leafOf(1).state}`,
        err: '',
      })
      // An entry that records no state, given an event line that claims one.
      expect(leafOf(0).state).toBeUndefined()
      const claimed = { ...line(0), logState: 'e'.repeat(64) }
      expect(
        check(
          '--proof',
          file(proofText(0), 'tlog-proof'),
          '--witnesses',
          keys(),
          '--event',
          JSON.stringify(claimed),
        ),
      ).toEqual({
        code: 1,
        out: `REFUSED proof: the event's logState is ${'e'.repeat(64)}, the proof's entry records no state`,
        err: '',
      })
    })

    it('refuses a wrong index, an altered proof hash and altered extra data', () => {
      const i = 5
      const wrongIndex = proofText(i).replace(`\nindex ${i}\n`, `\nindex ${i + 1}\n`)
      const run = check('--proof', file(wrongIndex), '--witnesses', keys())
      expect(run).toEqual({
        code: 1,
        out: `REFUSED proof: the inclusion proof does not lead from entry ${i + 1} (${leafOf(i).initiativeId} seq ${leafOf(i).seq}) to the root of ${logKey.name} at size ${log.length}`,
        err: '',
      })
      const lines = proofText(i).split('\n')
      const hash = Buffer.from(lines[3] as string, 'base64')
      hash[0] = (hash[0] as number) ^ 1
      lines[3] = hash.toString('base64')
      expect(check('--proof', file(lines.join('\n')), '--witnesses', keys()).out).toMatch(
        /^REFUSED proof: the inclusion proof does not lead from entry 5 /,
      )
      // Another event's leaf data (or this one's with another hash) under this entry's proof.
      const otherLeaf = proofText(i, checkpoint(log.length), leafOf(6))
      expect(check('--proof', file(otherLeaf), '--witnesses', keys()).out).toMatch(/^REFUSED proof: /)
      const otherHash = proofText(i, checkpoint(log.length), { ...leafOf(i), hash: leafOf(6).hash })
      expect(check('--proof', file(otherHash), '--witnesses', keys()).code).toBe(1)
      // An index past the checkpoint's size.
      const past = proofText(i).replace(`\nindex ${i}\n`, `\nindex ${log.length}\n`)
      expect(check('--proof', file(past), '--witnesses', keys()).code).toBe(1)
    })

    it('refuses an event that is not the entry, or whose hash does not match its content', () => {
      const proof = file(proofText(5), 'tlog-proof')
      expect(check('--proof', proof, '--witnesses', keys(), '--event', JSON.stringify(line(6))).out).toBe(
        `REFUSED proof: the event is ${line(6).initiativeId} seq ${line(6).seq} hash ${line(6).hash}, the proof's entry ${leafOf(5).initiativeId} seq ${leafOf(5).seq} hash ${leafOf(5).hash}`,
      )
      const edited = { ...line(5), event: { ...line(5).event, by: 'someone-else' } }
      expect(check('--proof', proof, '--witnesses', keys(), '--event', JSON.stringify(edited))).toEqual({
        code: 1,
        out: "REFUSED proof: the event's hash does not match its content",
        err: '',
      })
      const misplaced = { ...line(5), logIndex: 6 }
      expect(check('--proof', proof, '--witnesses', keys(), '--event', JSON.stringify(misplaced)).out).toBe(
        'REFUSED proof: the event says it is log entry 6, the proof 5',
      )
    })

    it("refuses a proof whose checkpoint lacks an institution's cosignature or has a forged one", () => {
      const uncosigned = proofText(5, checkpoint(log.length, logKey, [gaWitness]))
      expect(check('--proof', file(uncosigned), '--witnesses', keys()).out).toBe(
        `REFUSED checkpoint: no cosignature from a witness of "${PA}"`,
      )
      const forged = proofText(5).replace(
        /(— witness\.pa\.example \S{20})(\S)/,
        (_, head, c) => `${head}${c === 'A' ? 'B' : 'A'}`,
      )
      expect(check('--proof', file(forged), '--witnesses', keys()).out).toBe(
        `TAMPERED at checkpoint: the signature of "${paWitness.name}" does not verify: the checkpoint was altered`,
      )
      expect(check('--proof', file('c2sp.org/tlog-proof@v1\nindex 1\n\n'), '--witnesses', keys()).code).toBe(
        2,
      )
    })
  })
})
