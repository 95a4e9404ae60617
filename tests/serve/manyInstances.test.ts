import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { verifyStore } from '../../src/audit/verifyStore.js'
import type { CommandInput } from '../../src/domain/Command.js'
import { postgresStore } from '../../src/stores/postgresStore.js'
import { freshSchema, pgRequired, pgSkipReason, pgUrl } from '../stores/support/postgres.js'
import { type CliProcess, spawnCli, waitForOutput } from '../support/spawnCli.js'
import { sign, signedEngine, signedPolicy } from './serveFixture.js'

const SECOND = 1 / 86_400 // a day's fraction: policies may say windowDays: 0.00003
const dir = mkdtempSync(join(tmpdir(), 'twokeys-many-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

interface Instance {
  url: string
  child: CliProcess['child']
  exited: Promise<number | null>
}

async function startInstance(policyFile: string, db: string): Promise<Instance> {
  const cli = spawnCli([
    'serve',
    '--policy',
    policyFile,
    '--db',
    db,
    '--port',
    '0',
    '--tick-every',
    '200',
    '--log-level',
    'warn',
  ])
  const url = await waitForOutput(cli, /listening on (http:\/\/\S+)/)
  return { url, child: cli.child, exited: cli.exited }
}

/** Collects an initiative's events from one instance's SSE stream, in the order they arrive. */
function follow(base: string, id: string, abort: AbortController): { seqs: number[]; done: Promise<void> } {
  const seqs: number[] = []
  const done = (async () => {
    const response = await fetch(`${base}/initiatives/${id}/events`, { signal: abort.signal })
    const reader = (response.body as ReadableStream<Uint8Array>).getReader()
    const decoder = new TextDecoder()
    let text = ''
    for (;;) {
      const { value, done: end } = await reader.read()
      if (end) return
      text += decoder.decode(value, { stream: true })
      for (let at = text.indexOf('\n\n'); at >= 0; at = text.indexOf('\n\n')) {
        const id = /^id: (\d+)$/m.exec(text.slice(0, at))
        if (id) seqs.push(Number(id[1]))
        text = text.slice(at + 2)
      }
    }
  })().catch(() => undefined)
  return { seqs, done }
}

const post = async (base: string, command: CommandInput) => {
  const response = await fetch(`${base}/commands`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(sign(command)),
  })
  return {
    status: response.status,
    body: (await response.json()) as { revision?: { hash: string }; board?: { revision: { hash: string } } },
  }
}

const skip = pgUrl === undefined && !pgRequired
describe.skipIf(skip)(
  `three twokeys serve instances on one PostgreSQL${skip ? ` (skipped: ${pgSkipReason})` : ''}`,
  () => {
    it('race signed commands through all three, lose one to SIGKILL: every deadline fires once, every live stream sees every event in order, the log verifies', async () => {
      const url = pgUrl as string
      const { schema, drop } = await freshSchema(url)
      const db = `${url}?schema=${schema}`
      const instances: Instance[] = []
      const aborts: AbortController[] = []
      try {
        // The keyring, applied once; a policy whose window is 3 s and plenary 2 s.
        const setup = postgresStore(url, { schema })
        await signedEngine(setup)
        await setup.close()
        const policyFile = join(dir, 'short.json')
        writeFileSync(
          policyFile,
          JSON.stringify({
            ...signedPolicy,
            review: { ...signedPolicy.review, windowDays: 3 * SECOND, plenaryDays: 2 * SECOND },
          }),
        )
        for (let i = 0; i < 3; i++) instances.push(await startInstance(policyFile, db))
        const bases = instances.map((i) => i.url)
        const via = (n: number) => bases[n % 3] as string

        const ids = Array.from({ length: 6 }, (_, n) => `race-${n}`)
        const streams: { instance: number; id: string; stream: ReturnType<typeof follow> }[] = []
        await Promise.all(
          ids.map(async (id, n) => {
            const proposed = await post(via(n), {
              type: 'propose',
              initiativeId: id,
              commandId: `${id}-p`,
              by: 'minzifry',
              title: `Race ${n}`,
              objective: 'infrastructure',
              scope: { kind: 'federal', ministries: [] },
            })
            expect(proposed.status, JSON.stringify(proposed.body)).toBe(201)
            for (const instance of [0, 2]) {
              const abort = new AbortController()
              aborts.push(abort)
              streams.push({ instance, id, stream: follow(bases[instance] as string, id, abort) })
            }
            expect(
              (
                await post(via(n + 1), {
                  type: 'submit',
                  initiativeId: id,
                  commandId: `${id}-s`,
                  by: 'minzifry',
                })
              ).status,
            ).toBe(201)
          }),
        )
        // Half get both keys, raced through different instances; the rest wait for their deadlines.
        await Promise.all(
          ids.slice(0, 3).map(async (id, n) => {
            const board = (await (await fetch(`${via(n)}/initiatives/${id}`)).json()) as {
              revision: { hash: string }
            }
            const revision = board.revision.hash
            const [pa, ga] = await Promise.all([
              post(via(n), {
                type: 'decide',
                initiativeId: id,
                commandId: `${id}-pa`,
                by: 'oreshkin',
                key: 'presidential-administration',
                decision: 'approve',
                revision,
              }),
              post(via(n + 1), {
                type: 'decide',
                initiativeId: id,
                commandId: `${id}-ga`,
                by: 'grigorenko',
                key: 'government-apparatus',
                decision: 'approve',
                revision,
              }),
            ])
            expect([pa.status, ga.status]).toEqual([201, 201])
          }),
        )
        // Mid-run, one instance is killed outright.
        instances[1]?.child.kill('SIGKILL')
        await instances[1]?.exited
        // The window (3 s) and the plenary (2 s) pass; the survivors' tickers record them.
        const final = async () => {
          const list = (await (await fetch(`${bases[0]}/initiatives`)).json()) as {
            initiativeId: string
            phase: string
          }[]
          return ids.every((id) =>
            ['lapsed', 'federalRollout', 'completed'].includes(
              list.find((s) => s.initiativeId === id)?.phase ?? '',
            ),
          )
        }
        for (let i = 0; i < 150 && !(await final()); i++) await new Promise((r) => setTimeout(r, 200))
        expect(await final()).toBe(true)
        await new Promise((r) => setTimeout(r, 1000)) // a few more ticker rounds: nothing more may fire

        const store = postgresStore(url, { schema })
        try {
          for (const id of ids) {
            const history = await store.readEvents(id)
            const ticks = history.filter((e) => e.event.type === 'TICK').map((e) => e.event.at)
            expect(new Set(ticks).size, `${id}: a deadline fired twice: ${ticks.join(', ')}`).toBe(
              ticks.length,
            )
            if (ids.indexOf(id) >= 3)
              expect(ticks.length, `${id}: window and lapse`).toBeGreaterThanOrEqual(2)
            for (const { stream } of streams.filter((s) => s.id === id))
              expect(stream.seqs, `${id}: a live stream`).toEqual(history.map((e) => e.seq))
          }
          const report = await verifyStore(store)
          expect(
            report.ok,
            JSON.stringify({
              audit: report.audit,
              rules: report.rules.problems,
              index: report.commandIndex.problems,
            }),
          ).toBe(true)
        } finally {
          await store.close()
        }
      } finally {
        for (const a of aborts) a.abort()
        for (const i of instances) i.child.kill('SIGTERM')
        await Promise.all(instances.map((i) => i.exited))
        await drop()
      }
    }, 180_000)
  },
)
