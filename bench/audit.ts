/**
 * Checking a signed log: `verifyStore` over a store of signed events (chain, rules replayed,
 * every signature, the keyring) against raw node:crypto Ed25519 verification of the same
 * signatures — the work no audit can skip — in the same process, alternating whole passes (an
 * audit is one pass over the log). Two audits: on one thread (`signatureThreads: false`), by CPU
 * time; and with the signatures verified on worker threads while the rules replay (the default
 * with two or more cores), by WALL time, since its point is to use the second core — its CPU time
 * (every thread of the process) is reported beside it. The raw baseline is one thread either way.
 *
 *   npm run bench:audit -- [--rounds 5] [--scale 1]      (scale 1: 100,000 events)
 *
 * Target (issue "Keys you can hold"): the audit checks signed events at ≥ 0.5× the raw
 * verification rate.
 */
import { createPublicKey, verify } from 'node:crypto'
import { verifyStore } from '../src/audit/verifyStore.js'
import type { CommandInput } from '../src/domain/Command.js'
import { createEngine } from '../src/engine/createEngine.js'
import { manualClock } from '../src/engine/systemClock.js'
import { fromBase64url } from '../src/identity/base64url.js'
import { firstKeyringChange } from '../src/identity/firstKeyringChange.js'
import { newKeyPair, type PrivateKeyFile } from '../src/identity/PrivateKeyFile.js'
import { commandSigningBytes, signCommand } from '../src/identity/signCommand.js'
import { loadPolicyFile } from '../src/policy/loadPolicyFile.js'
import { PolicySchema } from '../src/policy/PolicySchema.js'
import { memoryStore } from '../src/stores/memoryStore.js'
import { benchArgs } from './support/benchArgs.js'
import { CPU_CLOCK } from './support/cpuSeconds.js'
import { interleave, roundRatios, roundSeconds } from './support/interleave.js'
import { printHeader, printReport, rate } from './support/printReport.js'
import { singleThreadedGc } from './support/singleThreadedGc.js'
import { spread } from './support/spread.js'

singleThreadedGc()

const { rounds, scale } = benchArgs('npm run bench:audit -- [--rounds 5] [--scale 1]', { rounds: 5 })
const EVENTS_PER_INITIATIVE = 5
const INITIATIVES = Math.max(1, Math.round(20_000 * scale))
const TARGET = 0.5

const policy = PolicySchema.parse({
  ...loadPolicyFile(new URL('../machines/policies/two-keys.yaml', import.meta.url).pathname),
  identity: 'signed',
})
const FROM = '2026-01-01T00:00:00Z'
const keys: Record<string, PrivateKeyFile> = Object.fromEntries(
  ['minzifry', 'oreshkin', 'grigorenko'].map((p, i) => [
    p,
    newKeyPair(p, `${p}-1`, FROM, new Uint8Array(32).fill(i + 1)).privateKey,
  ]),
)
const genesis = firstKeyringChange(policy, Object.values(keys), FROM)

console.log(`writing ${INITIATIVES * EVENTS_PER_INITIATIVE} signed events …`)
const store = memoryStore()
const engine = createEngine({ policy, store, clock: manualClock('2026-03-01T09:00:00Z') })
await engine.changeKeyring(genesis)
const sign = (c: CommandInput) => engine.dispatch(signCommand(c, keys[c.by] as PrivateKeyFile))
for (let i = 0; i < INITIATIVES; i++) {
  const initiativeId = `i-${i}`
  const c = (n: number) => `c-${i}-${n}`
  await sign({
    type: 'propose',
    initiativeId,
    commandId: c(1),
    by: 'minzifry',
    title: `I ${i}`,
    objective: 'infrastructure',
    scope: { kind: 'federal' },
  })
  await sign({ type: 'submit', initiativeId, commandId: c(2), by: 'minzifry' })
  const revision = (await engine.status(initiativeId)).revision.hash
  await sign({
    type: 'decide',
    initiativeId,
    commandId: c(3),
    by: 'oreshkin',
    key: 'presidential-administration',
    decision: 'approve',
    revision,
  })
  await sign({
    type: 'decide',
    initiativeId,
    commandId: c(4),
    by: 'grigorenko',
    key: 'government-apparatus',
    decision: 'approve',
    revision,
  })
  await sign({ type: 'complete', initiativeId, commandId: c(5), by: 'minzifry' })
}
const raw: { key: ReturnType<typeof createPublicKey>; bytes: Uint8Array; signature: Uint8Array }[] = []
const publicKeys = new Map(
  Object.values(keys).map((k) => [
    k.kid,
    createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: k.x }, format: 'jwk' }),
  ]),
)
for (const id of await store.listInitiatives()) {
  for (const e of await store.readEvents(id)) {
    const c = e.command
    if (c?.signature === undefined) throw new Error(`event ${e.seq} of ${id} is not signed`)
    raw.push({
      key: publicKeys.get(c.signature.keyId) as ReturnType<typeof createPublicKey>,
      bytes: commandSigningBytes(c, c.signature.keyId),
      signature: fromBase64url(c.signature.value) as Uint8Array,
    })
  }
}
const EVENTS = raw.length

printHeader(
  'twokeys audit benchmark',
  `${EVENTS} signed events (${INITIATIVES} initiatives); ${rounds} rounds of one pass each, after a warm-up`,
)
const timings = await interleave({
  rounds,
  slices: 1,
  contenders: [
    {
      name: 'audit',
      run: async () => {
        const report = await verifyStore(store, { signatureThreads: false })
        if (!report.ok) throw new Error('the audit failed an honest log')
      },
    },
    {
      name: 'audit, threads',
      run: async () => {
        const report = await verifyStore(store)
        if (!report.ok) throw new Error('the audit failed an honest log')
      },
    },
    {
      name: 'raw verify',
      run: () => {
        for (const r of raw)
          if (!verify(null, r.bytes, r.key, r.signature)) throw new Error('a signature did not verify')
      },
    },
  ],
  onRound: (round, t) =>
    console.log(
      `round ${round}: audit CPU ${t.cpu[0]?.toFixed(2)} s; audit with threads wall ${t.wall[1]?.toFixed(2)} s (CPU ${t.cpu[1]?.toFixed(2)}); raw verify CPU ${t.cpu[2]?.toFixed(2)} s, wall ${t.wall[2]?.toFixed(2)} s`,
    ),
})

const perSecond = (name: string, clock: 'cpu' | 'wall' = 'cpu') =>
  rate(spread(roundSeconds(timings, clock, name).map((s) => EVENTS / s)).median)
printReport([
  {
    benchmark: `audit of ${EVENTS.toLocaleString('en-US')} signed events, memory store`,
    baseline: 'raw node:crypto Ed25519 verification of the same signatures',
    clock: 'CPU',
    ratios: roundRatios(timings, 'cpu', 'raw verify', 'audit'),
    reads: 'raw verify ÷ audit time (the share of the raw rate)',
    target: { op: '≥', value: TARGET },
    rates: `audit ${perSecond('audit')} vs raw ${perSecond('raw verify')} events per CPU second (one thread)`,
  },
  {
    benchmark: `audit of ${EVENTS.toLocaleString('en-US')} signed events, signatures on worker threads`,
    baseline: 'raw node:crypto Ed25519 verification of the same signatures, one thread',
    clock: 'wall',
    ratios: roundRatios(timings, 'wall', 'raw verify', 'audit, threads'),
    reads: 'raw verify ÷ audit WALL time (the share of the raw rate, both cores)',
    target: { op: '≥', value: TARGET },
    rates: `audit ${perSecond('audit, threads', 'wall')} vs raw ${perSecond('raw verify', 'wall')} events per WALL second; the audit's CPU (${CPU_CLOCK.includes('every thread') ? 'every thread' : 'main thread only'}) ${perSecond('audit, threads')} events per CPU second`,
  },
])
