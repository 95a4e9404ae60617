import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createClassroomServer } from '../../src/classroom/createClassroomServer.js'
import { sqliteSessionRecord } from '../../src/classroom/sqliteSessionRecord.js'
import type { CommandInput } from '../../src/domain/Command.js'
import { newKeyPair, type PrivateKeyFile } from '../../src/identity/PrivateKeyFile.js'
import { signCommand } from '../../src/identity/signCommand.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { sqliteStore } from '../../src/stores/sqliteStore.js'

// The teacher frees a seat: the student leaves the roster, their key is revoked by a signed
// keyring change, the class is told, and the seat can be taken again.

const policy = loadPolicyFile('machines/policies/two-keys.yaml')
const START = Date.parse('2026-09-01T09:00:00Z')
type Server = Awaited<ReturnType<typeof createClassroomServer>>
const running: Server[] = []
afterEach(async () => {
  for (const server of running.splice(0)) await server.app.close()
})

async function serverOn(file: string) {
  const server = await createClassroomServer({
    policy,
    storeFor: () => sqliteStore(file),
    recordFor: () => sqliteSessionRecord(file),
    start: () => START,
  })
  running.push(server)
  const call = async (method: string, url: string, body?: unknown, token?: string) => {
    const answer = await server.app.inject({
      method: method as 'GET',
      url,
      ...(body === undefined ? {} : { payload: body as object }),
      headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
    })
    // biome-ignore lint/suspicious/noExplicitAny: the test reads answers of many shapes, and expect checks them
    return { status: answer.statusCode, body: answer.json() as any }
  }
  return { server, call }
}

describe('twokeys classroom: the teacher frees a seat', () => {
  it('revokes the student’s key, tells the class, and lets another student take the seat', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'twokeys-classroom-free-')), 'lesson.db')
    const { server, call } = await serverOn(file)
    const session = await server.open()
    const { id, joinCode, teacherToken } = session
    const keys: Record<string, PrivateKeyFile> = {}
    const seat = async (role: string, as = role) => {
      const { privateKey } = newKeyPair(role, 'pending', '2026-01-01T00:00:00Z')
      const joined = await call('POST', '/api/join', {
        code: joinCode,
        role,
        name: as,
        publicKey: privateKey.x,
      })
      expect(joined.status).toBe(201)
      keys[as] = { ...privateKey, kid: joined.body.student.keyId }
      return joined.body.student.keyId as string
    }
    let n = 0
    const send = (as: string, by: string, command: Record<string, unknown>) =>
      call(
        'POST',
        `/api/sessions/${id}/commands`,
        signCommand(
          { commandId: `c${++n}`, initiativeId: 'kazan', by, ...command } as CommandInput,
          keys[as] as PrivateKeyFile,
        ),
      )
    await seat('minzifry')
    const oleg = await seat('oreshkin', 'Oleg')
    const forgerA = await seat('forger', 'Fedya')
    const forgerB = await seat('forger', 'Fira')
    const propose = { type: 'propose', title: 'GPU', objective: 'infrastructure', scope: { kind: 'federal' } }
    expect((await send('minzifry', 'minzifry', propose)).status).toBe(201)
    const revision = (await send('minzifry', 'minzifry', { type: 'submit' })).body.board.revision.hash
    const approve = { type: 'decide', key: 'presidential-administration', decision: 'approve', revision }
    expect((await send('Oleg', 'oreshkin', approve)).status).toBe(201)
    const versionBefore = (await session.engine.keyring())?.version ?? 0

    // Only the teacher frees a seat.
    expect((await call('DELETE', `/api/sessions/${id}/seats/oreshkin`)).status).toBe(401)
    expect(
      (await call('DELETE', `/api/sessions/${id}/seats/oreshkin`, undefined, `${teacherToken}x`)).status,
    ).toBe(403)
    const freed = await call('DELETE', `/api/sessions/${id}/seats/oreshkin`, undefined, teacherToken)
    expect(freed.status).toBe(200)
    expect(freed.body).toEqual({
      role: 'oreshkin',
      name: 'Oleg',
      keyId: oleg,
      revoked: true,
      keyringVersion: versionBefore + 1,
    })
    // A keyring change every institution signed, revoking the key at the session's time.
    const keyring = await session.engine.keyring()
    expect(keyring?.entries.find((k) => k.keyId === oleg)?.revokedAt).toBe(new Date(START).toISOString())
    expect(session.feed.after(0).at(-1)).toMatchObject({
      kind: 'freed',
      role: 'oreshkin',
      name: 'Oleg',
      keyId: oleg,
    })

    // Oleg's key no longer signs; what he signed before still verifies (the forgery checks pass it).
    const late = await send('Oleg', 'oreshkin', { ...approve, commandId: 'late' })
    expect(late.status).toBe(403)
    expect(late.body.code).toBe('UNAUTHENTICATED')
    expect(late.body.reasons.join(' ')).toContain(`key "${oleg}" was revoked`)
    const cut = await call('POST', `/api/sessions/${id}/forgery`, { forgery: 'cut-tail' }, teacherToken)
    expect(cut.body.checks.find((c: { check: string }) => c.check === 'signatures').ok).toBe(true)
    const edited = await call(
      'POST',
      `/api/sessions/${id}/forgery`,
      { forgery: 'forge-signature' },
      teacherToken,
    )
    expect(edited.body.caughtBy).toBe('signatures')

    // The seat is free again: another student takes it and signs.
    const roles = (await call('GET', `/api/join/${joinCode}`)).body.roles
    expect(roles.find((r: { id: string }) => r.id === 'oreshkin').taken).toBe(false)
    await seat('oreshkin', 'Olga')
    expect(
      (
        await send('Olga', 'oreshkin', {
          type: 'decide',
          key: 'presidential-administration',
          decision: 'refuse',
          revision,
        })
      ).status,
    ).toBe(422) // the key has already turned: the rules answer, not the signature check

    // Two forgers: which one is named by key id; a seat nobody holds is 404.
    const which = await call('DELETE', `/api/sessions/${id}/seats/forger`, undefined, teacherToken)
    expect(which.status).toBe(400)
    expect(which.body.message).toContain(
      `2 students sit as "forger"; say which with ?keyId= one of "${forgerA}", "${forgerB}"`,
    )
    const forger = await call(
      'DELETE',
      `/api/sessions/${id}/seats/forger?keyId=${forgerB}`,
      undefined,
      teacherToken,
    )
    expect(forger.body).toMatchObject({ name: 'Fira', revoked: false, keyringVersion: versionBefore + 2 })
    const nobody = await call('DELETE', `/api/sessions/${id}/seats/grigorenko`, undefined, teacherToken)
    expect(nobody.status).toBe(404)
    expect(nobody.body.message).toContain('no student sits as "grigorenko"')
    expect(
      (await call('GET', `/api/sessions/${id}`)).body.students.map((s: { name: string }) => s.name),
    ).toEqual(['minzifry', 'Fedya', 'Olga'])

    // Kept in the file: a restarted server has the same roster.
    await server.app.close()
    running.splice(0)
    const again = await serverOn(file)
    const resumed = await again.server.resume(1)
    expect(resumed?.students.map((s) => s.name)).toEqual(['minzifry', 'Fedya', 'Olga'])
    expect(resumed?.feed.after(0).filter((x) => x.kind === 'freed')).toHaveLength(2)
    // An ended session frees no seat.
    await again.call('POST', `/api/sessions/${id}/end`, undefined, teacherToken)
    const ended = await again.call('DELETE', `/api/sessions/${id}/seats/forger`, undefined, teacherToken)
    expect(ended.status).toBe(422)
    expect(ended.body.code).toBe('REFUSED')
  })
})
