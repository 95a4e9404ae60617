import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEngine } from '../../src/engine/createEngine.js'
import { addCheckpointBody } from '../../src/log/addCheckpointBody.js'
import { publishCheckpoint } from '../../src/log/publishCheckpoint.js'
import { requestCosignatures } from '../../src/log/requestCosignatures.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { memoryStore } from '../../src/stores/memoryStore.js'
import { checkpointText } from '../../src/tlog/checkpoint.js'
import { rootHash } from '../../src/tlog/merkle.js'
import { generateNoteSigner, verifierKeyOf } from '../../src/tlog/noteKey.js'
import {
  COSIGNATURE_ED25519,
  parseVerifierKey,
  signNote,
  type VerifierKey,
} from '../../src/tlog/signedNote.js'
import { checkCosigned, parseWitnessList, type WitnessList } from '../../src/tlog/witnessList.js'
import { emptyWitnessState } from '../../src/witness/WitnessState.js'
import { createWitness } from '../../src/witness/witness.js'
import { startWitnessServer, type WitnessServer } from '../../src/witness/witnessServer.js'

const dir = mkdtempSync(join(tmpdir(), 'twokeys-two-witnesses-'))
const logKey = generateNoteSigner('commission.example/twokeys')
const servers: WitnessServer[] = []
let list: WitnessList
const store = memoryStore()
const engine = createEngine({ policy: loadPolicyFile('machines/policies/two-keys.yaml'), store })

async function startWitness(name: string): Promise<{ vkey: string; url: string }> {
  const signer = generateNoteSigner(name, COSIGNATURE_ED25519)
  const statePath = join(dir, `${name}.state.json`)
  writeFileSync(statePath, JSON.stringify(emptyWitnessState(name)))
  const witness = createWitness({ signer, logKeys: [logKeyV()], statePath, state: emptyWitnessState(name) })
  const server = await startWitnessServer(witness, { host: '127.0.0.1', port: 0 })
  servers.push(server)
  return { vkey: verifierKeyOf(signer), url: server.url }
}
const logKeyV = () => parseVerifierKey(verifierKeyOf(logKey)) as VerifierKey

beforeAll(async () => {
  const pa = await startWitness('witness.pa.example')
  const ga = await startWitness('witness.ga.example')
  const parsed = parseWitnessList(
    `log ${verifierKeyOf(logKey)}\npresidential-administration ${pa.vkey} ${pa.url}\ngovernment-apparatus ${ga.vkey} ${ga.url}\n`,
  )
  if (typeof parsed === 'string') throw new Error(parsed)
  list = parsed
})
afterAll(async () => {
  for (const s of servers) await s.close()
  rmSync(dir, { recursive: true, force: true })
})

const propose = (id: string) =>
  engine.propose({
    commandId: `${id}-p`,
    by: 'minzifry',
    title: `Initiative ${id}`,
    objective: 'infrastructure',
    scope: { kind: 'federal' },
  })

describe('a log with a witness of each institution, over HTTP', () => {
  it('gets both cosignatures on each new checkpoint, each proving it extends the last', async () => {
    await propose('a')
    await publishCheckpoint(store, logKey)
    const first = await requestCosignatures(store, list)
    expect(first.answers.map((a) => [a.institution, a.ok])).toEqual([
      ['presidential-administration', true],
      ['government-apparatus', true],
    ])
    await propose('b')
    await propose('c')
    await publishCheckpoint(store, logKey)
    const second = await requestCosignatures(store, list)
    expect(
      second.answers.every((a) => a.ok),
      JSON.stringify(second.answers),
    ).toBe(true)
    const accepted = checkCosigned(second.checkpoint.note, list)
    if (typeof accepted === 'string') throw new Error(accepted)
    expect(accepted.checkpoint.size).toBe(3)
    expect(accepted.cosignedBy.map((c) => c.institution)).toEqual([
      'presidential-administration',
      'government-apparatus',
    ])
  })

  it('is refused by both witnesses when the operator shows them a rewritten history of the same size (a split view)', async () => {
    const size = await store.log?.size()
    const leaves = [new Uint8Array(32).fill(7), new Uint8Array(32).fill(8), new Uint8Array(32).fill(9)]
    const forged = signNote(
      checkpointText({ origin: logKey.name, size: size as number, root: rootHash(leaves) }),
      logKey.name,
      logKey.seed,
      logKey.publicKey,
    )
    for (const w of list.witnesses) {
      const response = await fetch(`${w.url}/add-checkpoint`, {
        method: 'POST',
        body: addCheckpointBody(size as number, [], forged),
      })
      expect(response.status, w.institution).toBe(422)
    }
  })

  it('is refused when the log was cut off behind what they cosigned: the witness names its size', async () => {
    const text = readFileSync(join(dir, 'witness.pa.example.state.json'), 'utf8')
    expect(JSON.parse(text).logs[logKey.name].size).toBe(3)
    const cut = signNote(
      checkpointText({ origin: logKey.name, size: 1, root: rootHash([new Uint8Array(32)]) }),
      logKey.name,
      logKey.seed,
      logKey.publicKey,
    )
    const response = await fetch(`${list.witnesses[0]?.url}/add-checkpoint`, {
      method: 'POST',
      body: addCheckpointBody(0, [], cut),
    })
    expect(response.status).toBe(409)
    expect(await response.text()).toBe('3\n')
  })
})
