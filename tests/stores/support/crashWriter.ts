/**
 * A writer for the crash test and the soak: runs the fixed plan of crashPlan.ts through the engine
 * on SQLite or PostgreSQL and prints one line per step once the engine has answered it:
 *
 *   ack <n> accepted <seq> <hash> | ack <n> replayed <seq> <hash> | ack <n> refused <code> | ack <n> tick <count>
 *
 * Run `run` sets the clock of step n to its planned time + `run` ms, and names the TICKs it stores
 * `due-<n>-<run>-<k>` (applied before command n, in its append) or `tick-<n>-<run>-<k>` (from the
 * tick() call of step n): the checker can then tell which run stored a TICK and whether the command
 * it came with is there.
 *
 *   node --import tsx tests/stores/support/crashWriter.ts '<json WriterConfig>'
 *
 * With `crashAfter: n` it kills itself right after step n is stored and before it is acknowledged:
 * the worst moment, which a random kill rarely hits.
 */
import { isTwoKeysError } from '../../../src/domain/TwoKeysError.js'
import { createEngine } from '../../../src/engine/createEngine.js'
import { loadPolicyFile } from '../../../src/policy/loadPolicyFile.js'
import { postgresStore } from '../../../src/stores/postgresStore.js'
import type { Store } from '../../../src/stores/Store.js'
import { sqliteStore } from '../../../src/stores/sqliteStore.js'
import { planStep, tickId } from './crashPlan.js'

export interface WriterConfig {
  location: { sqlite: string } | { postgres: string; schema: string }
  run: number
  first: number
  /** Stop before this step (and exit 0); runs until killed when absent. */
  stop?: number
  crashAfter?: number
  /**
   * A deliberately broken store for the checker's own test: appends one event at a time, so a
   * deadline and its command are two transactions, and with `crashAfter` dies between them.
   */
  mutant?: 'split-appends'
}

const config = JSON.parse(process.argv[2] ?? 'null') as WriterConfig | null
if (config === null) throw new Error("usage: crashWriter.ts '<json WriterConfig>'")
const base: Store =
  'sqlite' in config.location
    ? sqliteStore(config.location.sqlite)
    : postgresStore(config.location.postgres, { schema: config.location.schema, poolSize: 1 })
let current = -1
const store: Store =
  config.mutant === 'split-appends'
    ? {
        ...base,
        append: async (initiativeId, expectedSeq, events) => {
          for (const [i, event] of events.entries()) {
            await base.append(initiativeId, expectedSeq + i, [event])
            if (i === 0 && events.length > 1 && config.crashAfter === current)
              process.kill(process.pid, 'SIGKILL')
          }
        },
      }
    : base

let now = 0
let names: (k: number) => string = () => {
  throw new Error('an id was asked for outside a step')
}
let k = 0
const engine = createEngine({
  policy: loadPolicyFile('machines/policies/two-keys.yaml'),
  store,
  clock: () => now,
  ids: () => names(++k),
  snapshotEvery: 3,
  snapshotKey: 'crash-writer-snapshot-key',
})
const say = (line: string) => process.stdout.write(`${line}\n`)

say('ready')
for (let n = config.first; n < (config.stop ?? Number.MAX_SAFE_INTEGER); n++) {
  const step = planStep(n)
  current = n
  now = step.at + config.run
  k = 0
  let ack: string
  if (step.kind === 'tick') {
    names = (i) => tickId('tick', n, config.run, i)
    const receipts = await engine.tick()
    ack = `tick ${receipts.length}`
  } else {
    names = (i) => tickId('due', n, config.run, i)
    try {
      const receipt = await engine.dispatch(step.command)
      ack = `${receipt.replayed ? 'replayed' : 'accepted'} ${receipt.seq} ${receipt.event.hash}`
    } catch (error) {
      if (!isTwoKeysError(error)) throw error
      ack = `refused ${error.code}`
    }
  }
  if (config.crashAfter === n) process.kill(process.pid, 'SIGKILL')
  // Written only after the engine returned: an acknowledged step.
  say(`ack ${n} ${ack}`)
}
await engine.close()
