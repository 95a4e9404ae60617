import { timingSafeEqual } from 'node:crypto'
import { exportAudit } from '../audit/exportAudit.js'
import { parseAuditLines } from '../audit/parseAuditLog.js'
import { verifyAudit } from '../audit/verifyAudit.js'
import type { CommandInput } from '../domain/Command.js'
import { isTwoKeysError, REFUSAL_CODES } from '../domain/TwoKeysError.js'
import { DAY_MS } from '../domain/timeUnits.js'
import { createEngine, type Engine, type Receipt } from '../engine/createEngine.js'
import { manualClock } from '../engine/systemClock.js'
import { toBase64url } from '../identity/base64url.js'
import { firstKeyringChange } from '../identity/firstKeyringChange.js'
import { type KeyringChange, keyringHash } from '../identity/KeyringChange.js'
import { PublicKeySchema } from '../identity/KeyringSchema.js'
import { newKeyPair, type PrivateKeyFile } from '../identity/PrivateKeyFile.js'
import { signCommand } from '../identity/signCommand.js'
import { signKeyringChange } from '../identity/signKeyringChange.js'
import { invariantsIn } from '../invariants/invariantsIn.js'
import { hashPolicy } from '../policy/hashPolicy.js'
import type { Policy } from '../policy/PolicySchema.js'
import type { RecordedEvent, Store } from '../stores/Store.js'
import { ClassroomFeed, type Notice } from './ClassroomFeed.js'
import { checkCopy } from './checkCopy.js'
import { classroomError } from './classroomMessages.js'
import { type ClassroomRole, classroomRoles, FORGER } from './classroomRoles.js'
import { CLOCK_JUMPS, type ClockJump } from './clockJumps.js'
import { type Forgery, forgeCopy } from './forgeCopy.js'
import { newJoinCode } from './joinCode.js'
import {
  memorySessionRecord,
  type SavedSession,
  type SessionHead,
  type SessionRecord,
  type Student,
} from './SessionRecord.js'

export interface ClassroomSessionOptions {
  /** The lesson's policy; the session runs it with `identity: signed`. */
  policy: Policy
  /** Where the session's engine keeps its events (a fresh SQLite file for each session). */
  store: Store
  /** Where the session keeps its roster, feed, clock and tokens (`sqliteSessionRecord(file)`); nowhere by default. */
  record?: SessionRecord
  /** Where the session's clock starts (epoch ms); the real time now, to the minute, by default. */
  start?: number
  /** Fixed in tests; random by default. */
  joinCode?: string
}

export type { Student }

const randomId = (bytes: number) =>
  toBase64url(globalThis.crypto.getRandomValues(new Uint8Array(bytes))).replace(/[^A-Za-z0-9]/g, 'x')

/** A secret of 24 random bytes, in letters and digits (a token for a URL fragment or a Bearer header). */
export const randomToken = () => randomId(24)

/** Two secrets compared in constant time. */
export const sameText = (a: string, b: string) => {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/** The policy as a session runs it: signed commands only. */
const signedPolicy = (policy: Policy): Policy => ({ ...policy, identity: 'signed' })

/**
 * One class's live session: its own engine on its own store and virtual clock, the institution
 * keys that sign its keyring (made here, never sent anywhere), the roster and the feed everyone
 * watches. Every action goes through the engine; the session only adds who may do what in class.
 * With a durable record (the session's SQLite file), everything else it holds is written down as
 * it changes, and {@link ClassroomSession.resume} takes it up again after a restart.
 *
 * @example
 * const session = await ClassroomSession.open({ policy, store: sqliteStore(file), record: sqliteSessionRecord(file) })
 * await session.join('oreshkin', 'Anna', publicKey)
 */
export class ClassroomSession {
  readonly id: string
  readonly teacherToken: string
  readonly joinCode: string
  readonly policy: Policy
  readonly policyHash: string
  readonly engine: Engine
  readonly clock: ReturnType<typeof manualClock>
  readonly feed: ClassroomFeed
  readonly roles: ClassroomRole[]
  readonly startedAt: number
  readonly students: Student[]
  ended: boolean
  readonly record: SessionRecord
  /** The institutions' keys: the server signs keyring changes (and, for a seat no student holds, commands) with them. */
  readonly #institutionKeys: PrivateKeyFile[]
  /** The last seq of each initiative already told to the class. */
  readonly #told = new Map<string, number>()
  /** One action at a time, so the feed tells events in the order they were stored. */
  #queue: Promise<unknown> = Promise.resolve()

  private constructor(options: ClassroomSessionOptions, head: SessionHead, saved: SavedSession | null) {
    this.policy = signedPolicy(options.policy)
    this.policyHash = head.policyHash
    this.id = head.id
    this.teacherToken = head.teacherToken
    this.joinCode = head.joinCode
    this.startedAt = head.startedAt
    this.clock = manualClock(saved?.clock ?? head.startedAt)
    this.engine = createEngine({ policy: this.policy, store: options.store, clock: this.clock })
    this.roles = classroomRoles(this.policy)
    this.#institutionKeys = head.institutionKeys
    this.record = options.record ?? memorySessionRecord()
    this.students = [...(saved?.students ?? [])]
    this.ended = saved?.ended ?? false
    const record = this.record
    this.feed = new ClassroomFeed(saved?.notices ?? [], (notice) => record.notice(notice))
    for (const notice of saved?.notices ?? [])
      if (notice.kind === 'event') this.#told.set(notice.event.initiativeId, notice.event.seq)
  }

  /** Opens a session: makes one key per key-holding institution and signs the first keyring with them. */
  static async open(options: ClassroomSessionOptions): Promise<ClassroomSession> {
    const policy = options.policy
    const seats = [...new Set(policy.keys.map((k) => k.institution))].map((institution) => {
      const holder = policy.keys.find((k) => k.institution === institution)?.holders[0]
      if (holder === undefined)
        throw classroomError('POLICY_INVALID', 'classroom.institutionWithoutHolder', { institution })
      return holder
    })
    const start = options.start ?? Math.floor(Date.now() / 60_000) * 60_000
    const validFrom = new Date(start).toISOString()
    const keys = seats.map(
      (principal) => newKeyPair(principal, `${principal}-session-${randomId(4)}`, validFrom).privateKey,
    )
    const head: SessionHead = {
      id: randomId(9),
      teacherToken: randomToken(),
      joinCode: options.joinCode ?? newJoinCode(),
      policyId: policy.id,
      policyHash: hashPolicy(signedPolicy(policy)),
      startedAt: start,
      institutionKeys: keys,
    }
    // Written before the keyring, so a file that holds the keyring always holds the keys that signed it.
    options.record?.begin(head)
    const session = new ClassroomSession(options, head, null)
    await session.#firstKeyring()
    session.feed.add({ kind: 'opened', policy: policy.id }, start)
    return session
  }

  /**
   * Takes up a session kept in `options.record` where it was: the same id, join code, teacher
   * token, institution keys, roster, feed (numbered on), clock and ended flag. Null when the
   * record holds no session. The policy must be the one the session was opened with.
   */
  static async resume(options: ClassroomSessionOptions): Promise<ClassroomSession | null> {
    const saved = options.record?.load() ?? null
    if (saved === null) return null
    const hash = hashPolicy(signedPolicy(options.policy))
    if (hash !== saved.policyHash)
      throw classroomError('CONFIG_INVALID', 'classroom.otherPolicy', {
        path: options.record?.path ?? '(memory)',
        policy: saved.policyId,
        hash: saved.policyHash,
      })
    const session = new ClassroomSession(options, saved, saved)
    await session.#serial(async () => {
      await session.#firstKeyring()
      // Events stored after the last notice was written (a stop in between) are told now.
      await session.#tellEvents()
      session.feed.add({ kind: 'resumed' }, session.clock())
    })
    return session
  }

  /** The session's first keyring, signed by every institution key, unless the store has one. */
  async #firstKeyring(): Promise<void> {
    if ((await this.engine.keyring()) !== null) return
    await this.engine.changeKeyring(
      firstKeyringChange(
        this.policy,
        this.#institutionKeys,
        new Date(this.startedAt).toISOString(),
        'the institution keys of a classroom session',
      ),
    )
  }

  /** Is this the teacher's token? Compared in constant time. */
  isTeacher(token: string | undefined): boolean {
    return token !== undefined && sameText(token, this.teacherToken)
  }

  /** The join code as given matches this session's. */
  matches(code: string): boolean {
    return sameText(code, this.joinCode)
  }

  roleTaken(role: string): boolean {
    return role !== FORGER && this.students.some((s) => s.role === role)
  }

  /**
   * Seats a student: a principal's public key is added to the keyring by a change every
   * institution signs; a forger's is only written on the roster. CONFLICT when the role is taken.
   */
  join(role: string, name: string, publicKey: string): Promise<Student> {
    return this.#serial(async () => {
      this.#assertOpen()
      const known = this.roles.find((r) => r.id === role)
      if (known === undefined)
        throw classroomError('COMMAND_INVALID', 'classroom.noRole', {
          role,
          roles: this.roles.map((r) => r.id),
        })
      if (this.roleTaken(role)) throw classroomError('CONFLICT', 'classroom.roleTaken', { role })
      if (!PublicKeySchema.safeParse(publicKey).success)
        throw classroomError('COMMAND_INVALID', 'classroom.badPublicKey', { start: publicKey.slice(0, 60) })
      const keyId = `${role}-${randomId(6)}`
      const now = this.clock()
      const inKeyring = role !== FORGER
      if (inKeyring) await this.#addKey(keyId, role, publicKey, now)
      const student: Student = { role, name: name.trim() || role, keyId, publicKey, inKeyring, joinedAt: now }
      this.record.seat(student)
      this.students.push(student)
      this.feed.add({ kind: 'joined', role, name: student.name, keyId, inKeyring }, now)
      return student
    })
  }

  async #addKey(keyId: string, principal: string, publicKey: string, now: number): Promise<void> {
    const keyring = await this.engine.keyring()
    let change: KeyringChange = {
      base: keyringHash(keyring),
      version: (keyring?.version ?? 0) + 1,
      reason: `a student takes the role of ${principal} in a classroom session`,
      add: [{ keyId, principal, publicKey, validFrom: new Date(now).toISOString() }],
      revoke: [],
      signatures: [],
    }
    for (const key of this.#institutionKeys) change = signKeyringChange(change, key)
    await this.engine.changeKeyring(change)
  }

  /**
   * The teacher frees a seat: the student leaves the roster and, if their key is in the keyring,
   * it is revoked now by a keyring change every institution signs (their commands from now on are
   * refused by the signature check; those already taken stay verifiable under the keyring they
   * were signed under). The seat is free for another student. A forger's seat is named by `keyId`
   * when more than one student is the forger.
   */
  free(role: string, keyId?: string): Promise<Student> {
    return this.#serial(async () => {
      this.#assertOpen()
      const seated = this.students.filter((s) => s.role === role)
      if (keyId === undefined && seated.length > 1)
        throw classroomError('COMMAND_INVALID', 'classroom.whichSeat', {
          role,
          keyIds: seated.map((s) => s.keyId),
        })
      const student = seated.find((s) => keyId === undefined || s.keyId === keyId)
      if (student === undefined)
        throw classroomError('NOT_FOUND', 'classroom.noSeat', {
          role,
          keyId: keyId ?? '',
          seated: this.students.map((s) => s.role),
        })
      const now = this.clock()
      if (student.inKeyring) await this.#revokeKey(student.keyId, now)
      this.record.unseat(student.keyId)
      this.students.splice(this.students.indexOf(student), 1)
      const { name, inKeyring } = student
      this.feed.add({ kind: 'freed', role, name, keyId: student.keyId, inKeyring }, now)
      return student
    })
  }

  async #revokeKey(keyId: string, now: number): Promise<void> {
    const keyring = await this.engine.keyring()
    let change: KeyringChange = {
      base: keyringHash(keyring),
      version: (keyring?.version ?? 0) + 1,
      reason: `the teacher frees the seat of key ${keyId} in a classroom session`,
      add: [],
      revoke: [{ keyId, at: new Date(now).toISOString() }],
      signatures: [],
    }
    for (const key of this.#institutionKeys) change = signKeyringChange(change, key)
    await this.engine.changeKeyring(change)
  }

  /** Offers a (signed) command to the engine; the class sees the events it made, or the refusal. */
  dispatch(command: unknown): Promise<Receipt> {
    return this.#serial(async () => {
      this.#assertOpen()
      try {
        const receipt = await this.engine.dispatch(command as CommandInput)
        await this.#tellEvents()
        return receipt
      } catch (error) {
        if (isTwoKeysError(error) && REFUSAL_CODES.has(error.code)) {
          const body = (typeof command === 'object' && command !== null ? command : {}) as Record<
            string,
            unknown
          >
          this.feed.add(
            {
              kind: 'refused',
              commandId: typeof body.commandId === 'string' ? body.commandId : null,
              by: typeof body.by === 'string' ? body.by : '?',
              type: typeof body.type === 'string' ? body.type : '?',
              initiativeId: typeof body.initiativeId === 'string' ? body.initiativeId : null,
              code: error.code,
              reasons: error.reasons,
              phrases: error.phrases,
              invariants: invariantsIn(error.reasons).map((i) => i.id),
            },
            this.clock(),
          )
          // Deadlines fired before the refused command are stored all the same.
          await this.#tellEvents()
        }
        throw error
      }
    })
  }

  /** Moves the session's clock (never a real one) and fires every deadline now due. */
  jump(jump: ClockJump): Promise<{ from: number; to: number; fired: RecordedEvent[] }> {
    return this.#serial(async () => {
      this.#assertOpen()
      const from = this.clock()
      this.clock.advance(CLOCK_JUMPS[jump])
      // Written before the deadlines fire, so a resumed clock is never behind a stored event.
      this.record.clock(this.clock())
      await this.engine.tick()
      const fired = await this.#tellEvents()
      const to = this.clock()
      this.feed.add({ kind: 'clock', from, to, jump, fired: fired.length }, to)
      return { from, to, fired }
    })
  }

  /**
   * A co-chair travels and names a deputy for `days`: signed by the session's institution key
   * when no student holds the co-chair's seat, else the student is asked to do it themselves.
   */
  injectDeputy(initiativeId: string, keyId: string, days = 7): Promise<{ prompted: string } | Receipt> {
    return this.#serial(async () => {
      this.#assertOpen()
      const key = this.policy.keys.find((k) => k.id === keyId)
      if (key === undefined)
        throw classroomError('COMMAND_INVALID', 'classroom.noKey', {
          key: keyId,
          keys: this.policy.keys.map((k) => k.id),
        })
      const holder = key.holders[0] as string
      const deputy =
        key.deputies.eligible?.[0] ??
        this.policy.principals.find((p) => p.institution === key.institution && p.id !== holder)?.id
      if (deputy === undefined)
        throw classroomError('COMMAND_INVALID', 'classroom.noDeputyFor', { key: keyId })
      const until = this.clock() + Math.min(days, key.deputies.maxDays ?? days) * DAY_MS
      const student = this.students.find((s) => s.role === holder)
      if (student !== undefined) {
        this.feed.add(
          {
            kind: 'prompt',
            role: holder,
            text: `You travel: name ${deputy} your deputy for key ${keyId} (delegate) on initiative "${initiativeId}".`,
          },
          this.clock(),
        )
        return { prompted: holder }
      }
      const signer = this.#institutionKeys.find((k) => k.principal === holder)
      if (signer === undefined) throw classroomError('NOT_FOUND', 'classroom.noKeyOfHolder', { holder })
      const command = signCommand(
        {
          type: 'delegate',
          initiativeId,
          commandId: `inject-${randomId(8)}`,
          by: holder,
          key: keyId,
          deputy,
          until,
        },
        signer,
      )
      const receipt = await this.engine.dispatch(command)
      await this.#tellEvents()
      return receipt
    })
  }

  /** The session's audit log as exported (JSON Lines), which `twokeys audit verify` checks. */
  async exportAudit(): Promise<string> {
    let text = ''
    for await (const line of exportAudit(this.engine.store)) text += line
    return text
  }

  /**
   * The forger rewrites an exported copy of the log; the copy is checked as anyone outside
   * would check it, and the class sees which check caught it. The stored log is never touched.
   */
  forge(forgery: Forgery) {
    return this.#serial(async () => {
      const original = parseAuditLines((await this.exportAudit()).split('\n')).map(
        (l) => l.value as RecordedEvent,
      )
      const published = verifyAudit(original)
      if (!published.ok)
        throw classroomError('AUDIT_TAMPERED', 'classroom.ownLogTampered', { message: published.message })
      let forged: ReturnType<typeof forgeCopy>
      try {
        forged = forgeCopy(original, forgery)
      } catch (error) {
        throw classroomError(
          'REFUSED',
          'classroom.cannotForgeYet',
          { forgery, problem: (error as Error).message },
          { reasons: [(error as Error).message] },
        )
      }
      const checks = await checkCopy(forged.events, {
        heads: published.heads,
        policy: this.policy,
        policyHash: this.policyHash,
        store: this.engine.store,
      })
      const caughtBy = checks.find((c) => !c.ok)?.check ?? null
      const notice = this.feed.add(
        { kind: 'forgery', forgery, change: forged.change, target: forged.target, caughtBy, checks },
        this.clock(),
      )
      return notice as Extract<Notice, { kind: 'forgery' }>
    })
  }

  /** Ends the session: no more joins, commands or jumps; the debrief and the export stay. */
  end(): Promise<void> {
    return this.#serial(async () => {
      if (this.ended) return
      this.record.end()
      this.ended = true
      this.feed.add({ kind: 'ended' }, this.clock())
    })
  }

  /** Tells the class every stored event it has not seen yet, initiative by initiative. */
  async #tellEvents(): Promise<RecordedEvent[]> {
    const told: RecordedEvent[] = []
    for (const initiativeId of await this.engine.store.listInitiatives()) {
      const fresh = await this.engine.store.readEvents(initiativeId, this.#told.get(initiativeId) ?? 0)
      for (const event of fresh) {
        this.feed.add({ kind: 'event', event }, event.event.at)
        this.#told.set(initiativeId, event.seq)
        told.push(event)
      }
    }
    return told
  }

  #assertOpen(): void {
    if (this.ended) throw classroomError('REFUSED', 'classroom.ended', {})
  }

  #serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(work, work)
    this.#queue = next.catch(() => undefined)
    return next
  }
}
