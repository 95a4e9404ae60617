import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createClassroomServer } from '../../src/classroom/createClassroomServer.js'
import {
  OWNER_HEARTBEAT_MS,
  OWNER_STALE_MS,
  ownerIsLive,
  sqliteSessionRecord,
} from '../../src/classroom/sqliteSessionRecord.js'
import { newKeyPair } from '../../src/identity/PrivateKeyFile.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { sqliteStore } from '../../src/stores/sqliteStore.js'
import { twokeys } from '../support/runCli.js'
import { type CliProcess, spawnCli, waitForOutput } from '../support/spawnCli.js'

// One classroom server per session file: a second server on a file a live one holds is refused
// (naming the file and the server), and the file is taken over once that server is gone.

const policy = loadPolicyFile('machines/policies/two-keys.yaml')
const START = Date.parse('2026-09-01T09:00:00Z')

type Server = Awaited<ReturnType<typeof createClassroomServer>>
const running: Server[] = []
const children: CliProcess[] = []
afterEach(async () => {
  for (const server of running.splice(0)) await server.app.close()
  for (const cli of children.splice(0))
    if (cli.child.exitCode === null && cli.child.signalCode === null) {
      cli.child.kill('SIGKILL')
      await cli.exited
    }
})

const fileOf = (file: string) => (n: number) => (n === 1 ? file : `${file}-${n}`)

async function serverOn(file: string) {
  const server = await createClassroomServer({
    policy,
    storeFor: (n) => sqliteStore(fileOf(file)(n)),
    recordFor: (n) => sqliteSessionRecord(fileOf(file)(n)),
    start: () => START,
  })
  running.push(server)
  return server
}

const newFile = (name: string) => join(mkdtempSync(join(tmpdir(), `twokeys-classroom-${name}-`)), 'lesson.db')

/** The owner row of a session file and how many notices it keeps, read without writing. */
function peek(file: string) {
  const db = new Database(file, { readonly: true })
  try {
    return {
      owner: db.prepare('SELECT * FROM classroom_owner').all() as { pid: number; host: string }[],
      notices: (db.prepare('SELECT count(*) FROM classroom_notices').pluck().get() as number) ?? 0,
    }
  } finally {
    db.close()
  }
}

const seatIn = (server: Server, joinCode: string, role: string) =>
  server.app.inject({
    method: 'POST',
    url: '/api/join',
    payload: {
      code: joinCode,
      role,
      name: `student ${role}`,
      publicKey: newKeyPair(role, 'k', '2026-01-01T00:00:00Z').privateKey.x,
    },
  })

describe('one classroom server per session file', () => {
  it('refuses a second server on a file a live server holds, and the first keeps working', async () => {
    const file = newFile('twice')
    const first = await serverOn(file)
    const session = await first.open()
    const later = await first.open() // a session opened later, through the API's path, beside it
    const before = peek(file)
    expect(before.owner).toMatchObject([{ pid: process.pid, host: hostname() }])

    const second = await serverOn(file)
    const inUse = new RegExp(
      `lesson\\.db is in use by another twokeys classroom server \\(pid ${process.pid} on ${hostname().replace(/\./g, '\\.')}, since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC\\).*stop that server first \\(Ctrl-C\\), or give --db another file name`,
    )
    await expect(second.resume(1)).rejects.toThrow(inUse)
    await expect(second.resume(1)).rejects.toMatchObject({
      code: 'CONFLICT',
      said: { key: 'classroom.inUse' },
    })
    await expect(second.resume(2)).rejects.toThrow(
      /lesson\.db-2 is in use by another twokeys classroom server/,
    )
    await expect(second.open()).rejects.toThrow(inUse)
    const byApi = await second.app.inject({
      method: 'POST',
      url: '/api/sessions',
      headers: { authorization: `Bearer ${second.operatorToken}` },
    })
    expect(byApi.statusCode).toBe(409)
    expect(byApi.json()).toMatchObject({ code: 'CONFLICT' })
    expect(byApi.json().message).toMatch(inUse)
    expect(second.sessions.size).toBe(0)
    // Nothing of the refused server was written: the owner and the feed are the first's.
    expect(peek(file)).toEqual(before)

    // The first server keeps its sessions and takes a join.
    expect((await seatIn(first, session.joinCode, 'oreshkin')).statusCode).toBe(201)
    expect((await seatIn(first, later.joinCode, 'minzifry')).statusCode).toBe(201)

    // A clean stop lets both files go: a new server resumes them.
    await first.app.close()
    expect(peek(file).owner).toEqual([])
    const third = await serverOn(file)
    const resumed = await third.resume(1)
    expect(resumed?.id).toBe(session.id)
    expect(resumed?.students.map((s) => s.role)).toEqual(['oreshkin'])
    expect((await third.resume(2))?.id).toBe(later.id)
    expect(peek(file).owner).toMatchObject([{ pid: process.pid }])
  })

  it("takes over a claim whose server is gone, and refuses another machine's fresh one", () => {
    const file = newFile('stale')
    const write = (row: { pid: number; host: string; seenAt: number }) => {
      const db = new Database(file)
      db.prepare(
        'INSERT OR REPLACE INTO classroom_owner (one, instance, pid, host, since, seen_at) VALUES (1, ?, ?, ?, ?, ?)',
      ).run('someone-else', row.pid, row.host, START, row.seenAt)
      db.close()
    }
    const made = sqliteSessionRecord(file) // makes the tables; never claimed
    made.close()

    // Another machine that beat a moment ago holds it.
    write({ pid: 1, host: 'other-laptop', seenAt: Date.now() })
    const refused = sqliteSessionRecord(file)
    expect(() => refused.claim?.()).toThrow(
      /lesson\.db is in use by another twokeys classroom server \(pid 1 on other-laptop, since 2026-09-01 09:00:00 UTC\)/,
    )
    refused.close()
    expect(peek(file).owner).toMatchObject([{ pid: 1, host: 'other-laptop' }])

    // The same machine's, silent for longer than a claim lives: taken over, and said whose it was.
    write({ pid: 1, host: 'other-laptop', seenAt: Date.now() - OWNER_STALE_MS - 1000 })
    const taker = sqliteSessionRecord(file)
    expect(taker.claim?.()).toMatchObject({
      instance: 'someone-else',
      pid: 1,
      host: 'other-laptop',
      since: START,
    })
    expect(peek(file).owner).toMatchObject([{ pid: process.pid, host: hostname() }])
    // A second claim by the same record changes nothing; close lets it go.
    expect(taker.claim?.()).toBeNull()
    taker.close()
    expect(peek(file).owner).toEqual([])
  })

  it('a live server writes the time in its row every 10 seconds', () => {
    const file = newFile('beat')
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'], now: START })
    try {
      const record = sqliteSessionRecord(file)
      record.claim?.()
      const seen = () => {
        const db = new Database(file, { readonly: true })
        try {
          return db.prepare('SELECT seen_at FROM classroom_owner').pluck().get()
        } finally {
          db.close()
        }
      }
      expect(seen()).toBe(START)
      vi.advanceTimersByTime(OWNER_HEARTBEAT_MS)
      expect(seen()).toBe(START + OWNER_HEARTBEAT_MS)
      vi.advanceTimersByTime(OWNER_HEARTBEAT_MS)
      expect(seen()).toBe(START + 2 * OWNER_HEARTBEAT_MS)
      record.close()
      expect(vi.getTimerCount()).toBe(0)
    } finally {
      vi.useRealTimers()
    }
  })

  it('knows a live process of this machine from a gone one', async () => {
    const gone = spawn(process.execPath, ['-e', ''])
    const pid = gone.pid as number
    await new Promise((done) => gone.on('exit', done))
    const owner = (p: number, host = hostname()) => ({ instance: 'x', pid: p, host, since: 0, seenAt: 0 })
    expect(ownerIsLive(owner(process.pid), Date.now())).toBe(true)
    expect(ownerIsLive(owner(pid), Date.now())).toBe(false)
    // On another machine a pid says nothing: the last beat decides.
    expect(ownerIsLive({ ...owner(process.pid, 'elsewhere'), seenAt: Date.now() }, Date.now())).toBe(true)
    expect(ownerIsLive(owner(process.pid, 'elsewhere'), Date.now())).toBe(false)
  })

  it('twokeys classroom on a file another process serves exits 2 naming it; after a stop or a SIGKILL it resumes', async () => {
    const file = newFile('cli')
    const started = async () => {
      const cli = spawnCli(['classroom', '--db', file, '--port', '0'])
      children.push(cli)
      const joinCode = await waitForOutput(cli, /classroom\.html\?join=([A-Z0-9]{6})/)
      await waitForOutput(cli, /Press Ctrl-C to stop/)
      const base = await waitForOutput(cli, /(http:\/\/127\.0\.0\.1:\d+)/)
      return { cli, joinCode, base }
    }
    const one = await started()
    const before = peek(file)
    expect(before.owner).toMatchObject([{ pid: one.cli.child.pid }])

    const run = await twokeys('classroom', '--db', file, '--port', '0')
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(
      `lesson.db is in use by another twokeys classroom server (pid ${one.cli.child.pid} on ${hostname()}`,
    )
    expect(run.stderr).toContain('give --db another file name')
    const ru = await twokeys('--lang', 'ru', 'classroom', '--db', file, '--port', '0')
    expect(ru.code).toBe(2)
    expect(ru.stderr).toContain(
      `lesson.db занят другим сервером twokeys classroom (pid ${one.cli.child.pid} на ${hostname()}`,
    )
    expect(peek(file)).toEqual(before)
    // The first still serves its session.
    const found = await fetch(`${one.base}/api/join/${one.joinCode}`)
    expect(found.status).toBe(200)

    // Stopped with Ctrl-C (SIGTERM here): it lets the file go, and the next server resumes it.
    one.cli.child.kill('SIGTERM')
    expect(await one.cli.exited).toBe(0)
    expect(peek(file).owner).toEqual([])
    const after = await serverOn(file)
    expect((await after.resume(1))?.joinCode).toBe(one.joinCode)
    await after.app.close()

    // Killed (SIGKILL): its claim stays behind, and the next server takes it over.
    const two = await started()
    expect(two.joinCode).toBe(one.joinCode)
    two.cli.child.kill('SIGKILL')
    await two.cli.exited
    expect(peek(file).owner).toMatchObject([{ pid: two.cli.child.pid }])
    const taker = await serverOn(file)
    const resumed = await taker.resume(1)
    expect(resumed?.joinCode).toBe(one.joinCode)
    expect(peek(file).owner).toMatchObject([{ pid: process.pid, host: hostname() }])
    expect((await seatIn(taker, one.joinCode, 'oreshkin')).statusCode).toBe(201)
    await taker.app.close()

    // The command says when it took a file over from a server that is gone.
    const three = await started()
    three.cli.child.kill('SIGKILL')
    await three.cli.exited
    const four = await started()
    expect(four.cli.stdout()).toContain(
      `took ${file} over from a server that is gone (pid ${three.cli.child.pid} on ${hostname()})`,
    )
    expect(four.cli.stdout()).toContain(`resumed the session kept in ${file}: 1 student seated`)
  }, 120_000)
})
