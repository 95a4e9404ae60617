import { spawn } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import { phaseOf } from '../../machines/describeState.js'
import type { InitiativeContext } from '../../machines/InitiativeContext.js'
import { readAuditLog } from '../../src/audit/readAuditLog.js'
import { verifyStore } from '../../src/audit/verifyStore.js'
import { createEngine } from '../../src/engine/createEngine.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import type { RaceOutcome, RacerConfig } from './support/racer.js'
import {
  postgresTarget,
  reportSkipped,
  type StoreTarget,
  sqliteTarget,
  targets,
} from './support/storeTargets.js'

const RACERS = 4
const INITIATIVES = 6
const policy = loadPolicyFile('machines/policies/two-keys.yaml')
const APPROVED = new Set(['approved', 'federalRollout', 'regionalRollout', 'exportRollout', 'completed'])

/** Starts every racer, waits until all are ready, then says "go" to all at once. */
async function race(
  location: RacerConfig['location'],
  initiatives: string[],
): Promise<{ outcomes: RaceOutcome[]; conflicts: number }> {
  const children = Array.from({ length: RACERS }, (_, racer) => {
    const config: RacerConfig = { racer, location, initiatives }
    return spawn(
      process.execPath,
      ['--import', 'tsx', 'tests/stores/support/racer.ts', JSON.stringify(config)],
      { stdio: ['pipe', 'pipe', 'pipe'] },
    )
  })
  const outcomes: RaceOutcome[] = []
  let conflicts = 0
  let ready = 0
  const done = children.map(
    (child, racer) =>
      new Promise<void>((resolve, reject) => {
        let pending = ''
        let stderr = ''
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString()
        })
        child.stdout.on('data', (chunk: Buffer) => {
          pending += chunk.toString()
          const lines = pending.split('\n')
          pending = lines.pop() ?? ''
          for (const line of lines) {
            if (line === 'ready') {
              if (++ready === RACERS) for (const c of children) c.stdin.write('go\n')
            } else {
              const parsed = JSON.parse(line) as RaceOutcome | { conflicts: number }
              if ('conflicts' in parsed) conflicts += parsed.conflicts
              else outcomes.push(parsed)
            }
          }
        })
        child.on('error', reject)
        child.on('close', (code) =>
          code === 0 ? resolve() : reject(new Error(`racer ${racer} exited with ${code}:\n${stderr}`)),
        )
      }),
  )
  await Promise.all(done)
  return { outcomes, conflicts }
}

const kinds = [sqliteTarget, postgresTarget]
reportSkipped(kinds)

describe.each(targets(kinds))(`${RACERS} processes deciding at once on $name`, (kind) => {
  let target: StoreTarget
  afterEach(async () => {
    await target?.dispose()
  })

  it('lose no update, apply no command twice, keep the chain and both keys', async () => {
    target = await kind.create()
    if ('memory' in target.location) throw new Error('the race needs a shared store')
    const setup = createEngine({ policy, store: target.open() })
    const initiatives: string[] = []
    for (let i = 0; i < INITIATIVES; i++) {
      const { initiativeId } = await setup.propose({
        by: 'minzifry',
        title: `Raced ${i}`,
        objective: 'infrastructure',
        scope: { kind: 'federal' },
      })
      await setup.submit(initiativeId, { by: 'minzifry' })
      initiatives.push(initiativeId)
    }

    const { outcomes, conflicts } = await race(target.location, initiatives)
    console.info(
      `${kind.name}: ${outcomes.length} commands from ${RACERS} processes, ${conflicts} stale appends refused with CONFLICT`,
    )
    expect(outcomes).toHaveLength(RACERS * INITIATIVES * 3 + INITIATIVES / 2)

    const store = target.open()
    const log = await readAuditLog(store)
    const stored = new Map(log.map((e) => [e.commandId, e]))

    // No double apply: a command id is taken fresh at most once; its repeats are replays of it.
    const fresh = outcomes.filter((o) => o.outcome === 'accepted')
    expect(new Set(fresh.map((o) => o.commandId)).size).toBe(fresh.length)
    // No lost update: every acknowledged command is in the log, at the seq and hash it was told.
    for (const o of outcomes.filter((o) => o.outcome !== 'refused')) {
      expect(stored.get(o.commandId), o.commandId).toMatchObject({ seq: o.seq, hash: o.hash })
    }
    // And nothing is in the log that no one was told about (besides the setup).
    expect(log.length).toBe(INITIATIVES * 2 + fresh.length)
    // The shared command id was answered to everyone, once applied and otherwise replayed.
    for (const id of initiatives) {
      const shared = outcomes.filter((o) => o.commandId === `${id}-pa`)
      expect(shared).toHaveLength(RACERS)
      expect(shared.filter((o) => o.outcome === 'accepted').length).toBeLessThanOrEqual(1)
    }
    // The unauthorised deputy is refused every time, and the security log keeps each attempt.
    const aide = outcomes.filter((o) => o.commandId.includes('-aide-'))
    expect(aide.every((o) => o.outcome === 'refused')).toBe(true)
    const logged = (await store.refusals()).filter((r) => r.commandId.includes('-aide-'))
    expect(logged.map((r) => r.commandId).sort()).toEqual(aide.map((o) => o.commandId).sort())

    const report = await verifyStore(store)
    expect(report.audit).toMatchObject({ ok: true, count: log.length })

    // Dual key: each key decided once; an approved initiative has both turned by distinct principals
    // of distinct institutions, and a vetoed one never was approved.
    const reader = createEngine({ policy, store })
    for (const [i, id] of initiatives.entries()) {
      const decisions = log.filter((e) => e.initiativeId === id && e.event.type === 'DECIDE')
      const keys = decisions.map((e) => (e.event as { key: string }).key).sort()
      expect(new Set(keys).size).toBe(keys.length) // no key decided twice
      const snapshot = await reader.snapshot(id)
      const context = snapshot.context as InitiativeContext
      // Without a rival veto, both keys must have turned.
      if (i % 2 === 0) expect(APPROVED.has(phaseOf(snapshot)), id).toBe(true)
      if (APPROVED.has(phaseOf(snapshot))) {
        const approvals = context.decisions.filter((d) => d.decision === 'approve')
        expect(approvals.map((d) => d.key).sort()).toEqual([
          'government-apparatus',
          'presidential-administration',
        ])
        expect(new Set(approvals.map((d) => d.by)).size).toBe(2)
        expect(new Set(approvals.flatMap((d) => d.institutions)).size).toBe(
          approvals.flatMap((d) => d.institutions).length,
        )
      } else {
        expect(phaseOf(snapshot)).toBe('returned')
        expect(context.approvedAt).toBeNull()
        expect(
          context.decisions.some((d) => d.key === 'government-apparatus' && d.decision === 'refuse'),
        ).toBe(true)
      }
    }
    await setup.close()
  })
})
