/**
 * What a signature costs the engine: the engine under `identity: signed` (commands signed
 * beforehand, outside the timing) against the same engine and commands unsigned under
 * `identity: asserted`, and against raw node:crypto Ed25519 verifications of the very bytes the
 * engine verifies — in the same process, interleaved in slices of 10 initiatives, by CPU time.
 *
 *   npm run bench:identity -- [--rounds 7] [--scale 1]
 *
 * Target (issue "Keys you can hold"): (signed − unsigned) ≤ 1.2 × raw verification, i.e. the engine
 * adds at most 20% to the verification it cannot avoid.
 */
import { createPublicKey, verify } from 'node:crypto'
import type { CommandInput } from '../src/domain/Command.js'
import { createEngine, type Engine } from '../src/engine/createEngine.js'
import { manualClock } from '../src/engine/systemClock.js'
import { fromBase64url } from '../src/identity/base64url.js'
import { firstKeyringChange } from '../src/identity/firstKeyringChange.js'
import { newKeyPair, type PrivateKeyFile } from '../src/identity/PrivateKeyFile.js'
import { commandSigningBytes, type SignedCommand, signCommand } from '../src/identity/signCommand.js'
import { loadPolicyFile } from '../src/policy/loadPolicyFile.js'
import { PolicySchema } from '../src/policy/PolicySchema.js'
import { benchArgs } from './support/benchArgs.js'
import { interleave, roundRatios, roundSeconds } from './support/interleave.js'
import { printHeader, printReport, rate } from './support/printReport.js'
import { singleThreadedGc } from './support/singleThreadedGc.js'
import { spread } from './support/spread.js'

singleThreadedGc()

const { rounds, scale } = benchArgs('npm run bench:identity -- [--rounds 7] [--scale 1]', { rounds: 7 })
const PER_SLICE = 10
const SLICES = Math.max(1, Math.round(50 * scale))
const INITIATIVES = SLICES * PER_SLICE
const COMMANDS = 5
const TARGET = 1.2

const asserted = loadPolicyFile(new URL('../machines/policies/two-keys.yaml', import.meta.url).pathname)
const signedPolicy = PolicySchema.parse({ ...asserted, identity: 'signed' })
const FROM = '2026-01-01T00:00:00Z'
const seed = (n: number) => new Uint8Array(32).fill(n)
const keys: Record<string, PrivateKeyFile> = Object.fromEntries(
  ['minzifry', 'oreshkin', 'grigorenko'].map((p, i) => [
    p,
    newKeyPair(p, `${p}-1`, FROM, seed(i + 1)).privateKey,
  ]),
)
const genesis = firstKeyringChange(asserted, Object.values(keys), FROM)

/** The five commands of initiative i, with ids chosen here; the decisions name the revision. */
function commandsOf(i: number, revision: string): CommandInput[] {
  const initiativeId = `i-${i}`
  const c = (n: number) => `c-${i}-${n}`
  return [
    {
      type: 'propose',
      initiativeId,
      commandId: c(1),
      by: 'minzifry',
      title: `Initiative ${i}`,
      objective: 'infrastructure',
      scope: { kind: 'federal' },
    },
    { type: 'submit', initiativeId, commandId: c(2), by: 'minzifry' },
    {
      type: 'decide',
      initiativeId,
      commandId: c(3),
      by: 'oreshkin',
      key: 'presidential-administration',
      decision: 'approve',
      revision,
    },
    {
      type: 'decide',
      initiativeId,
      commandId: c(4),
      by: 'grigorenko',
      key: 'government-apparatus',
      decision: 'approve',
      revision,
    },
    { type: 'complete', initiativeId, commandId: c(5), by: 'minzifry' },
  ]
}

/** The revision hash of initiative i, from an engine nothing times (it depends on the id only). */
async function revisionOf(i: number): Promise<string> {
  const engine = createEngine({ policy: asserted, clock: manualClock(FROM) })
  const [propose] = commandsOf(i, '')
  await engine.dispatch(propose as CommandInput)
  const hash = (await engine.status(`i-${i}`)).revision.hash
  await engine.close()
  return hash
}

console.log('preparing signed commands …')
const unsigned: CommandInput[][] = []
const signed: SignedCommand[][] = []
for (let i = 0; i < INITIATIVES; i++) {
  const commands = commandsOf(i, await revisionOf(i))
  unsigned.push(commands)
  signed.push(commands.map((c) => signCommand(c, keys[c.by] as PrivateKeyFile)))
}
const publicKeys = new Map(
  Object.values(keys).map((k) => [
    k.kid,
    createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: k.x }, format: 'jwk' }),
  ]),
)
const raw = signed.flat().map((c) => ({
  key: publicKeys.get(c.signature.keyId),
  bytes: commandSigningBytes(c, c.signature.keyId),
  signature: fromBase64url(c.signature.value) as Uint8Array,
}))

async function freshEngines(): Promise<{ signedEngine: Engine; unsignedEngine: Engine }> {
  const clock = manualClock('2026-03-01T09:00:00Z')
  const signedEngine = createEngine({ policy: signedPolicy, clock })
  await signedEngine.changeKeyring(genesis)
  return { signedEngine, unsignedEngine: createEngine({ policy: asserted, clock }) }
}
let engines = await freshEngines()
const range = (slice: number) => ({ from: slice * PER_SLICE, to: (slice + 1) * PER_SLICE })

printHeader(
  'twokeys identity benchmark',
  `${INITIATIVES} initiatives × ${COMMANDS} signed commands per round, in slices of ${PER_SLICE} initiatives; ${rounds} rounds after a warm-up`,
)
const timings = await interleave({
  rounds,
  slices: SLICES,
  beforeRound: async () => {
    engines = await freshEngines()
  },
  afterRound: async () => {
    for (const engine of [engines.signedEngine, engines.unsignedEngine]) {
      const phases = new Set((await engine.list()).map((s) => s.phase))
      if (phases.size !== 1 || !phases.has('completed'))
        throw new Error(`not every initiative completed: ${[...phases]}`)
      await engine.close()
    }
  },
  contenders: [
    {
      name: 'signed',
      run: async (slice) => {
        const { from, to } = range(slice)
        for (let i = from; i < to; i++)
          for (const c of signed[i] as SignedCommand[]) await engines.signedEngine.dispatch(c)
      },
    },
    {
      name: 'unsigned',
      run: async (slice) => {
        const { from, to } = range(slice)
        for (let i = from; i < to; i++)
          for (const c of unsigned[i] as CommandInput[]) await engines.unsignedEngine.dispatch(c)
      },
    },
    {
      name: 'raw verify',
      run: (slice) => {
        const { from, to } = range(slice)
        for (let k = from * COMMANDS; k < to * COMMANDS; k++) {
          const r = raw[k] as (typeof raw)[number]
          if (!verify(null, r.bytes, r.key as never, r.signature))
            throw new Error('a signature did not verify')
        }
      },
    },
  ],
})

const seconds = (name: string) => roundSeconds(timings, 'cpu', name)
const [s, u, r] = [seconds('signed'), seconds('unsigned'), seconds('raw verify')]
const extraOverRaw = s.map((x, i) => (x - (u[i] as number)) / (r[i] as number))
const perSecond = (xs: number[]) => rate(spread(xs.map((x) => (INITIATIVES * COMMANDS) / x)).median)
printReport([
  {
    benchmark: "a signature's extra cost in the engine",
    baseline: 'raw node:crypto Ed25519 verification of the same bytes',
    clock: 'CPU',
    ratios: extraOverRaw,
    reads: '(signed − unsigned) ÷ raw verify time',
    target: { op: '≤', value: TARGET },
    rates: `signed ${perSecond(s)}, unsigned ${perSecond(u)}, raw verifications ${perSecond(r)} per CPU second`,
  },
  {
    benchmark: 'signed commands, memory store',
    baseline: 'the same commands unsigned',
    clock: 'CPU',
    ratios: roundRatios(timings, 'cpu', 'signed', 'unsigned'),
    reads: 'signed ÷ unsigned time',
  },
])
