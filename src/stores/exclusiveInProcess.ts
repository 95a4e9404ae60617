/**
 * `StoreLog.exclusive` for stores one process owns: a name is held while its work runs; a second
 * caller does not wait, it is told the work ran elsewhere (the checkpoint it wanted is being made).
 */
export function exclusiveInProcess() {
  const held = new Set<string>()
  return async <T>(
    name: string,
    work: () => Promise<T>,
  ): Promise<{ ran: true; value: T } | { ran: false }> => {
    if (held.has(name)) return { ran: false }
    held.add(name)
    try {
      return { ran: true, value: await work() }
    } finally {
      held.delete(name)
    }
  }
}
