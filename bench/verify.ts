/**
 * The verifier's explorer against XState's own `getAdjacencyMap`, on the same machine with the
 * same events and the same state serialisation, in the same run; then the full `verify` (all
 * invariants) and the CLI end to end.
 *
 *   npx tsx bench/verify.ts [rounds = 5]
 *
 * Policies: the shipped ones, and generated ones with 6 alike keys — without deputies (one holder
 * each, quorum 1) and with one aide per key (the hard case). getAdjacencyMap is skipped where it
 * would take minutes. Targets: the seed policy verified end to end by the CLI in under 1 s, the
 * 6-key policies in under 30 s, the explorer at least 2× faster than getAdjacencyMap.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { getAdjacencyMap } from 'xstate/graph'
import { createInitiativeMachine } from '../machines/initiative.js'
import type { InitiativeEvent } from '../src/domain/InitiativeEvent.js'
import { hashPolicy } from '../src/policy/hashPolicy.js'
import { loadPolicyFile } from '../src/policy/loadPolicyFile.js'
import type { Policy } from '../src/policy/PolicySchema.js'
import { instantiate } from '../src/verify/alphabet.js'
import { explorationSetup, explore, type InitiativeSnapshot } from '../src/verify/explore.js'
import { manyKeysPolicy } from '../src/verify/manyKeysPolicy.js'
import { verify } from '../src/verify/verify.js'

const ROUNDS = Number(process.argv[2] ?? 5)
const RATIO_TARGET = 2
const SEED_CLI_TARGET_S = 1
const SIX_KEY_TARGET_S = 30

const shipped = (name: string) =>
  loadPolicyFile(new URL(`../machines/policies/${name}.yaml`, import.meta.url).pathname)
const cases: { name: string; policy: Policy; adjacency: boolean; rounds: number }[] = [
  { name: 'two-keys', policy: shipped('two-keys'), adjacency: true, rounds: ROUNDS },
  { name: 'single-key', policy: shipped('single-key'), adjacency: true, rounds: ROUNDS },
  { name: 'council', policy: shipped('council'), adjacency: true, rounds: 1 },
  { name: '6 keys', policy: manyKeysPolicy(6, { deputies: false }), adjacency: true, rounds: ROUNDS },
  { name: '6 keys + aides', policy: manyKeysPolicy(6), adjacency: false, rounds: 1 },
]

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}
const time = <T>(f: () => T): [T, number] => {
  const start = performance.now()
  const value = f()
  return [value, (performance.now() - start) / 1000]
}
const num = (x: number, width = 9) => Math.round(x).toLocaleString('en-US').padStart(width)
const sec = (x: number) => x.toFixed(3).padStart(8)

function adjacencyStates(policy: Policy): number {
  const machine = createInitiativeMachine(policy)
  const { alphabet, alphabetContext, abstractKey } = explorationSetup(policy)
  const map = getAdjacencyMap(machine, {
    input: { policyHash: hashPolicy(policy) },
    events: (s: InitiativeSnapshot) =>
      alphabet
        .map((e) => instantiate(alphabetContext, e, s.value, s.context))
        .filter((e): e is InitiativeEvent => e !== null),
    serializeState: (s: InitiativeSnapshot) => abstractKey(s),
    serializeEvent: (e: InitiativeEvent) => JSON.stringify(e),
  })
  return Object.keys(map).length
}

console.log(
  `explorer vs xstate/graph getAdjacencyMap (median of ${ROUNDS} rounds after a warm-up; 1 round for the large cases)\n`,
)
console.log(
  'policy             states  transitions  explore s   states/s  transitions/s  adjacency s   ratio   verify s',
)
const ratios: { name: string; ratio: number }[] = []
const verifyTimes = new Map<string, number>()
for (const c of cases) {
  const machine = createInitiativeMachine(c.policy)
  // Warm up the JIT on both paths.
  explore(c.policy, machine)
  if (c.adjacency && c.rounds > 1) adjacencyStates(c.policy)
  const exploreS: number[] = []
  const adjacencyS: number[] = []
  let graph = explore(c.policy, machine)
  for (let r = 0; r < c.rounds; r++) {
    const [g, s] = time(() => explore(c.policy, machine))
    graph = g
    exploreS.push(s)
    if (c.adjacency) {
      const [found, a] = time(() => adjacencyStates(c.policy))
      if (found !== g.keys.length)
        throw new Error(`${c.name}: getAdjacencyMap found ${found} states, the explorer ${g.keys.length}`)
      adjacencyS.push(a)
    }
  }
  const [result, verifyS] = time(() => verify(c.policy))
  if (!result.ok) throw new Error(`${c.name}: verify found a violation`)
  verifyTimes.set(c.name, verifyS)
  const e = median(exploreS)
  const a = c.adjacency ? median(adjacencyS) : Number.NaN
  if (c.adjacency) ratios.push({ name: c.name, ratio: a / e })
  console.log(
    `${c.name.padEnd(16)} ${num(graph.keys.length)} ${num(graph.edges.count, 12)}  ${sec(e)} ${num(graph.keys.length / e, 10)} ${num(graph.edges.count / e, 14)}  ${
      c.adjacency ? sec(a) : '       –'
    }  ${c.adjacency ? `${(a / e).toFixed(2)}×`.padStart(6) : '     –'}  ${sec(verifyS)}`,
  )
}

// The CLI end to end as users run it: compiled JavaScript on plain node (built afresh into a
// cache folder, so a stale dist/ cannot skew the figure).
const root = new URL('..', import.meta.url).pathname
const outDir = `${root}node_modules/.cache/twokeys-bench`
const tsc = spawnSync(
  process.execPath,
  [`${root}node_modules/typescript/bin/tsc`, '-p', `${root}tsconfig.build.json`, '--outDir', outDir],
  { encoding: 'utf8' },
)
if (!existsSync(`${outDir}/src/cli/main.js`))
  throw new Error(`could not build the CLI: ${tsc.stdout}${tsc.stderr}`)
const seed = `${root}machines/policies/two-keys.yaml`
const cliArgs = [
  '--input-type=module',
  '-e',
  `const { main } = await import(${JSON.stringify(`${outDir}/src/cli/main.js`)}); await main(['node', 'twokeys', ...process.argv.slice(1)])`,
  'verify',
  seed,
]
const cliRuns: number[] = []
for (let r = 0; r < 3; r++) {
  const [run, s] = time(() => spawnSync(process.execPath, cliArgs, { encoding: 'utf8' }))
  if (run.status !== 0) throw new Error(`the CLI exited ${run.status}: ${run.stderr}`)
  cliRuns.push(s)
}
const cli = median(cliRuns)

console.log('')
for (const { name, ratio } of ratios) {
  console.log(
    `${name}: the explorer is ${ratio.toFixed(2)}× as fast as getAdjacencyMap (target ≥ ${RATIO_TARGET}×)${ratio >= RATIO_TARGET ? '' : ' — MISSED'}`,
  )
}
console.log(
  `two-keys: \`twokeys verify\` end to end (compiled, plain node) in ${cli.toFixed(2)} s (target < ${SEED_CLI_TARGET_S} s)${cli < SEED_CLI_TARGET_S ? '' : ' — MISSED'}`,
)
for (const name of ['6 keys', '6 keys + aides']) {
  const s = verifyTimes.get(name) ?? Number.NaN
  console.log(
    `${name}: verified in ${s.toFixed(2)} s (target < ${SIX_KEY_TARGET_S} s)${s < SIX_KEY_TARGET_S ? '' : ' — MISSED'}`,
  )
}
