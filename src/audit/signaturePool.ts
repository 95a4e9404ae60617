import type { Command } from '../domain/Command.js'
import type { RecordedEvent } from '../domain/RecordedEvent.js'
import { fromBase64url } from '../identity/base64url.js'
import { findKeyEntry, type KeyEntry } from '../identity/KeyringSchema.js'
import { commandSigningBytes } from '../identity/signCommand.js'
import type { SignatureCheck } from '../ledger/replayChecked.js'

interface WorkerLike {
  postMessage(message: unknown, transfer?: unknown[]): void
  on(event: 'message' | 'error' | 'exit', listener: (value: never) => void): void
  unref(): void
  terminate(): Promise<number>
}
interface WorkerThreads {
  Worker: new (code: string, options: { eval: true }) => WorkerLike
}
interface NodeOs {
  availableParallelism?(): number
  cpus(): unknown[]
}

const builtin = <T>(id: string): T | undefined =>
  (
    globalThis as { process?: { getBuiltinModule?: (id: string) => T | undefined } }
  ).process?.getBuiltinModule?.(id)

// The worker only runs node:crypto's Ed25519 verification over the bytes it is sent: what each
// signature must cost anyway. Parsed keys are kept, as the main thread keeps them.
const WORKER = `
const { parentPort } = require('node:worker_threads')
const { createPublicKey, verify } = require('node:crypto')
const keys = new Map()
function keyOf(x) {
  let key = keys.get(x)
  if (key === undefined) {
    try { key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' }) } catch { key = null }
    keys.set(x, key)
  }
  return key
}
parentPort.on('message', ({ id, publicKeys, keyOf: which, ends, messages, signatures }) => {
  const out = new Uint8Array(which.length)
  let start = 0
  for (let i = 0; i < which.length; i++) {
    const key = keyOf(publicKeys[which[i]])
    try {
      out[i] = key !== null && verify(null, messages.subarray(start, ends[i]), key, signatures.subarray(64 * i, 64 * i + 64)) ? 1 : 0
    } catch { out[i] = 0 }
    start = ends[i]
  }
  parentPort.postMessage({ id, out }, [out.buffer])
})
`

/** One signature to verify ahead: the command, the entry that must have signed it, and the bytes. */
interface Job {
  command: Command
  entry: KeyEntry
  value: string
  message: Uint8Array
  signature: Uint8Array
}

/** What the pool answers for the commands of a batch. */
export type Verdicts = Map<Command, { publicKey: string; keyId: string; value: string; ok: boolean }>

/** Batches of up to this many signatures go to a worker at a time: enough to hide a message's cost. */
const BATCH = 512
/** Fewer signed events than this in a store are verified on the main thread: a worker takes ~30 ms to start. */
export const POOL_THRESHOLD = 2_000

/**
 * Worker threads that verify the Ed25519 signatures of an audit's signed commands while the main
 * thread replays the rules — the two halves of checking a signed log, on different cores. Only
 * the raw verification moves: which key, whether it may sign then, what the command binds and
 * that the event is what it asked are all still checked on the main thread, in the replay, which
 * takes the worker's verdict only for the very command, key and signature text it was given (and
 * verifies inline anything it was not). Undefined where there are no worker threads or one core.
 *
 * @example
 * const pool = signaturePool()
 * const ahead = pool?.verify([{ events, check: signatures }]) // verdicts; replay once they come
 */
export function signaturePool(): SignaturePool | undefined {
  const threads = builtin<WorkerThreads>('node:worker_threads')
  const os = builtin<NodeOs>('node:os')
  if (threads === undefined || os === undefined) return undefined
  const cores = os.availableParallelism?.() ?? os.cpus().length
  const size = Math.min(4, cores - 1)
  return size < 1 ? undefined : new SignaturePool(threads, size)
}

export class SignaturePool {
  private readonly workers: WorkerLike[] = []
  private readonly waiting = new Map<number, { resolve(out: Uint8Array): void; reject(e: unknown): void }>()
  private next = 0
  private failed: unknown

  constructor(
    private readonly threads: WorkerThreads,
    private readonly size: number,
  ) {}

  private worker(): WorkerLike {
    const at = this.next++ % this.size
    let worker = this.workers[at]
    if (worker === undefined) {
      worker = new this.threads.Worker(WORKER, { eval: true })
      worker.unref()
      worker.on('message', ({ id, out }: { id: number; out: Uint8Array }) => {
        this.waiting.get(id)?.resolve(out)
        this.waiting.delete(id)
      })
      const fail = (error: unknown) => {
        this.failed = error ?? new Error('a signature worker stopped')
        for (const w of this.waiting.values()) w.reject(this.failed)
        this.waiting.clear()
      }
      worker.on('error', fail)
      worker.on('exit', () => {
        if (this.waiting.size > 0) fail(undefined)
      })
      this.workers[at] = worker
    }
    return worker
  }

  /**
   * Starts verifying the signed commands of each group of events that its `check` will ask about,
   * and resolves to their verdicts; a command it could not prepare (no such keyring version or
   * key, a malformed signature) is left out, for the replay to find the problem itself.
   */
  verify(groups: readonly { events: readonly RecordedEvent[]; check: SignatureCheck }[]): Promise<Verdicts> {
    const jobs: Job[] = []
    for (const { events, check } of groups) {
      for (const record of events) {
        const job = prepare(record, check)
        if (job !== undefined) jobs.push(job)
      }
    }
    const batches: Promise<Uint8Array>[] = []
    for (let from = 0; from < jobs.length; from += BATCH)
      batches.push(this.send(jobs.slice(from, from + BATCH)))
    return Promise.all(batches).then((outs) => {
      const verdicts: Verdicts = new Map()
      outs.forEach((out, b) => {
        for (let i = 0; i < out.length; i++) {
          const job = jobs[b * BATCH + i] as Job
          const { publicKey, keyId } = job.entry
          verdicts.set(job.command, { publicKey, keyId, value: job.value, ok: out[i] === 1 })
        }
      })
      return verdicts
    })
  }

  private send(jobs: Job[]): Promise<Uint8Array> {
    if (this.failed !== undefined) return Promise.reject(this.failed)
    const publicKeys: string[] = []
    const index = new Map<string, number>()
    const which = new Int32Array(jobs.length)
    const ends = new Int32Array(jobs.length)
    let total = 0
    jobs.forEach((job, i) => {
      let k = index.get(job.entry.publicKey)
      if (k === undefined) {
        k = publicKeys.push(job.entry.publicKey) - 1
        index.set(job.entry.publicKey, k)
      }
      which[i] = k
      total += job.message.length
      ends[i] = total
    })
    const messages = new Uint8Array(total)
    const signatures = new Uint8Array(64 * jobs.length)
    jobs.forEach((job, i) => {
      messages.set(job.message, (ends[i] as number) - job.message.length)
      signatures.set(job.signature, 64 * i)
    })
    const id = this.next
    const worker = this.worker()
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject })
      worker.postMessage({ id, publicKeys, keyOf: which, ends, messages, signatures }, [
        which.buffer,
        ends.buffer,
        messages.buffer,
        signatures.buffer,
      ])
    })
  }

  /** The verdict for `command` under `entry`, if the pool verified exactly that (same key, same signature text). */
  static answer(verdicts: Verdicts, command: Command, entry: KeyEntry): boolean | undefined {
    const v = verdicts.get(command)
    return v !== undefined &&
      v.publicKey === entry.publicKey &&
      v.keyId === entry.keyId &&
      v.value === command.signature?.value
      ? v.ok
      : undefined
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()))
    this.workers.length = 0
  }
}

/** The job for one event's signed command, as verifyCommandSignature would check it; undefined to leave it to the replay. */
function prepare(record: RecordedEvent, check: SignatureCheck): Job | undefined {
  try {
    const command = record.command
    const signature = command?.signature
    if (command === undefined || typeof signature !== 'object' || signature === null) return undefined
    if (typeof signature.keyId !== 'string' || typeof signature.value !== 'string') return undefined
    const keyring = record.keyring === undefined ? undefined : check.keyring(record.keyring)
    const entry = keyring === undefined ? undefined : findKeyEntry(keyring, signature.keyId)
    if (entry === undefined || fromBase64url(entry.publicKey)?.length !== 32) return undefined
    const bytes = fromBase64url(signature.value)
    if (bytes === undefined || bytes.length !== 64) return undefined
    return {
      command,
      entry,
      value: signature.value,
      message: commandSigningBytes(command, entry.keyId),
      signature: bytes,
    }
  } catch {
    return undefined // a command too malformed to render: the replay names what is wrong
  }
}
