/**
 * A writer for the crash test: appends a fixed, numbered sequence of commands through the engine
 * on SQLite and prints each command id once the engine has acknowledged it. Command n is always
 * the same command with id `cmd-<n>`, so a restarted writer re-sends the one it may have been
 * killed in the middle of, and the idempotency key makes that safe.
 *
 *   node --import tsx tests/stores/support/crashWriter.ts <db> <first n> [<stop before n>]
 *
 * With CRASH_AFTER_COMMIT=<n> it kills itself right after command n is stored and before it is
 * acknowledged: the worst moment, which a random kill rarely hits.
 */
import { createEngine } from '../../../src/engine/createEngine.js'
import { loadPolicyFile } from '../../../src/policy/loadPolicyFile.js'
import { sqliteStore } from '../../../src/stores/sqliteStore.js'
import { commandNumber } from './crashPlan.js'

const [path, first = '0', stop = `${Number.MAX_SAFE_INTEGER}`] = process.argv.slice(2)
if (path === undefined) throw new Error('usage: crashWriter.ts <db> <first n> [<stop before n>]')
const engine = createEngine({
  policy: loadPolicyFile('machines/policies/two-keys.yaml'),
  store: sqliteStore(path),
  snapshotEvery: 7,
})
process.stdout.write('ready\n')
for (let n = Number(first); n < Number(stop); n++) {
  await engine.dispatch(commandNumber(n))
  if (process.env.CRASH_AFTER_COMMIT === String(n)) process.kill(process.pid, 'SIGKILL')
  // Written only after the engine returned: an acknowledged command.
  process.stdout.write(`cmd-${n}\n`)
}
await engine.close()
