import type { CommandInput } from '../../../src/domain/Command.js'
import { parseCommand } from '../../../src/domain/parseCommand.js'
import { toBase64url } from '../../../src/identity/base64url.js'
import { newKeyPair } from '../../../src/identity/PrivateKeyFile.js'
import { commandSigningBytes, type SignedCommand, signCommand } from '../../../src/identity/signCommand.js'

/**
 * A seat taken in this browser. Its private key is either a WebCrypto Ed25519 key made
 * non-extractable (its bytes never reach a script, this page's included), where the browser
 * offers one — `localhost` and `https://` — or, on a plain `http://` class-network address, where
 * browsers give no WebCrypto, the 32-byte seed made with `crypto.getRandomValues`.
 */
export interface Seat {
  sessionId: string
  code: string
  role: string
  name: string
  keyId: string
  /** The public half, base64url (the keyring's `publicKey`). */
  publicKey: string
  key: CryptoKey | { seed: string }
}

/** The key a student makes on joining: its public half to send, and the private half to keep. */
export interface SeatKey {
  publicKey: string
  key: Seat['key']
}

const DB = 'twokeys-classroom'
const SEATS = 'seats'
/** Which of this browser's seats this tab holds: a tab can take another seat than its neighbour. */
const TAB_SEAT = 'twokeys.classroom.seat'

/** A fresh Ed25519 key: non-extractable in WebCrypto where the browser has it, else a seed. */
export async function makeSeatKey(): Promise<SeatKey> {
  try {
    const pair = (await globalThis.crypto.subtle.generateKey({ name: 'Ed25519' }, false, [
      'sign',
      'verify',
    ])) as CryptoKeyPair
    const raw = new Uint8Array(await globalThis.crypto.subtle.exportKey('raw', pair.publicKey))
    return { publicKey: toBase64url(raw), key: pair.privateKey }
  } catch {
    // No WebCrypto here (http:// on the class network) or no Ed25519 in it: the seed, as before.
    const { privateKey } = newKeyPair('student', 'pending', new Date(0).toISOString())
    return { publicKey: privateKey.x, key: { seed: privateKey.d } }
  }
}

/** Signs a command as this seat: the same bytes and signature as `signCommand` (Ed25519 is deterministic). */
export async function signAsSeat(seat: Seat, input: CommandInput): Promise<SignedCommand> {
  if (!('seed' in seat.key)) {
    const command = parseCommand(input)
    const bytes = commandSigningBytes(command, seat.keyId)
    const signature = await globalThis.crypto.subtle.sign(
      { name: 'Ed25519' },
      seat.key,
      bytes as BufferSource,
    )
    return { ...command, signature: { keyId: seat.keyId, value: toBase64url(new Uint8Array(signature)) } }
  }
  return signCommand(input, {
    kty: 'OKP',
    crv: 'Ed25519',
    x: seat.publicKey,
    d: seat.key.seed,
    kid: seat.keyId,
    principal: seat.role,
  })
}

const idOf = (seat: Pick<Seat, 'sessionId' | 'role'>) => `${seat.sessionId}/${seat.role}`

function openSeats(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1)
    request.onupgradeneeded = () => request.result.createObjectStore(SEATS)
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
}

/** One transaction on the seats store; resolves with the request's result once it is committed. */
async function onSeats<T>(
  mode: IDBTransactionMode,
  work: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const db = await openSeats()
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(SEATS, mode)
      const request = work(tx.objectStore(SEATS))
      tx.oncomplete = () => resolve(request.result)
      tx.onerror = () => reject(tx.error)
      tx.onabort = () => reject(tx.error)
    })
  } finally {
    db.close()
  }
}

const tabSeat = (): string | null => {
  try {
    return sessionStorage.getItem(TAB_SEAT)
  } catch {
    return null
  }
}

/**
 * The seat this browser holds in the session of `code`, kept in IndexedDB (by session and role),
 * so a reload, a tab the phone closed or a browser restarted keeps it: the one this tab took, else
 * the latest taken here. Undefined when there is none, or storage is off.
 */
export async function savedSeat(code: string): Promise<Seat | undefined> {
  try {
    const seats = (await onSeats('readonly', (store) => store.getAll())) as (Seat & { savedAt: number })[]
    const mine = seats.filter((s) => s.code === code).sort((a, b) => b.savedAt - a.savedAt)
    return mine.find((s) => idOf(s) === tabSeat()) ?? mine[0]
  } catch {
    return undefined
  }
}

/** Keeps the seat in this browser; with storage off, it lasts until the page is reloaded. */
export async function keepSeat(seat: Seat): Promise<void> {
  try {
    sessionStorage.setItem(TAB_SEAT, idOf(seat))
  } catch {
    // No session storage: the latest seat is the one found again.
  }
  try {
    await onSeats('readwrite', (store) => store.put({ ...seat, savedAt: Date.now() }, idOf(seat)))
  } catch {
    // IndexedDB off (a private window in some browsers): nothing to keep it in.
  }
}

/** Forgets the seat (the teacher freed it, or the session no longer has it): its key is gone from this browser. */
export async function forgetSeat(seat: Seat): Promise<void> {
  try {
    if (tabSeat() === idOf(seat)) sessionStorage.removeItem(TAB_SEAT)
  } catch {
    // No session storage.
  }
  try {
    await onSeats('readwrite', (store) => store.delete(idOf(seat)))
  } catch {
    // Nothing was kept.
  }
}
