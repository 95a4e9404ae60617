interface NodeV8 {
  getHeapStatistics(): { used_heap_size: number; heap_size_limit: number }
}

// In Node the heap is measured through node:v8; in a browser there is no bound to check.
const v8 = (
  globalThis as { process?: { getBuiltinModule?: (id: string) => NodeV8 | undefined } }
).process?.getBuiltinModule?.('node:v8')

/** The share of V8's heap limit a search may fill before it stops with a clear error. */
const DEFAULT_SHARE = 0.85

/**
 * The default memory bound of a search: 85 % of this process's V8 heap limit (raise the limit
 * with `node --max-old-space-size=<MB>`), so that a search too large for memory stops with a
 * message instead of the process dying out of memory. Undefined where the heap cannot be measured.
 */
export function defaultHeapBudget(): number | undefined {
  return v8 === undefined ? undefined : Math.floor(v8.getHeapStatistics().heap_size_limit * DEFAULT_SHARE)
}

/** Bytes of V8 heap in use now, or 0 where it cannot be measured. */
export function heapUsed(): number {
  return v8 === undefined ? 0 : v8.getHeapStatistics().used_heap_size
}
