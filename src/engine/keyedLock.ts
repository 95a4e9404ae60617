/** Runs work for one key after every earlier piece of work for the same key. */
export type KeyedLock = <T>(key: string, work: () => Promise<T>) => Promise<T>

/**
 * One writer per key inside this process: work queued under a key runs after the work queued
 * before it under that key, while different keys run side by side. Settled chains are dropped so
 * the map holds only keys with work in flight.
 *
 * @example
 * const withLock = createKeyedLock()
 * await Promise.all([withLock('a', first), withLock('a', second)]) // second starts after first
 */
export function createKeyedLock(): KeyedLock {
  const tails = new Map<string, Promise<unknown>>()
  return <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const previous = tails.get(key)
    // Nobody waiting: start now, without chaining onto a resolved promise.
    const next = previous === undefined ? work() : previous.then(work, work)
    const settled = next.then(
      () => {
        if (tails.get(key) === settled) tails.delete(key)
      },
      () => {
        if (tails.get(key) === settled) tails.delete(key)
      },
    )
    tails.set(key, settled)
    return next
  }
}
