import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import fc from 'fast-check'
import { importAudit } from '../../src/audit/importAudit.js'
import { verifyStore } from '../../src/audit/verifyStore.js'
import { postgresStore } from '../../src/stores/postgresStore.js'
import type { Store } from '../../src/stores/Store.js'
import { sqliteStore } from '../../src/stores/sqliteStore.js'
import { BUG_CATALOGUE } from '../../src/verify/bugCatalogue.js'
import { freshSchema, pgUrl } from '../stores/support/postgres.js'
import { mangledLog } from './auditTarget.js'
import { policy } from './commandAttempts.js'
import { documentFrom } from './documentTargets.js'
import type { FuzzTarget } from './FuzzTarget.js'
import { EDGY_IDS, hostileString } from './hostileValues.js'
import { broken, cliLaw, OK, type Verdict } from './laws.js'
import { mutatedText } from './mutateText.js'
import { runCliCaptured } from './runCliCaptured.js'
import { AUDIT_SEED, POLICY_SEEDS, SCENARIO_SEEDS, SCRIPT_SEEDS, TWO_KEYS_TEXT } from './seeds.js'

/** Where a `--db` points: the worker's own stores, fresh ones, and broken ones. */
export const DB_KINDS = [
  'shared',
  'fresh',
  'sqlite-prefix',
  'missing-dir',
  'directory',
  'garbage',
  'truncated',
  'empty',
  'pg',
  'pg-bad-schema',
  'pg-refused',
  'pg-garbage',
] as const
export type DbKind = (typeof DB_KINDS)[number]
export const OUT_KINDS = ['fresh', 'directory', 'missing-dir', 'dev-full'] as const
export type OutKind = (typeof OUT_KINDS)[number]

/** One argument: literal text, or a file, database or output path the case makes at run time. */
export type Arg = string | { file: string } | { db: DbKind } | { out: OutKind }

/** A CLI input: its arguments and the files they name. */
export interface CliCase {
  args: Arg[]
  files: Record<string, string>
}

const validOr = (valid: string, mutated: fc.Arbitrary<string>) =>
  fc.oneof({ weight: 2, arbitrary: fc.constant(valid) }, { weight: 3, arbitrary: mutated })

const TEXTS = {
  'p1.yaml': validOr(TWO_KEYS_TEXT, documentFrom(POLICY_SEEDS)),
  'p2.yaml': validOr(POLICY_SEEDS[1]?.text ?? TWO_KEYS_TEXT, documentFrom(POLICY_SEEDS)),
  'script.yaml': validOr(SCRIPT_SEEDS[0]?.text ?? '', documentFrom(SCRIPT_SEEDS)),
  'scenario.yaml': validOr(SCENARIO_SEEDS[0]?.text ?? '', documentFrom(SCENARIO_SEEDS)),
  'audit.jsonl': validOr(AUDIT_SEED.text, mangledLog),
  'heads.json': validOr(AUDIT_SEED.heads, mutatedText(AUDIT_SEED.heads)),
}
type FileName = keyof typeof TEXTS

/** Arguments a shell could pass: hostile text, flags in the wrong place. */
const hostileArg = fc.oneof(
  hostileString.filter((s) => s.length < 5_000),
  fc.constantFrom(
    '-',
    '--',
    '-h',
    '--help',
    '--version',
    '--json',
    '--db',
    '--no-such-option',
    '-x',
    '=',
    '--json=1',
  ),
)

const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 2 })
const flag = (name: string) => opt(fc.constant(name))
const file = (name: FileName | 'two-keys.yaml' | 'missing.yaml' | '.') => ({ file: name })
const policyRef = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<Arg>(file('two-keys.yaml'), file('p1.yaml'), file('p2.yaml')) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<Arg>(
      file('missing.yaml'),
      file('.'),
      file('audit.jsonl'),
      file('scenario.yaml'),
    ),
  },
  { weight: 1, arbitrary: hostileArg },
)
const db = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom<Arg>(
      { db: 'shared' },
      { db: 'fresh' },
      ...(pgUrl === undefined ? [] : [{ db: 'pg' as const }]),
    ),
  },
  { weight: 3, arbitrary: fc.constantFrom(...DB_KINDS).map((k): Arg => ({ db: k })) },
  { weight: 1, arbitrary: hostileArg },
)
const out = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Arg>({ out: 'fresh' }) },
  { weight: 2, arbitrary: fc.constantFrom(...OUT_KINDS).map((k): Arg => ({ out: k })) },
)
/** Small counts (a fuzzer should not ask for a week of simulation), or ones that must be refused. */
const count = (...valid: string[]) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...valid) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('0', '-1', '1.5', 'NaN', 'abc', '', '1e1', '0x2', ' 2', '2 ', 'Infinity'),
    },
  )
const initiativeArg = fc.oneof(
  fc.constantFrom(...new Set(AUDIT_SEED.records.map((r) => r.initiativeId)), 'kazan-datacentre'),
  fc.constantFrom(...EDGY_IDS),
  hostileArg,
)
const vary = fc.oneof(
  fc.constantFrom(
    'arrivals.ratePerDay=0.1..0.3:0.1',
    'sponsor.withdrawAfterRefusal=0,0.5,1',
    'horizonDays=30,60',
    'arrivals.ratePerDay=0.2',
    'x=1..3:1',
    '=',
    'a.b=',
    '__proto__.polluted=1,2',
    'constructor.prototype.polluted=1',
    'mix.0.weight=1..0:1',
    'mix.0.weight=1..2:0',
    'mix.0.weight=1..2:-1',
    'arrivals.ratePerDay=a..b:c',
    'arrivals.ratePerDay=NaN,Infinity',
  ),
  hostileArg,
)
const simulation = [
  fc.constantFrom<Arg[]>(
    ['--scenario', { file: 'scenario.yaml' }],
    ['--scenario', { file: 'missing.yaml' }],
    [],
  ),
  fc
    .constantFrom<Arg[]>(['--replications', '2'], [])
    .chain((r) =>
      r.length === 0 ? fc.constant(r) : count('2', '3').map((n): Arg[] => ['--replications', n]),
    ),
  count('1', '1', '2').map((n): Arg[] => ['--workers', n]),
  opt(fc.oneof(count('1', '7'), fc.constantFrom('99999999999999999999', '-0'))).map((s): Arg[] =>
    s === undefined ? [] : ['--seed', s],
  ),
  fc.constantFrom<Arg[]>([], ['--json'], ['--csv'], ['--json', '--csv']),
] as const

/** The arguments of each subcommand, more or less as documented. */
const SUBCOMMANDS: Record<string, fc.Arbitrary<unknown[]>> = {
  validate: fc.tuple(
    fc.constant('validate'),
    fc.array(policyRef, { minLength: 0, maxLength: 3 }),
    flag('--json'),
  ),
  diagram: fc.tuple(
    fc.constant('diagram'),
    policyRef,
    opt(fc.tuple(fc.constant('--format'), fc.oneof(fc.constantFrom('mermaid', 'dot'), hostileArg))),
    opt(fc.tuple(fc.constant('--out'), out)),
    flag('--json'),
  ),
  run: fc.tuple(
    fc.constant('run'),
    fc.oneof({ weight: 5, arbitrary: fc.constant<Arg>(file('script.yaml')) }, policyRef),
    opt(fc.tuple(fc.constant('--policy'), policyRef)),
    flag('--narrate'),
    flag('--json'),
    opt(fc.tuple(fc.constant('--db'), db)),
  ),
  history: fc.tuple(
    fc.constant('history'),
    initiativeArg,
    fc.tuple(fc.constant('--db'), db),
    flag('--json'),
    opt(fc.tuple(fc.constant('--format'), fc.oneof(fc.constantFrom('table', 'json', 'mermaid'), hostileArg))),
    opt(fc.tuple(fc.constant('--kind'), fc.oneof(fc.constantFrom('sequence', 'gantt'), hostileArg))),
  ),
  'audit verify': fc.tuple(
    fc.constant(['audit', 'verify']),
    opt(fc.oneof(fc.constant<Arg>(file('audit.jsonl')), policyRef)),
    opt(fc.tuple(fc.constant('--db'), db)),
    opt(
      fc.tuple(
        fc.constant('--heads'),
        fc.constantFrom<Arg>(file('heads.json'), file('audit.jsonl'), file('missing.yaml')),
      ),
    ),
    flag('--exact'),
    flag('--json'),
  ),
  'audit export': fc.tuple(
    fc.constant(['audit', 'export']),
    fc.tuple(fc.constant('--db'), db),
    opt(fc.tuple(fc.constant('--out'), out)),
  ),
  'audit import': fc.tuple(
    fc.constant(['audit', 'import']),
    fc.oneof({ weight: 5, arbitrary: fc.constant<Arg>(file('audit.jsonl')) }, policyRef),
    fc.tuple(fc.constant('--db'), db),
    opt(fc.tuple(fc.constant('--policy'), fc.array(policyRef, { minLength: 1, maxLength: 2 }))),
  ),
  verify: fc.tuple(
    fc.constant('verify'),
    opt(policyRef),
    opt(
      fc.tuple(
        fc.constant('--bug'),
        fc.oneof(fc.constantFrom(...BUG_CATALOGUE.map((b) => b.name), 'list'), hostileArg),
      ),
    ),
    fc.oneof(
      { weight: 5, arbitrary: count('50', '500', '3000').map((n): Arg[] => ['--max-states', n]) },
      { weight: 1, arbitrary: fc.constant<Arg[]>([]) },
    ),
    flag('--json'),
  ),
  simulate: fc.tuple(
    fc.constant('simulate'),
    policyRef,
    ...simulation,
    opt(fc.tuple(fc.constant('--report'), out)),
  ),
  compare: fc.tuple(fc.constant('compare'), policyRef, policyRef, ...simulation),
  // The policy analyses, always with a small search (a fuzzer should not wait a minute per input).
  diff: fc.tuple(
    fc.constant('diff'),
    policyRef,
    policyRef,
    count('50', '500').map((n): Arg[] => ['--max-states', n]),
    opt(fc.tuple(fc.constant('--stories'), count('1', '3'))),
    flag('--json'),
  ),
  power: fc.tuple(
    fc.constant('power'),
    opt(policyRef),
    opt(
      fc.tuple(
        fc.constant('--bug'),
        fc.oneof(fc.constantFrom(...BUG_CATALOGUE.map((b) => b.name)), hostileArg),
      ),
    ),
    count('50', '300').map((n): Arg[] => ['--max-states', n]),
    fc.constant(['--max-coalitions', '40']),
    opt(fc.tuple(fc.constant('--kind'), fc.oneof(fc.constantFrom('federal', 'export'), hostileArg))),
    opt(fc.tuple(fc.constant('--format'), fc.oneof(fc.constantFrom('table', 'json', 'mermaid'), hostileArg))),
  ),
  analyze: fc.tuple(
    fc.constant('analyze'),
    opt(policyRef),
    fc.constantFrom<Arg[]>(
      ['--scenario', { file: 'scenario.yaml' }],
      ['--scenario', { file: 'missing.yaml' }],
      [],
    ),
    flag('--assume-exponential'),
    count('500', '3000').map((n): Arg[] => ['--max-states', n]),
    opt(
      fc.tuple(fc.constant('--at'), fc.oneof(fc.constantFrom('7,14', '0', '-1', '1e400', 'a,b'), hostileArg)),
    ),
    flag('--json'),
  ),
  query: fc.tuple(
    fc.constant('query'),
    policyRef,
    fc.oneof(
      fc.constantFrom(
        'approved = yes and deputies = 2',
        'keys_turned = 2',
        'phase = plenary and days <= 30',
        'days > 3',
        'key.nope = turned',
        '(((',
        'revision >= 1e400',
      ),
      hostileArg,
    ),
    count('50', '500').map((n): Arg[] => ['--max-states', n]),
    flag('--json'),
  ),
  replay: fc.tuple(
    fc.constant('replay'),
    fc.tuple(fc.constant('--db'), db),
    fc.tuple(fc.constant('--policy'), policyRef),
    flag('--migrate'),
    opt(
      fc.tuple(
        fc.constant('--at'),
        fc.oneof(fc.constantFrom('2030-01-01T00:00:00Z', '0', 'yesterday'), hostileArg),
      ),
    ),
    flag('--json'),
  ),
  sweep: fc.tuple(fc.constant('sweep'), policyRef, opt(fc.tuple(fc.constant('--vary'), vary)), ...simulation),
}
export const CLI_COMMANDS = Object.keys(SUBCOMMANDS)

/** A final touch on the argument list: an argument dropped, doubled, or a hostile one slipped in. */
const argEdit = fc.oneof(
  { weight: 8, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.tuple(fc.constant('drop'), fc.nat()) },
  { weight: 1, arbitrary: fc.tuple(fc.constant('double'), fc.nat()) },
  { weight: 1, arbitrary: fc.tuple(fc.constant('insert'), fc.nat(), hostileArg) },
)

const flat = (parts: unknown[]): Arg[] =>
  parts.flatMap((p) => (p === undefined ? [] : Array.isArray(p) ? flat(p) : [p as Arg]))

export const cliCase: fc.Arbitrary<CliCase> = fc
  .constantFrom(...CLI_COMMANDS)
  .chain((name) => SUBCOMMANDS[name] as fc.Arbitrary<unknown[]>)
  .chain((parts) => {
    const args = flat(parts)
    const names = [
      ...new Set(
        args.flatMap((a) =>
          typeof a === 'object' && 'file' in a && a.file in TEXTS ? [a.file as FileName] : [],
        ),
      ),
    ]
    return fc.tuple(
      fc.constant(args),
      fc
        .tuple(...names.map((n) => TEXTS[n]))
        .map((texts) => Object.fromEntries(names.map((n, i) => [n, texts[i] as string]))),
      argEdit,
    )
  })
  .map(([args, files, edit]) => {
    const edited = [...args]
    if (edit !== undefined && edited.length > 1) {
      const i = 1 + ((edit[1] as number) % (edited.length - 1))
      if (edit[0] === 'drop') edited.splice(i, 1)
      else if (edit[0] === 'double') edited.splice(i, 0, edited[i] as Arg)
      else edited.splice(i, 0, edit[2] as string)
    }
    return { args: edited, files }
  })

interface CliState {
  /** The folder the fuzzer runs from, restored after every case. */
  home: string
  dir: string
  shared: string
  pgSchema?: { schema: string; drop: () => Promise<void> }
  n: number
  /** Every this many inputs, also run the case as a real process (0: never). */
  spawnEvery: number
  spawned: number
}

/**
 * A made-up argument that names an absolute path (`/x`, `sqlite:/x`) is made relative, so that the
 * fuzzer, which may run as root, never writes outside the case's folder. The case's own paths
 * (in the temporary folder, /dev/full, /nonexistent-twokeys) are kept.
 */
/**
 * Where the cases are made: inside the project, so that a simulation's worker threads (which load
 * tsx from the sources' node_modules) start from a case's folder as they do from the project.
 */
const CASES = resolve('test-output/fuzz-cases')

function confined(arg: string): string {
  const path = arg.replace(/^sqlite:/i, '')
  if (!path.startsWith('/')) return arg
  if (path.startsWith(CASES) || path === '/dev/full' || path.startsWith('/nonexistent-twokeys/')) return arg
  return arg.replace('/', './')
}

/** The files a `--db` of each kind needs, beside the case's own. */
function dbFiles(kind: DbKind, shared: string): Record<string, string | Buffer> {
  if (kind === 'garbage') return { 'garbage.db': 'SQLite format 3\u0000 but not really; '.repeat(200) }
  if (kind === 'empty') return { 'empty.db': '' }
  if (kind === 'truncated') {
    const bytes = existsSync(shared) ? readFileSync(shared) : Buffer.alloc(0)
    return { 'truncated.db': bytes.subarray(0, Math.floor(bytes.length / 2)) }
  }
  return {}
}

/** The command line of a case whose files are in `dir`. */
export function argvOf(c: CliCase, dir: string, shared: string, pgSchema: string | undefined): string[] {
  const pg = pgUrl ?? 'postgres://127.0.0.1:5432/test'
  const sep = pg.includes('?') ? '&' : '?'
  return c.args.map((a): string => {
    if (typeof a === 'string') return a
    if ('file' in a) return join(dir, a.file)
    if ('out' in a) {
      return {
        fresh: join(dir, 'out.txt'),
        directory: dir,
        'missing-dir': '/nonexistent-twokeys/out.txt',
        'dev-full': '/dev/full',
      }[a.out]
    }
    switch (a.db) {
      case 'shared':
        return shared
      case 'fresh':
        return join(dir, 'fresh.db')
      case 'sqlite-prefix':
        return `sqlite:${join(dir, 'prefixed.db')}`
      case 'missing-dir':
        return '/nonexistent-twokeys/x.db'
      case 'directory':
        return dir
      case 'garbage':
      case 'truncated':
      case 'empty':
        return join(dir, `${a.db}.db`)
      case 'pg':
        return `${pg}${sep}schema=${pgSchema ?? 'fz_missing'}`
      case 'pg-bad-schema':
        return `${pg}${sep}schema=Bad"Schema;DROP`
      case 'pg-refused':
        return 'postgres://postgres@127.0.0.1:1/test'
      default:
        return 'postgres://%zz@/'
    }
  })
}

/** Every file a case needs: its texts, the policy its scripts name, and broken databases. */
function caseFiles(c: CliCase, shared: string): Record<string, string | Buffer> {
  const files: Record<string, string | Buffer> = { 'two-keys.yaml': TWO_KEYS_TEXT, ...c.files }
  for (const a of c.args) if (typeof a === 'object' && 'db' in a) Object.assign(files, dbFiles(a.db, shared))
  return files
}

/** Writes a case's files into `dir` and returns its command line. */
export function materialize(c: CliCase, dir: string, state: Pick<CliState, 'shared' | 'pgSchema'>): string[] {
  mkdirSync(dir, { recursive: true })
  for (const [name, content] of Object.entries(caseFiles(c, state.shared)))
    writeFileSync(join(dir, name), content)
  return argvOf(c, dir, state.shared, state.pgSchema?.schema)
}

/** The seed log is still in a store the CLI wrote to, and the store verifies. */
async function seedKept(store: Store, where: string): Promise<Verdict> {
  const report = await verifyStore(store)
  if (!report.ok)
    return broken(
      'stored data verifies',
      `the CLI's ${where} store fails verifyStore`,
      JSON.stringify(report.audit),
    )
  for (const r of AUDIT_SEED.records) {
    const stored = (await store.readEvents(r.initiativeId)).find((e) => e.seq === r.seq)
    if (stored?.hash !== r.hash)
      return broken(
        'acknowledged events kept',
        `an event of the seed log is gone from the CLI's ${where} store`,
      )
  }
  return OK
}

/** A seed database for reproducers (the truncated kind is cut from it). */
const SEED_DB = join(tmpdir(), 'twokeys-fuzz-seed.db')

const openPg = (schema: string) => postgresStore(pgUrl as string, { schema, poolSize: 1 })

export function cliTarget(spawnEvery = 0): FuzzTarget<CliCase, CliState> {
  return {
    name: 'cli',
    weight: 23,
    arbitrary: cliCase,
    timeLimitMs: 30_000,
    async setup() {
      mkdirSync(CASES, { recursive: true })
      const dir = mkdtempSync(join(CASES, 'cli-'))
      const shared = join(dir, 'shared.db')
      const store = sqliteStore(shared)
      await importAudit(store, AUDIT_SEED.text, { policies: [policy] })
      await store.close()
      const state: CliState = { home: process.cwd(), dir, shared, n: 0, spawnEvery, spawned: 0 }
      if (pgUrl !== undefined) {
        state.pgSchema = await freshSchema(pgUrl)
        const pg = openPg(state.pgSchema.schema)
        await importAudit(pg, AUDIT_SEED.text, { policies: [policy] })
        await pg.close()
      }
      return state
    },
    async run(c, state) {
      const dir = join(state.dir, `case-${state.n++}`)
      try {
        const argv = materialize(c, dir, state).map(confined)
        // Relative paths in hostile arguments (a --db or --out the fuzzer made up) land in the case's folder.
        process.chdir(dir)
        const verdict = cliLaw(await runCliCaptured(argv))
        if (!verdict.ok) return verdict
        if (
          state.spawnEvery > 0 &&
          state.n % state.spawnEvery === 0 &&
          !argv.some((a) => a.includes('\u0000'))
        ) {
          state.spawned++
          return spawned(argv, dir, state.home)
        }
        return OK
      } finally {
        process.chdir(state.home)
        rmSync(dir, { recursive: true, force: true })
      }
    },
    async finish(state) {
      const verdicts = [await seedKept(sqliteStore(state.shared, { mustExist: true }), 'shared SQLite')]
      if (state.pgSchema !== undefined) {
        const pg = openPg(state.pgSchema.schema)
        verdicts.push(await seedKept(pg, 'PostgreSQL'))
        await pg.close()
      }
      return verdicts.filter((v) => !v.ok)
    },
    async teardown(state) {
      rmSync(state.dir, { recursive: true, force: true })
      await state.pgSchema?.drop()
    },
    notes: (state) => ({ 'spawned as a process': state.spawned }),
    reproducer(c) {
      const files: Record<string, string> = {}
      for (const [name, content] of Object.entries(caseFiles(c, SEED_DB))) {
        if (typeof content === 'string') files[name] = content
      }
      const argv = argvOf(c, '.', 'shared.db', 'fz_repro')
      const quote = (a: string) => `'${a.replace(/'/g, `'\\''`)}'`
      return {
        files,
        command: `twokeys ${argv.map(quote).join(' ')}   # shared.db: a SQLite store holding the seed audit log`,
      }
    },
  }
}

/** The same arguments as a real process: the same law, and no signal. */
function spawned(argv: string[], cwd: string, home: string): Verdict {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(home, 'tests/fuzz/cliEntry.ts'), ...argv],
    {
      cwd,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, NO_COLOR: '1' },
      maxBuffer: 64 << 20,
    },
  )
  if (result.error !== undefined) return broken('spawned CLI', `could not run: ${result.error.message}`)
  if (result.signal !== null) return broken('spawned CLI', `ended by ${result.signal}`, result.stderr)
  return cliLaw({ code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr })
}
