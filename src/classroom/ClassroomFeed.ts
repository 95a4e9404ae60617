import type { AuditProblem } from '../audit/verifyAudit.js'
import type { ErrorPhrase } from '../domain/TwoKeysError.js'
import type { RecordedEvent } from '../stores/Store.js'
import type { ForgedEvent } from './forgeCopy.js'

/** What the whole class sees happen, one notice at a time. */
export type NoticeBody =
  | { kind: 'opened'; policy: string }
  | { kind: 'joined'; role: string; name: string; keyId: string; inKeyring: boolean }
  /** The teacher freed a seat; `inKeyring`: the student's key was in the keyring, and is revoked now. */
  | { kind: 'freed'; role: string; name: string; keyId: string; inKeyring: boolean }
  | { kind: 'event'; event: RecordedEvent }
  | {
      kind: 'refused'
      /** The refused command's id: the debrief finds the phrases of a security-log entry by it. */
      commandId: string | null
      by: string
      type: string
      initiativeId: string | null
      code: string
      reasons: string[]
      /** The reasons as message keys with parameters, for a page to show in its language. */
      phrases: ErrorPhrase[]
      invariants: string[]
    }
  | { kind: 'clock'; from: number; to: number; jump: string; fired: number }
  | { kind: 'prompt'; role: string; text: string }
  | {
      kind: 'forgery'
      forgery: string
      /** What was changed, in English; `target` is the same as data. */
      change: string
      target: ForgedEvent
      caughtBy: string | null
      checks: ForgeryCheck[]
    }
  | { kind: 'ended' }
  /** The server was started again on the session's file and took the session up where it was. */
  | { kind: 'resumed' }

/** One check run on a forged copy of the log, and what it found. */
export interface ForgeryCheck {
  check: 'chain' | 'heads' | 'signatures'
  ok: boolean
  /** What it found (the verifier's own message, in English), or that the copy passed it. */
  message: string
  /** The same as data, for a page to say in its language. */
  finding: CheckFinding
}

/**
 * What a check found, as data. `passed`: the copy passed (with its number of events). Else the
 * first bad position (0-based, as in `message`) and what is wrong there: what the chain check
 * (`verifyAudit`) found — `edited`, `deleted`, `inserted`, `reordered`, `malformed` — or, for the
 * signatures and rules, `signature` (the rules take the event, but its signed command does not
 * stand: missing, not verifying under the keyring, or asking for another event) or `rules` (a
 * replay under the pinned policy rejects the event itself: its number, link, hash or the rules).
 */
export type CheckFinding =
  | { problem: 'passed'; events: number }
  | {
      problem: AuditProblem | 'signature' | 'rules'
      position: number
      initiativeId: string | null
      seq: number | null
    }

export type Notice = NoticeBody & {
  /** 1, 2, 3 … in the session: the SSE id, so a client resumes with Last-Event-ID. */
  seq: number
  /** The session's clock when it happened (epoch ms). */
  at: number
}

type Listener = (notice: Notice) => void

/**
 * A session's notices, kept in order (a phone that reconnects catches up from its last seq)
 * and told to every listener as they are added. A resumed session's feed starts from the notices
 * kept before, and its numbering goes on from theirs; `keep` writes each new notice down first.
 */
export class ClassroomFeed {
  readonly #notices: Notice[]
  readonly #listeners = new Set<Listener>()
  readonly #keep: (notice: Notice) => void

  constructor(notices: readonly Notice[] = [], keep: (notice: Notice) => void = () => undefined) {
    this.#notices = [...notices]
    this.#keep = keep
  }

  add(body: NoticeBody, at: number): Notice {
    const notice = { ...body, seq: this.#notices.length + 1, at } as Notice
    this.#keep(notice)
    this.#notices.push(notice)
    for (const listener of this.#listeners) listener(notice)
    return notice
  }

  /** The notices after `seq`, oldest first. */
  after(seq: number): Notice[] {
    return this.#notices.slice(Math.max(0, seq))
  }

  /** Calls `listener` with each notice added from now on; returns the unsubscribe. */
  listen(listener: Listener): () => void {
    this.#listeners.add(listener)
    return () => {
      this.#listeners.delete(listener)
    }
  }
}
