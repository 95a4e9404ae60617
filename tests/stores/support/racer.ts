/**
 * One racer of the race test: an engine in its own OS process, deciding on the same initiatives
 * as the other racers, against a shared SQLite file or PostgreSQL schema. It waits for "go" on
 * stdin so that all racers start together, then prints one JSON line per command it sent.
 *
 *   node --import tsx tests/stores/support/racer.ts '<json config>'
 */
import { createInterface } from 'node:readline'
import type { CommandInput } from '../../../src/domain/Command.js'
import { isTwoKeysError } from '../../../src/domain/TwoKeysError.js'
import { createEngine } from '../../../src/engine/createEngine.js'
import { loadPolicyFile } from '../../../src/policy/loadPolicyFile.js'
import { postgresStore } from '../../../src/stores/postgresStore.js'
import type { Store } from '../../../src/stores/Store.js'
import { sqliteStore } from '../../../src/stores/sqliteStore.js'

export interface RacerConfig {
  racer: number
  location: { sqlite: string } | { postgres: string; schema: string }
  initiatives: string[]
}

/** What a racer saw for one command. */
export interface RaceOutcome {
  racer: number
  initiativeId: string
  commandId: string
  outcome: 'accepted' | 'replayed' | 'refused'
  code?: string
  seq?: number
  hash?: string
  /** CONFLICTs that got past the engine's own retry, retried here with the same command id. */
  retries: number
}

const config = JSON.parse(process.argv[2] ?? '{}') as RacerConfig
const shared: Store =
  'sqlite' in config.location
    ? sqliteStore(config.location.sqlite)
    : postgresStore(config.location.postgres, { schema: config.location.schema, poolSize: 2 })
// Counts the appends another process beat, to show the race was real.
let conflicts = 0
const store: Store = {
  ...shared,
  append: (initiativeId, expectedSeq, events) =>
    shared.append(initiativeId, expectedSeq, events).catch((error: unknown) => {
      if (isTwoKeysError(error) && error.code === 'CONFLICT') conflicts++
      throw error
    }),
}
const engine = createEngine({ policy: loadPolicyFile('machines/policies/two-keys.yaml'), store })

/** The commands racer r sends on one initiative: some shared by all racers, some its own. */
function commandsFor(r: number, initiativeId: string): CommandInput[] {
  const decide = (by: string, key: string, decision: 'approve' | 'refuse', commandId: string) =>
    ({ type: 'decide', initiativeId, by, key, decision, commandId }) as const
  const pa = 'presidential-administration'
  const ga = 'government-apparatus'
  const mine: CommandInput[] = [
    decide('oreshkin', pa, 'approve', `${initiativeId}-pa`), // the same command id in every racer
    decide('grigorenko', ga, 'approve', `${initiativeId}-ga-r${r}`), // the same decision, its own id
    decide('pa-aide', ga, 'approve', `${initiativeId}-aide-r${r}`), // never authorised
  ]
  // A rival veto, on every other initiative.
  if (r === 1 && config.initiatives.indexOf(initiativeId) % 2 === 1) {
    mine.push(decide('grigorenko', ga, 'refuse', `${initiativeId}-veto-r${r}`))
  }
  // Each racer goes through its commands in its own order.
  return r % 2 === 0 ? mine : mine.reverse()
}

async function send(
  command: CommandInput & { initiativeId: string; commandId: string },
): Promise<RaceOutcome> {
  const base = { racer: config.racer, initiativeId: command.initiativeId, commandId: command.commandId }
  for (let retries = 0; ; retries++) {
    try {
      const receipt = await engine.dispatch(command)
      return {
        ...base,
        outcome: receipt.replayed ? 'replayed' : 'accepted',
        seq: receipt.seq,
        hash: receipt.event.hash,
        retries,
      }
    } catch (error) {
      if (isTwoKeysError(error) && error.code === 'CONFLICT' && retries < 50) continue
      if (isTwoKeysError(error)) return { ...base, outcome: 'refused', code: error.code, retries }
      throw error
    }
  }
}

const lines = createInterface({ input: process.stdin })
process.stdout.write('ready\n')
for await (const line of lines) if (line === 'go') break
// Every racer takes the initiatives in the same order, so all of them contend for each one at once.
for (const initiativeId of config.initiatives) {
  for (const command of commandsFor(config.racer, initiativeId)) {
    const outcome = await send(command as CommandInput & { initiativeId: string; commandId: string })
    process.stdout.write(`${JSON.stringify(outcome)}\n`)
  }
}
process.stdout.write(`${JSON.stringify({ conflicts })}\n`)
await engine.close()
process.exit(0)
