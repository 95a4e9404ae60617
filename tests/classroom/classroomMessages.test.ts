import { describe, expect, it } from 'vitest'
import { ClassroomSession } from '../../src/classroom/ClassroomSession.js'
import { CLASSROOM_MESSAGES } from '../../src/classroom/classroomMessages.js'
import { CLASSROOM_MESSAGES_RU } from '../../src/classroom/classroomMessages.ru.js'
import { isTwoKeysError, type TwoKeysError } from '../../src/domain/TwoKeysError.js'
import { newKeyPair } from '../../src/identity/PrivateKeyFile.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { memoryStore } from '../../src/stores/memoryStore.js'

// The classroom server's own errors carry their phrase (`said`): the English message is made
// from it, and the CLI words it in Russian. The expected English is written out here, as the
// API sent it before the messages were data.

const policy = loadPolicyFile('machines/policies/two-keys.yaml')
const open = () => ClassroomSession.open({ policy, store: memoryStore(), joinCode: 'ABCDEF' })
const publicKey = () => newKeyPair('student', 'student-key', '2026-01-01T00:00:00Z').entry.publicKey

async function refusal(work: () => Promise<unknown>): Promise<TwoKeysError> {
  try {
    await work()
  } catch (error) {
    if (isTwoKeysError(error)) return error
    throw error
  }
  throw new Error('expected a refusal')
}

/** The Russian words of an error's phrase, from the Russian table. */
function inRussian(error: TwoKeysError): string {
  const said = error.said
  if (said === undefined) throw new Error(`no phrase on: ${error.message}`)
  const say = CLASSROOM_MESSAGES_RU[said.key as keyof typeof CLASSROOM_MESSAGES_RU] as (p: unknown) => string
  return say(said.params)
}

describe('the classroom server’s errors as phrases', () => {
  it('a taken role: the same English as before, and Russian words with the role kept', async () => {
    const session = await open()
    await session.join('oreshkin', 'Anna', publicKey())
    const error = await refusal(() => session.join('oreshkin', 'Boris', publicKey()))
    expect(error.code).toBe('CONFLICT')
    expect(error.message).toBe('role "oreshkin" is taken by another student; pick a free one')
    expect(error.said).toEqual({ key: 'classroom.roleTaken', params: { role: 'oreshkin' } })
    expect(inRussian(error)).toBe('роль «oreshkin» уже занял другой ученик; выберите свободную')
  })

  it('an unknown role names the roles there are, in both languages', async () => {
    const session = await open()
    const error = await refusal(() => session.join('nobody', 'Anna', publicKey()))
    expect(error.code).toBe('COMMAND_INVALID')
    expect(error.message).toMatch(/^no role "nobody" in this session; pick one of "[^"]+"(, "[^"]+")+$/)
    expect(error.message).toContain('"oreshkin"')
    expect(inRussian(error)).toMatch(
      /^в этом занятии нет роли «nobody»; выберите одну из: «[^»]+»(, «[^»]+»)+$/,
    )
  })

  it('a malformed public key and an ended session', async () => {
    const session = await open()
    const bad = await refusal(() => session.join('oreshkin', 'Anna', 'not-a-key'))
    expect(bad.message).toBe(
      'publicKey "not-a-key" is not an Ed25519 public key; send its 32 bytes as base64url (43 characters)',
    )
    expect(inRussian(bad)).toContain('«not-a-key»')
    await session.end()
    const ended = await refusal(() => session.join('grigorenko', 'Boris', publicKey()))
    expect(ended.code).toBe('REFUSED')
    expect(ended.message).toBe('this session has ended; the debrief and the audit export are still there')
    expect(inRussian(ended)).toBe('занятие закончилось; разбор и выгрузка журнала по-прежнему доступны')
  })

  it('every message has Russian words with no English sentence left', () => {
    const samples: Record<keyof typeof CLASSROOM_MESSAGES, unknown> = {
      'classroom.institutionWithoutHolder': { institution: 'apparatus' },
      'classroom.noRole': { role: 'x', roles: ['a', 'b'] },
      'classroom.roleTaken': { role: 'x' },
      'classroom.badPublicKey': { start: 'abc' },
      'classroom.noKey': { key: 'k', keys: ['a'] },
      'classroom.noDeputyFor': { key: 'k' },
      'classroom.noKeyOfHolder': { holder: 'h' },
      'classroom.ownLogTampered': { message: 'chain broken' },
      'classroom.cannotForgeYet': { forgery: 'edit', problem: 'no event' },
      'classroom.ended': {},
      'classroom.badBody': { lines: ['  ✖ body.role: required'] },
      'classroom.noSession': { id: 's1' },
      'classroom.noJoinCode': { code: 'ABC' },
      'classroom.notSessionFile': { path: 'lesson.db', problem: 'file is not a database' },
      'classroom.foreignFile': { path: 'lesson.db', tables: ['events'] },
      'classroom.cannotWrite': { path: 'lesson.db', problem: 'disk full' },
      'classroom.fileTaken': { path: 'lesson.db' },
      'classroom.noSeat': { role: 'oreshkin', keyId: '', seated: ['minzifry'] },
      'classroom.whichSeat': { role: 'forger', keyIds: ['forger-a', 'forger-b'] },
      'classroom.inUse': { path: 'lesson.db', pid: 4242, host: 'laptop', since: '2026-09-01 09:00:00' },
      'classroom.otherPolicy': { path: 'lesson.db', policy: 'two-keys', hash: 'abcdef0123456789' },
    }
    for (const [key, params] of Object.entries(samples)) {
      const ru = (CLASSROOM_MESSAGES_RU[key as keyof typeof CLASSROOM_MESSAGES_RU] as (p: unknown) => string)(
        params,
      )
      const en = (CLASSROOM_MESSAGES[key as keyof typeof CLASSROOM_MESSAGES] as (p: unknown) => string)(
        params,
      )
      expect(ru, key).toMatch(/[а-яё]/i)
      expect(ru.split(' ').slice(0, 3).join(' '), key).not.toBe(en.split(' ').slice(0, 3).join(' '))
    }
  })
})
