/**
 * Runs tasks one at a time per key, in arrival order; different keys run independently. The
 * witness keys by origin, so checking a request's old size and persisting its new state are one
 * step that no other request for that log can interleave with (c2sp.org/tlog-witness's race).
 */
export function createSerializer() {
  const tails = new Map<string, Promise<unknown>>()
  return function serialize<T>(key: string, task: () => Promise<T> | T): Promise<T> {
    const previous = tails.get(key) ?? Promise.resolve()
    // A failed task must not block the queue: the next one waits for it to settle, either way.
    const run = previous.then(task, task)
    const tail = run.catch(() => undefined)
    tails.set(key, tail)
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key)
    })
    return run
  }
}
