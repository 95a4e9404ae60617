import type { PrivateKeyFile } from '../../../src/identity/PrivateKeyFile.js'

/** A seat taken in this browser: kept for the tab's life, so a reload does not lose the key. */
export interface Seat {
  sessionId: string
  code: string
  role: string
  name: string
  privateKey: PrivateKeyFile
}

const SEAT_KEY = 'twokeys.classroom.seat'

export function savedSeat(code: string): Seat | undefined {
  try {
    const seat = JSON.parse(sessionStorage.getItem(SEAT_KEY) ?? 'null') as Seat | null
    return seat?.code === code ? seat : undefined
  } catch {
    return undefined
  }
}

/** Keeps the seat for the tab's life; with storage off, it lasts until the page is reloaded. */
export function keepSeat(seat: Seat): void {
  try {
    sessionStorage.setItem(SEAT_KEY, JSON.stringify(seat))
  } catch {
    // Storage off: nothing to keep it in.
  }
}
