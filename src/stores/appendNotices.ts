import type { AppendNotice } from './Store.js'

/**
 * The listeners of one store's appends, for `Store.watch`: a listener that throws is dropped from
 * this call only (a broken watcher never fails an append that is already stored).
 */
export function appendNotices() {
  const listeners = new Set<(notice: AppendNotice) => void>()
  return {
    get size() {
      return listeners.size
    },
    notify(notice: AppendNotice): void {
      for (const listener of listeners) {
        try {
          listener(notice)
        } catch {
          // The event is stored; one watcher's failure is its own.
        }
      }
    },
    watch(listener: (notice: AppendNotice) => void): () => void {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
  }
}
