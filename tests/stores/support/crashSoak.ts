/**
 * The crash soak: a writer process (crashWriter.ts) is SIGKILLed at random moments while it runs
 * the plan of crashPlan.ts, and after every kill the store is checked: every acknowledged step is
 * there as acknowledged, the chain verifies (`verifyStore`), nothing beyond the step in flight was
 * stored, and every TICK is either from a tick() call or stored in the same append as the command
 * it was applied before. The CI test (crash.test.ts) runs a few kills; `npm run soak` runs hundreds.
 */
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import BetterSqlite from 'better-sqlite3'
import pg from 'pg'
import { verifyStore } from '../../../src/audit/verifyStore.js'
import { postgresStore } from '../../../src/stores/postgresStore.js'
import type { RecordedEvent, Store } from '../../../src/stores/Store.js'
import { sqliteStore } from '../../../src/stores/sqliteStore.js'
import {
  COMMAND_ID,
  endOfInitiative,
  FINAL_EVENTS,
  firstStepOf,
  initiativeIdOf,
  planStep,
  refusedByDesign,
  STORIES,
  storyOf,
  TICK_ID,
} from './crashPlan.js'
import type { WriterConfig } from './crashWriter.js'
import { freshSchema } from './postgres.js'

const WRITER = 'tests/stores/support/crashWriter.ts'

/** How to start a writer: node with these arguments before the JSON config. */
export interface WriterLaunch {
  args: string[]
}

/** The writer run by tsx: no build step, about a second to start. */
export const tsxWriter: WriterLaunch = { args: ['--import', 'tsx', WRITER] }

/**
 * The writer bundled into one ESM file by esbuild (tsx's own compiler), which starts in a fraction
 * of the time; falls back to tsx when esbuild cannot be loaded.
 */
export async function bundledWriter(outDir = 'test-output/soak'): Promise<WriterLaunch> {
  try {
    const esbuild = await import('esbuild')
    mkdirSync(outDir, { recursive: true })
    const outfile = resolve(outDir, 'crashWriter.mjs')
    await esbuild.build({
      entryPoints: [WRITER],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile,
      external: ['better-sqlite3', 'pg', 'pg-native'],
      logLevel: 'error',
      // The CommonJS dependencies it bundles call require() for Node's own modules.
      banner: {
        js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
      },
    })
    return { args: [outfile] }
  } catch {
    return tsxWriter
  }
}

/** mulberry32: a small seeded generator, so the kill moments are the same on every run. */
export function seeded(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** One acknowledged step, as the writer printed it. */
export type Ack =
  | { n: number; outcome: 'accepted' | 'replayed'; seq: number; hash: string }
  | { n: number; outcome: 'refused'; code: string }
  | { n: number; outcome: 'tick'; count: number }

function parseAck(line: string): Ack | undefined {
  const [word, n, outcome, a, b] = line.split(' ')
  if (word !== 'ack') return undefined
  const step = Number(n)
  if (outcome === 'accepted' || outcome === 'replayed') {
    return { n: step, outcome, seq: Number(a), hash: String(b) }
  }
  if (outcome === 'refused') return { n: step, outcome, code: String(a) }
  if (outcome === 'tick') return { n: step, outcome, count: Number(a) }
  return undefined
}

/** How one writer run is ended. */
export type Kill =
  | { kind: 'after-ready'; ms: number }
  | { kind: 'from-spawn'; ms: number }
  | { kind: 'after-commit'; step: number }
  | { kind: 'none'; stop: number }

export interface RunResult {
  acks: Ack[]
  killed: boolean
}

/** The writer's PostgreSQL connections carry its run, so the check can wait for them to be gone. */
const applicationName = (run: number) => `twokeys-crash-run-${run}`

function withApplicationName(url: string, run: number): string {
  const u = new URL(url)
  u.searchParams.set('application_name', applicationName(run))
  return u.toString()
}

/**
 * Waits until the server has no connection of a killed writer left. A COMMIT the writer sent just
 * before the kill may still be finishing on the server; a check that read the tables meanwhile
 * would see half of the moment (the events before the commit, the command index after it).
 */
async function connectionsGone(url: string, run: number): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    for (let waited = 0; waited < 30_000; waited += 50) {
      const { rows } = await client.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1',
        [applicationName(run)],
      )
      if (rows[0]?.n === 0) return
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    throw new Error(`the connections of killed writer run ${run} were still open after 30 s`)
  } finally {
    await client.end()
  }
}

export async function runWriter(launch: WriterLaunch, config: WriterConfig, kill: Kill): Promise<RunResult> {
  const result = await runWriterProcess(
    launch,
    'postgres' in config.location
      ? {
          ...config,
          location: {
            ...config.location,
            postgres: withApplicationName(config.location.postgres, config.run),
          },
        }
      : config,
    kill,
  )
  if ('postgres' in config.location) await connectionsGone(config.location.postgres, config.run)
  return result
}

function runWriterProcess(launch: WriterLaunch, config: WriterConfig, kill: Kill): Promise<RunResult> {
  const child = spawn(process.execPath, [...launch.args, JSON.stringify(config)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const acks: Ack[] = []
  let pending = ''
  let stderr = ''
  const killNow = () => child.kill('SIGKILL')
  if (kill.kind === 'from-spawn') setTimeout(killNow, kill.ms)
  // A writer that outlives its plan (it should have crashed itself) is stopped, and reported.
  const stuck = setTimeout(() => {
    stderr += 'still running after 120 s\n'
    killNow()
  }, 120_000)
  if (kill.kind === 'none') stuck.unref()
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  child.stdout.on('data', (chunk: Buffer) => {
    pending += chunk.toString()
    const lines = pending.split('\n')
    pending = lines.pop() ?? '' // only complete lines are acknowledgements
    for (const line of lines) {
      if (line === 'ready' && kill.kind === 'after-ready') setTimeout(killNow, kill.ms)
      const ack = parseAck(line)
      if (ack !== undefined) acks.push(ack)
    }
  })
  return new Promise((resolvePromise, reject) => {
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearTimeout(stuck)
      if (stderr.includes('still running')) reject(new Error(`writer run ${config.run} never ended`))
      else if (signal === 'SIGKILL') resolvePromise({ acks, killed: true })
      else if (code === 0) resolvePromise({ acks, killed: false })
      else reject(new Error(`writer run ${config.run} exited with ${code ?? signal}:\n${stderr}`))
    })
  })
}

/** Where one database of the soak lives, and how to open and drop it. */
interface Database {
  location: WriterConfig['location']
  open(): Store
  drop(): Promise<void>
}

async function freshDatabase(target: 'sqlite' | 'postgres', pgUrl: string | undefined): Promise<Database> {
  if (target === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'twokeys-crash-'))
    const path = join(dir, 'crash.db')
    return {
      location: { sqlite: path },
      open: () => sqliteStore(path),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    }
  }
  if (pgUrl === undefined) throw new Error('the PostgreSQL crash soak needs a server')
  const { schema, drop } = await freshSchema(pgUrl)
  return {
    location: { postgres: pgUrl, schema },
    open: () => postgresStore(pgUrl, { schema, poolSize: 2 }),
    drop,
  }
}

/** What the writer runs on one database have acknowledged so far. */
export interface Knowledge {
  acks: Map<number, Ack>
  /** The first step not acknowledged: where the next run starts. */
  next: number
  /** Each run's first step. */
  runs: Map<number, number>
}

/** Figures of a soak, and every law it saw broken. */
export interface SoakReport {
  target: 'sqlite' | 'postgres'
  kills: number
  databases: number
  /** Steps acknowledged by the writers (commands, refusals and tick() calls). */
  acknowledged: number
  /** Kills that landed after a step was stored but before it was acknowledged. */
  inFlightStored: number
  /** Deadline TICKs found stored together with the command they were applied before. */
  ticksWithCommand: number
  /** TICKs recorded by tick() calls. */
  ticksFromCalls: number
  problems: string[]
}

/**
 * Checks a store after a kill against what the writers acknowledged. Returns the problems found
 * (none when every law holds) and counts for the report.
 */
export async function checkCrashStore(
  store: Store,
  known: Knowledge,
  options: { complete?: boolean } = {},
): Promise<{ problems: string[]; inFlight: boolean; withCommand: number; fromCalls: number }> {
  const problems: string[] = []
  const report = await verifyStore(store)
  if (!report.ok) {
    // Every section that failed, whatever sections verifyStore has grown.
    const failed = Object.entries(report).flatMap(([section, value]) =>
      section === 'ok'
        ? []
        : section === 'audit'
          ? report.audit.ok
            ? []
            : [`audit: ${report.audit.message}`]
          : ((value as { problems?: string[] }).problems ?? []).map((p) => `${section}: ${p}`),
    )
    problems.push(`verifyStore failed: ${failed.join('; ')}`)
  }
  const stored = new Map<number, RecordedEvent>()
  let withCommand = 0
  let fromCalls = 0
  for (const initiativeId of await store.listInitiatives()) {
    const log = await store.readEvents(initiativeId)
    let lastCommand = -1
    for (let i = 0; i < log.length; i++) {
      const e = log[i] as RecordedEvent
      const where = `${initiativeId} seq ${e.seq} (${e.commandId})`
      const command = COMMAND_ID.exec(e.commandId)
      const tick = TICK_ID.exec(e.commandId)
      if (command !== null) {
        const n = Number(command[1])
        const step = planStep(n)
        const run = e.event.at - step.at
        if (step.kind !== 'command' || initiativeIdOf(step.initiative) !== initiativeId) {
          problems.push(`${where}: step ${n} is not a command of this initiative`)
        } else if (!known.runs.has(run) || (known.runs.get(run) as number) > n) {
          problems.push(`${where}: stored at ${e.event.at}, which no run that sent step ${n} would have used`)
        }
        if (n <= lastCommand) problems.push(`${where}: out of order after cmd-${lastCommand}`)
        if (n > known.next)
          problems.push(`${where}: stored, though step ${known.next} was never acknowledged`)
        if (stored.has(n)) problems.push(`${where}: command ${n} stored twice`)
        lastCommand = n
        stored.set(n, e)
      } else if (tick !== null) {
        const [, source, n, run, k] = tick.map((s, j) => (j === 1 ? s : Number(s))) as [
          string,
          'due' | 'tick',
          number,
          number,
          number,
        ]
        if (e.event.type !== 'TICK') problems.push(`${where}: a ${e.event.type} under a TICK's id`)
        if (!known.runs.has(run)) problems.push(`${where}: from run ${run}, which never ran`)
        if (source === 'tick') {
          if (planStep(n).kind !== 'tick') problems.push(`${where}: step ${n} is not a tick() call`)
          fromCalls++
          continue
        }
        // A deadline applied before command n: the rest of its group, then command n of the same run.
        if (k === 1) withCommand++
        const following = log[i + 1]
        const next = following === undefined ? null : TICK_ID.exec(following.commandId)
        if (next !== null && next[1] === 'due' && Number(next[2]) === n && Number(next[3]) === run) {
          if (Number(next[4]) !== k + 1) problems.push(`${where}: followed by TICK ${next[4]} of its group`)
          continue
        }
        const expectedAt = planStep(n).at + run
        if (following?.commandId !== `cmd-${n}` || following.event.at !== expectedAt) {
          problems.push(
            `${where}: a TICK stored with command ${n} by run ${run}, but it is followed by ${following === undefined ? 'nothing' : `${following.commandId} at ${following.event.at}`}, not cmd-${n} at ${expectedAt}: the deadline and its command were not stored together`,
          )
        }
      } else {
        problems.push(`${where}: a command id the writer never uses`)
      }
    }
  }

  for (const ack of known.acks.values()) {
    if (ack.outcome === 'accepted' || ack.outcome === 'replayed') {
      const event = stored.get(ack.n)
      if (event === undefined) problems.push(`acknowledged step ${ack.n} (cmd-${ack.n}) is not in the log`)
      else if (event.hash !== ack.hash || event.seq !== ack.seq) {
        problems.push(
          `acknowledged step ${ack.n} is stored as seq ${event.seq} ${event.hash}, not as acknowledged`,
        )
      }
    } else if (ack.outcome === 'refused') {
      const step = planStep(ack.n)
      if (!refusedByDesign(step))
        problems.push(`step ${ack.n} was refused (${ack.code}); the plan expects it taken`)
      // The refusal's id keeps its outcome (one id, one outcome) even across kills.
      if (options.complete === true || ack.n >= known.next - 8) {
        const outcome = await store.findCommand(`cmd-${ack.n}`)
        if (outcome?.kind !== 'refused' || outcome.refusal.code !== ack.code) {
          problems.push(
            `refused step ${ack.n} is recorded as ${outcome === undefined ? 'nothing' : outcome.kind}`,
          )
        }
      }
    }
  }
  if (options.complete === true) {
    for (let initiative = 0; firstStepOf(initiative) < known.next; initiative++) {
      const id = initiativeIdOf(initiative)
      const types = (await store.readEvents(id)).map((e) => e.event.type)
      const expected = FINAL_EVENTS[storyOf(initiative)]
      if (types.join() !== expected.join()) {
        problems.push(
          `${id} (${storyOf(initiative)}) holds ${types.join(' ')}; expected ${expected.join(' ')}`,
        )
      }
    }
  }
  return { problems, inFlight: stored.has(known.next), withCommand, fromCalls }
}

export interface SoakOptions {
  target: 'sqlite' | 'postgres'
  kills: number
  seed: number
  /** Kills on one database before the next starts fresh (keeps each check and tick() small). */
  killsPerDatabase: number
  /** The longest a writer runs after it is ready before the kill. */
  maxKillMs: number
  launch: WriterLaunch
  pgUrl?: string
  /** Called after each kill with the running report. */
  onKill?: (report: SoakReport) => void
  /** Stop at the first broken law (the CI test) rather than carry on counting (the soak). */
  stopAtFirstProblem?: boolean
}

/** Kills a writer `kills` times at seeded random moments and checks the store after each. */
export async function crashSoak(options: SoakOptions): Promise<SoakReport> {
  const random = seeded(options.seed)
  const report: SoakReport = {
    target: options.target,
    kills: 0,
    databases: 0,
    acknowledged: 0,
    inFlightStored: 0,
    ticksWithCommand: 0,
    ticksFromCalls: 0,
    problems: [],
  }
  let run = 0
  while (report.kills < options.kills) {
    const db = await freshDatabase(options.target, options.pgUrl)
    report.databases++
    const known: Knowledge = { acks: new Map(), next: 0, runs: new Map() }
    const record = (acks: Ack[], first: number) => {
      acks.forEach((ack, i) => {
        if (ack.n !== first + i) report.problems.push(`run ${run} acknowledged step ${ack.n} out of order`)
        known.acks.set(ack.n, ack)
      })
      known.next = first + acks.length
      report.acknowledged += acks.length
    }
    const check = async (label: string, complete = false) => {
      const store = db.open()
      try {
        const result = await checkCrashStore(store, known, { complete })
        if ('sqlite' in db.location) {
          const raw = new BetterSqlite(db.location.sqlite, { readonly: true })
          const integrity = raw.pragma('integrity_check', { simple: true })
          raw.close()
          if (integrity !== 'ok') result.problems.push(`SQLite integrity_check: ${String(integrity)}`)
        }
        report.problems.push(
          ...result.problems.map((p) => `${options.target} db ${report.databases}, ${label}: ${p}`),
        )
        if (result.inFlight) report.inFlightStored++
        return result
      } finally {
        await store.close()
      }
    }
    try {
      const quota = Math.min(options.killsPerDatabase, options.kills - report.kills)
      for (let i = 0; i < quota; i++) {
        const roll = random()
        const first = known.next
        // Mostly kills while commands flow; some during start-up and migration; some right after a commit.
        const kill: Kill =
          roll < 0.1
            ? { kind: 'from-spawn', ms: Math.floor(random() * 400) }
            : roll < 0.2
              ? { kind: 'after-commit', step: first + Math.floor(random() * 12) }
              : { kind: 'after-ready', ms: Math.floor(random() * options.maxKillMs) }
        const config: WriterConfig = {
          location: db.location,
          run: ++run,
          first,
          ...(kill.kind === 'after-commit' ? { crashAfter: kill.step } : {}),
        }
        known.runs.set(run, first)
        const result = await runWriter(options.launch, config, kill)
        record(result.acks, first)
        if (!result.killed) report.problems.push(`run ${run} was not killed`)
        report.kills++
        await check(`after kill ${report.kills} (run ${run}, ${kill.kind})`)
        options.onKill?.(report)
        if (options.stopAtFirstProblem === true && report.problems.length > 0) return report
      }
      // An undisturbed writer completes the initiative in flight; then every story must be whole.
      const first = known.next
      // (At least one initiative of every story, however little the killed runs got done.)
      const stop = Math.max(endOfInitiative(planStep(first).initiative), firstStepOf(STORIES.length))
      known.runs.set(++run, first)
      const last = await runWriter(
        options.launch,
        { location: db.location, run, first, stop },
        { kind: 'none', stop },
      )
      record(last.acks, first)
      const final = await check('at the end', true)
      report.ticksWithCommand += final.withCommand
      report.ticksFromCalls += final.fromCalls
      if (options.stopAtFirstProblem === true && report.problems.length > 0) return report
    } finally {
      await db.drop()
    }
  }
  return report
}
