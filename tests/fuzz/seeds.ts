import { readdirSync, readFileSync } from 'node:fs'
import YAML from 'yaml'
import { exportAudit } from '../../src/audit/exportAudit.js'
import { verifyAudit } from '../../src/audit/verifyAudit.js'
import { createEngine } from '../../src/engine/createEngine.js'
import { manualClock } from '../../src/engine/systemClock.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { memoryStore } from '../../src/stores/memoryStore.js'
import type { RecordedEvent } from '../../src/stores/Store.js'

/** A valid document: its text and its parsed value, the starting point of every mutation. */
export interface Seed {
  name: string
  text: string
  value: unknown
}

const seed = (name: string, text: string): Seed => ({ name, text, value: YAML.parse(text) })
const read = (path: string) => readFileSync(path, 'utf8')

export const TWO_KEYS_TEXT = read('machines/policies/two-keys.yaml')

export const POLICY_SEEDS: Seed[] = [
  ...readdirSync('machines/policies')
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => seed(f, read(`machines/policies/${f}`))),
  ...readdirSync('tests/fixtures/bugs').map((f) => seed(f, read(`tests/fixtures/bugs/${f}`))),
  seed('two-keys.json', JSON.stringify(YAML.parse(TWO_KEYS_TEXT), null, 2)),
]

/** Scripts name their policy as `two-keys.yaml`, a copy written next to them. */
export const SCRIPT_SEEDS: Seed[] = [
  seed('seed-walkthrough.yaml', read('examples/seed-walkthrough.yaml')),
  ...readdirSync('tests/fixtures/scripts').map((f) => seed(f, read(`tests/fixtures/scripts/${f}`))),
].map((s) => seed(s.name, s.text.replace(/^policy: .*$/m, 'policy: two-keys.yaml')))

/** The example scenarios over two months instead of two years, so that a simulation is quick. */
export const SCENARIO_SEEDS: Seed[] = readdirSync('examples/scenarios')
  .filter((f) => f.endsWith('.yaml'))
  .map((f) =>
    seed(
      f,
      read(`examples/scenarios/${f}`)
        .replace(/^horizonDays: .*$/m, 'horizonDays: 60')
        .replace(/^warmupDays: .*$/m, 'warmupDays: 10'),
    ),
  )

/** A small real audit log (three initiatives, refusals, a tick), as exported, with its heads. */
export interface AuditSeed {
  records: RecordedEvent[]
  text: string
  heads: string
}

async function makeAuditSeed(): Promise<AuditSeed> {
  const policy = loadPolicyFile('machines/policies/two-keys.yaml')
  const store = memoryStore()
  const clock = manualClock('2026-03-01T09:00:00Z')
  let n = 0
  const engine = createEngine({ policy, store, clock, ids: () => `seed-${++n}` })
  const pa = 'presidential-administration'
  const ga = 'government-apparatus'
  const a = await engine.propose({
    by: 'minzifry',
    title: 'GPU cluster',
    objective: 'infrastructure',
    scope: { kind: 'federal' },
  })
  const b = await engine.propose({
    by: 'gov-tatarstan',
    title: 'Regional data centre',
    objective: 'infrastructure',
    scope: { kind: 'regional', regions: ['tatarstan'] },
  })
  const c = await engine.propose({
    by: 'minpromtorg',
    title: 'Export of LLM tooling',
    summary: 'Licences for friendly nations',
    objective: 'export',
    scope: { kind: 'export', destinations: ['belarus'] },
    budget: 1250000.5,
  })
  await engine.submit(a.initiativeId, { by: 'minzifry' })
  await engine.submit(b.initiativeId, { by: 'gov-tatarstan' })
  await engine.submit(c.initiativeId, { by: 'minpromtorg' })
  clock.advance({ hours: 3 })
  await engine.decide(a.initiativeId, {
    by: 'oreshkin',
    key: pa,
    decision: 'approve',
    reason: 'Fits the plan',
  })
  await engine.decide(b.initiativeId, { by: 'oreshkin', key: pa, decision: 'refuse', reason: 'Not now' })
  await engine.decide(a.initiativeId, { by: 'grigorenko', key: ga, decision: 'approve' })
  await engine.amend(c.initiativeId, { by: 'minpromtorg', summary: 'Licences, revised' })
  clock.advance({ days: 31 })
  await engine.decide(c.initiativeId, { by: 'grigorenko', key: ga, decision: 'approve' })
  await engine.tick()
  let text = ''
  for await (const line of exportAudit(store)) text += line
  const records = text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as RecordedEvent)
  const check = verifyAudit(records)
  if (!check.ok) throw new Error('the audit seed does not verify')
  return { records, text, heads: JSON.stringify({ heads: check.heads }) }
}

export const AUDIT_SEED = await makeAuditSeed()
