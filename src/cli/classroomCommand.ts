import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { extname, join } from 'node:path'
import { type Command, InvalidArgumentError } from 'commander'
import pc from 'picocolors'
import QRCode from 'qrcode'
import { createClassroomServer, sessionUrls, sqliteSessionRecord } from '../classroom/index.js'
import { TwoKeysError } from '../index.js'
import { CLASSROOM_COMMAND_WORDS } from './classroomCommandWords.js'
import { inCliLanguage } from './cliLanguage.js'
import { loadCliPolicy } from './packagePath.js'
import { packageRoot } from './packageRoot.js'
import { playgroundUrls } from './playgroundCommand.js'
import { SERVING_WORDS } from './servingWords.js'

export const CLASSROOM_PORT = 4322

interface ClassroomOptions {
  policy?: string
  db?: string
  host: string
  port: number
}

function parsePort(value: string): number {
  const port = Number(value)
  if (!/^\d+$/.test(value) || port > 65_535)
    throw new InvalidArgumentError(
      `"${value}" is not a port; use a number from 1 to 65535, or 0 for any free port`,
    )
  return port
}

/** The SQLite file of the n-th session: the one named for the first, `name-2.db`, `name-3.db` … beside it for later ones. */
export function sessionDbFile(db: string, n: number): string {
  if (n === 1) return db
  const ext = extname(db)
  return `${db.slice(0, db.length - ext.length)}-${n}${ext}`
}

/** `twokeys classroom`: serve the classroom page and API, open a session, print how to join it. */
export function registerClassroom(program: Command): void {
  program
    .command('classroom')
    .description(
      'run a live classroom session: students join from their phones with a code, take roles, sign their actions in the browser; the teacher moves the session clock, injects events and ends with a debrief',
    )
    .option(
      '--policy <file>',
      'the lesson policy (run with identity: signed)',
      'twokeys/policies/two-keys.yaml',
    )
    .option(
      '--db <file>',
      'SQLite file of the first session (later ones go beside it); a fresh file in a temp folder by default',
    )
    .option('-p, --port <port>', 'port to listen on (0 for any free port)', parsePort, CLASSROOM_PORT)
    .option('--host <host>', 'address to listen on (0.0.0.0 for the class network)', '127.0.0.1')
    .addHelpText(
      'after',
      '\nExamples:\n  twokeys classroom\n  twokeys classroom --host 0.0.0.0 --db lesson.db\n\nExit codes: 0 stopped with Ctrl-C, 2 bad input (policy, page not built, port in use, a session file another classroom server is using).',
    )
    .action(async (options: ClassroomOptions) => {
      const policy = loadCliPolicy(options.policy ?? 'twokeys/policies/two-keys.yaml')
      const root = join(packageRoot(), 'web', 'dist')
      const words = inCliLanguage(SERVING_WORDS)
      if (!existsSync(join(root, 'classroom.html')))
        throw new TwoKeysError(
          'NOT_FOUND',
          words.notBuilt('classroom', join(root, 'classroom.html'), packageRoot()),
        )
      const db = options.db ?? join(mkdtempSync(join(tmpdir(), 'twokeys-classroom-')), 'classroom.db')
      const { sqliteStore } = await import('../stores/sqliteStore.js')
      let origin: string | undefined
      const said = inCliLanguage(CLASSROOM_COMMAND_WORDS)
      const tookOver: { file: string; pid: number; host: string }[] = []
      const server = await createClassroomServer({
        policy,
        root,
        storeFor: (n) => sqliteStore(sessionDbFile(db, n)),
        recordFor: (n) => {
          const file = sessionDbFile(db, n)
          const record = sqliteSessionRecord(file)
          // A file a live server holds is refused (exit 2); one a gone server held is taken over, and said so.
          const claim = () => {
            const gone = record.claim?.() ?? null
            if (gone !== null) tookOver.push({ file, pid: gone.pid, host: gone.host })
            return gone
          }
          return { ...record, claim }
        },
        origin: () => origin,
      })
      // A --db file kept from before (and the files beside it) resume their sessions; else a new one opens.
      const resumed = []
      for (let n = 1; existsSync(sessionDbFile(db, n)); n++) {
        const session = await server.resume(n).catch(async (error: unknown) => {
          await server.app.close()
          throw error
        })
        if (session === null) break
        resumed.push(session)
      }
      try {
        await server.app.listen({ host: options.host, port: options.port })
      } catch (cause) {
        const code = (cause as NodeJS.ErrnoException).code
        throw new TwoKeysError(
          'NOT_FOUND',
          code === 'EADDRINUSE'
            ? words.portInUse(options.port, options.host)
            : words.cannotListen(`${options.host}:${options.port}`, code ?? String(cause)),
          { cause },
        )
      }
      const address = server.app.server.address()
      const port = typeof address === 'object' && address !== null ? address.port : options.port
      const urls = playgroundUrls(options.host, port)
      origin = urls[0]
      const session = resumed[0] ?? (await server.open())
      const { teacherUrl, joinUrl } = sessionUrls(origin as string, session)
      const qr = await QRCode.toString(joinUrl, { type: 'terminal', small: true })
      const out = (line = '') => process.stdout.write(`${line}\n`)
      out(words.servingOn('classroom', urls))
      out(words.sessionLine(policy.id, db))
      for (const [i, s] of resumed.entries()) {
        const clock = new Date(s.clock()).toISOString().slice(0, 16).replace('T', ' ')
        out(said.resumed(sessionDbFile(db, i + 1), s.students.length, clock, s.ended))
      }
      for (const gone of tookOver) out(said.tookOver(gone.file, gone.pid, gone.host))
      out()
      out(`${pc.bold(words.teacher)}${words.teacherNote}`)
      out(`  ${teacherUrl}`)
      out(`${pc.bold(said.operator)}${said.operatorNote}`)
      out(`  ${server.operatorToken}`)
      out()
      out(`${pc.bold(words.students)}: ${words.joinCodeAt(pc.bold(session.joinCode))}`)
      for (const url of urls) out(`  ${url}/classroom.html?join=${session.joinCode}`)
      if (origin?.startsWith('http://127.0.0.1:')) out(pc.yellow(words.onlyThisMachine))
      out()
      out(qr)
      out(pc.dim(words.pressCtrlC))
      await new Promise<void>((done) => {
        const stop = () => {
          process.off('SIGINT', stop)
          process.off('SIGTERM', stop)
          void server.app.close().then(() => {
            out(words.stopped)
            done()
          })
        }
        process.on('SIGINT', stop)
        process.on('SIGTERM', stop)
      })
    })
}
