import { execFile, spawnSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// The package as a user gets it: `npm pack` once, the tarball installed into an empty project
// (without better-sqlite3 or pg, the optional peers), and the CLI and the library run from there.

const root = resolve(import.meta.dirname, '..', '..')
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }
const npmAvailable = spawnSync('npm', ['--version'], { encoding: 'utf8' }).status === 0

// The child npm must not inherit the settings of an `npm test` that started vitest.
const env = {
  ...Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) && key !== 'INIT_CWD'),
  ),
  npm_config_yes: 'false',
}

interface Ran {
  code: number
  stdout: string
  stderr: string
}

function run(command: string, args: string[], cwd: string): Promise<Ran> {
  return new Promise((done) => {
    execFile(
      command,
      args,
      { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1
        done({ code, stdout, stderr })
      },
    )
  })
}

async function ok(command: string, args: string[], cwd: string): Promise<string> {
  const ran = await run(command, args, cwd)
  if (ran.code !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${ran.code}\n${ran.stdout}\n${ran.stderr}`)
  }
  return ran.stdout
}

/** The newest modification time of any file under a folder. */
function newest(dir: string): number {
  let latest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs)
  }
  return latest
}

/**
 * dist/ as the package ships it: `npm ci` builds it (prepare); rebuilt here only when older than
 * src/. Type errors are `npm run typecheck`'s to report: tsc still writes the JavaScript.
 */
async function ensureBuilt(): Promise<void> {
  const main = join(root, 'dist', 'src', 'cli', 'main.js')
  const sources = () => Math.max(newest(join(root, 'src')), newest(join(root, 'machines')))
  if (existsSync(main) && statSync(main).mtimeMs >= sources()) return
  const built = await run(
    process.execPath,
    [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
    root,
  )
  if (!existsSync(main) || statSync(main).mtimeMs < sources()) {
    throw new Error(`could not build dist/ for the package:\n${built.stdout}${built.stderr}`)
  }
}

describe.skipIf(!npmAvailable)(
  `the installed package${npmAvailable ? '' : ' (skipped: npm is not on PATH)'}`,
  () => {
    let work: string
    let project: string
    // As a user types it; npm_config_yes=false (set above) stops npx fetching another "twokeys".
    const npx = (...args: string[]) => run('npx', ['twokeys', ...args], project)

    beforeAll(async () => {
      await ensureBuilt()
      work = mkdtempSync(join(tmpdir(), 'twokeys-package-'))
      const packed = await ok('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], root)
      const [{ filename }] = JSON.parse(packed) as [{ filename: string }]
      project = join(work, 'project')
      mkdirSync(project)
      writeFileSync(
        join(project, 'package.json'),
        `${JSON.stringify({ name: 'uses-twokeys', version: '1.0.0', private: true }, null, 2)}\n`,
      )
      await ok(
        'npm',
        [
          'install',
          join(work, filename),
          '--prefer-offline',
          '--no-audit',
          '--no-fund',
          '--loglevel',
          'error',
        ],
        project,
      )
    }, 240_000)

    afterAll(() => {
      if (work !== undefined) rmSync(work, { recursive: true, force: true })
    })

    it('installs without the optional peers better-sqlite3 and pg', () => {
      expect(existsSync(join(project, 'node_modules', 'twokeys', 'package.json'))).toBe(true)
      expect(existsSync(join(project, 'node_modules', 'better-sqlite3'))).toBe(false)
      expect(existsSync(join(project, 'node_modules', 'pg'))).toBe(false)
      expect(existsSync(join(project, 'node_modules', 'twokeys', 'LICENSE'))).toBe(true)
    })

    it('twokeys --version and -V print the package version', async () => {
      const long = await npx('--version')
      expect(long).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' })
      expect((await npx('-V')).stdout).toBe(`${version}\n`)
    })

    it('twokeys walkthrough runs the shipped story on the memory store', async () => {
      const ran = await npx('walkthrough')
      expect(ran.stderr).toBe('')
      expect(ran.code).toBe(0)
      expect(ran.stdout).toContain('kazan-datacentre')
    })

    it('validates a shipped policy by its package path, from any folder', async () => {
      const ran = await npx('validate', 'twokeys/policies/two-keys.yaml')
      expect(ran.code).toBe(0)
      expect(ran.stdout).toContain('policy "two-keys"')
      const missing = await npx('validate', 'twokeys/policies/no-such.yaml')
      expect(missing.code).toBe(2)
      expect(missing.stderr).toContain('twokeys/policies/no-such.yaml')
      const verified = await npx('verify', 'twokeys/policies/single-key.yaml', '--json')
      expect(verified.code).toBe(0)
      expect(JSON.parse(verified.stdout)).toMatchObject({ policy: 'single-key', ok: true })
    })

    it('runs the policy analyses on shipped policies named bare, and the exact analysis on its shipped scenario', async () => {
      const diff = await npx('diff', 'two-keys.yaml', 'single-key.yaml')
      expect(diff.code).toBe(1)
      expect(diff.stdout).toContain('"two-keys" and "single-key" differ')
      const exact = await npx(
        'analyze',
        'two-keys.yaml',
        '--scenario',
        'node_modules/twokeys/examples/scenarios/exact.yaml',
      )
      expect(exact.code).toBe(0)
      expect(exact.stdout).toContain('86.08%')
    })

    it('imports as a library, with the shipped files resolvable through exports', async () => {
      const library = await ok(
        'node',
        [
          '--input-type=module',
          '-e',
          [
            "const m = await import('twokeys')",
            "const sqlite = await import('twokeys/stores/sqlite')",
            "const pg = await import('twokeys/stores/postgres')",
            "const serve = await import('twokeys/serve')",
            "const classroom = await import('twokeys/classroom')",
            'console.log(typeof m.createEngine, typeof m.memoryStore, typeof sqlite.sqliteStore, typeof pg.postgresStore, typeof serve.createServer, typeof classroom.createClassroomServer)',
            "console.log(import.meta.resolve('twokeys/schema/policy.schema.json'))",
            "console.log(import.meta.resolve('twokeys/examples/seed-walkthrough.yaml'))",
          ].join('\n'),
        ],
        project,
      )
      const [types, schema, script] = library.trim().split('\n')
      expect(types).toBe('function function function function function function')
      expect(schema).toMatch(/node_modules\/twokeys\/schema\/policy\.schema\.json$/)
      expect(script).toMatch(/node_modules\/twokeys\/examples\/seed-walkthrough\.yaml$/)
      const required = await ok(
        'node',
        ['-p', "require('fs').existsSync(require.resolve('twokeys/policies/two-keys.yaml'))"],
        project,
      )
      expect(required.trim()).toBe('true')
    })

    it('resolves the library, the stores, serve and classroom through require.resolve too', async () => {
      const specifiers = [
        'twokeys',
        'twokeys/stores/sqlite',
        'twokeys/stores/postgres',
        'twokeys/serve',
        'twokeys/classroom',
      ]
      const resolved = await ok(
        'node',
        ['-e', `for (const s of ${JSON.stringify(specifiers)}) console.log(require.resolve(s))`],
        project,
      )
      expect(resolved.trim().split('\n')).toEqual([
        join(project, 'node_modules', 'twokeys', 'dist', 'src', 'index.js'),
        join(project, 'node_modules', 'twokeys', 'dist', 'src', 'stores', 'sqliteStore.js'),
        join(project, 'node_modules', 'twokeys', 'dist', 'src', 'stores', 'postgresStore.js'),
        join(project, 'node_modules', 'twokeys', 'dist', 'src', 'serve', 'index.js'),
        join(project, 'node_modules', 'twokeys', 'dist', 'src', 'classroom', 'index.js'),
      ])
    })

    it('runs a script whose policy: names a shipped policy, bare or by package path', async () => {
      const steps =
        'start: 2026-03-02T09:00:00Z\nsteps:\n  - propose: { as: x, by: minzifry, title: T, objective: infrastructure, scope: { kind: federal } }\n'
      writeFileSync(join(project, 'bare.yaml'), `policy: two-keys.yaml\n${steps}`)
      writeFileSync(join(project, 'packaged.yaml'), `policy: twokeys/policies/single-key.yaml\n${steps}`)
      writeFileSync(join(project, 'missing.yaml'), `policy: twokeys/policies/no-such.yaml\n${steps}`)
      const bare = await npx('run', 'bare.yaml', '--json')
      expect(bare.stderr).toBe('')
      expect(JSON.parse(bare.stdout)).toMatchObject({ policyId: 'two-keys', surprises: 0 })
      const packaged = await npx('run', 'packaged.yaml', '--json')
      expect(JSON.parse(packaged.stdout)).toMatchObject({ policyId: 'single-key', surprises: 0 })
      const missing = await npx('run', 'missing.yaml')
      expect(missing.code).toBe(2)
      expect(missing.stderr).toContain('it ships twokeys/policies/<file>')
    })

    it('names the package to install when a store needs a missing peer', async () => {
      const sqlite = await npx('run', 'twokeys/examples/seed-walkthrough.yaml', '--db', 'x.db')
      expect(sqlite.code).toBe(2)
      expect(sqlite.stderr).toContain('install better-sqlite3 (npm install better-sqlite3@12)')
      expect(sqlite.stderr).not.toContain('internal error')
      expect(existsSync(join(project, 'x.db'))).toBe(false)
      const postgres = await npx('audit', 'verify', '--db', 'postgres://nobody@127.0.0.1:1/none')
      expect(postgres.code).toBe(2)
      expect(postgres.stderr).toContain('install pg (npm install pg)')
    })

    it('opens a SQLite store once better-sqlite3 is installed next to it', async () => {
      // The project's own better-sqlite3 (already built for this Node), linked in as if installed:
      // a registry install would compile it from source where no prebuilt binary can be fetched.
      symlinkSync(
        join(root, 'node_modules', 'better-sqlite3'),
        join(project, 'node_modules', 'better-sqlite3'),
        'dir',
      )
      const ran = await npx('run', 'twokeys/examples/seed-walkthrough.yaml', '--db', 'x.db', '--json')
      expect(ran.stderr).toBe('')
      expect(ran.code).toBe(0)
      expect(existsSync(join(project, 'x.db'))).toBe(true)
      const history = await npx('history', 'kazan-datacentre', '--db', 'x.db')
      expect(history.code).toBe(0)
    })
  },
)
