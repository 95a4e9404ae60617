import { eventHash } from '../domain/eventHash.js'
import type { Policy } from '../policy/PolicySchema.js'
import type { LogLeaf } from '../tlog/logLeaf.js'
import { appendNotices } from './appendNotices.js'
import { checkCosignatureLine, sameCheckpointOrFail, withCosignatures } from './checkpointRules.js'
import { exclusiveInProcess } from './exclusiveInProcess.js'
import { leafState } from './leafState.js'
import type {
  CommandOutcome,
  RecordedEvent,
  RefusalRecord,
  Store,
  StoredKeyringChange,
  StoreLog,
} from './Store.js'
import { storeError } from './storeMessages.js'

/**
 * A store in process memory: for tests, simulations and the default engine. Nothing survives
 * the process; use the SQLite store for durability.
 *
 * @example
 * const engine = createEngine({ policy, store: memoryStore() })
 */
export function memoryStore(): Store {
  const logs = new Map<string, RecordedEvent[]>()
  const commands = new Map<string, CommandOutcome>()
  const refusalLog: RefusalRecord[] = []
  const policies = new Map<string, Policy>()
  const keyringLog: StoredKeyringChange[] = []
  const leaves: LogLeaf[] = []
  const indexes = new Map<string, number[]>()
  const checkpoints = new Map<number, { note: string; cosignatures: string[] }>()
  const notices = appendNotices()
  const cursors = new Map<string, number>()
  // What is stored is frozen, so no caller can edit history in place, and nothing needs copying out.
  const freeze = <T>(value: T): T => {
    if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
      for (const inner of Object.values(value)) freeze(inner)
      Object.freeze(value)
    }
    return value
  }

  const stored = (size: number) => {
    const found = checkpoints.get(size)
    return found === undefined ? undefined : { size, note: withCosignatures(found.note, found.cosignatures) }
  }
  const log: StoreLog = {
    async size() {
      return leaves.length
    },
    async leaves(from, to) {
      return leaves.slice(from, to)
    },
    async placesOf(initiativeId) {
      return (indexes.get(initiativeId) ?? []).map((index) => {
        const { state } = leaves[index] as LogLeaf
        return state === undefined ? { index } : { index, state }
      })
    },
    async saveCheckpoint({ size, note }) {
      const found = checkpoints.get(size)
      if (found !== undefined) sameCheckpointOrFail(size, found.note, note)
      else checkpoints.set(size, { note, cosignatures: [] })
    },
    async addCosignatures(size, lines) {
      const found = checkpoints.get(size)
      if (found === undefined) throw storeError('NOT_FOUND', 'store.noCheckpoint', { size })
      for (const line of lines.map(checkCosignatureLine))
        if (!found.cosignatures.includes(line)) found.cosignatures.push(line)
    },
    async latestCheckpoint() {
      return checkpoints.size === 0 ? undefined : stored(Math.max(...checkpoints.keys()))
    },
    async checkpoints() {
      return [...checkpoints.keys()]
        .sort((a, b) => a - b)
        .map((size) => stored(size) as { size: number; note: string })
    },
    async cursor(name) {
      return cursors.get(name) ?? 0
    },
    async setCursor(name, position) {
      cursors.set(name, Math.max(position, cursors.get(name) ?? 0))
    },
    exclusive: exclusiveInProcess(),
  }

  return {
    kind: 'memory',
    async readEvents(initiativeId, afterSeq = 0) {
      // seq n sits at index n - 1: the log is dense and append-only.
      const log = logs.get(initiativeId)
      return log === undefined || log.length <= afterSeq ? [] : log.slice(afterSeq)
    },
    async append(initiativeId, expectedSeq, events, options) {
      const state = leafState(options, events.at(-1)?.seq)
      const log = logs.get(initiativeId) ?? []
      if (log.length !== expectedSeq) {
        throw storeError('CONFLICT', 'store.atOtherEvent', {
          initiative: initiativeId,
          at: log.length,
          expected: expectedSeq,
        })
      }
      for (const event of events) {
        if (commands.has(event.commandId)) {
          throw storeError('CONFLICT', 'store.commandStored', { commandId: event.commandId })
        }
      }
      const stored = freeze(events)
      // One at a time: spreading a long batch onto the call stack overflows it (an import of 130k events).
      for (const event of stored) log.push(event)
      logs.set(initiativeId, log)
      for (const event of stored) commands.set(event.commandId, { kind: 'accepted', event })
      const mine = indexes.get(initiativeId) ?? []
      for (const event of stored) {
        mine.push(leaves.length)
        const leaf = { initiativeId, seq: event.seq, hash: event.hash }
        leaves.push(freeze(state !== null && event === stored.at(-1) ? { ...leaf, state } : leaf))
      }
      indexes.set(initiativeId, mine)
      const last = stored.at(-1)
      if (last !== undefined) notices.notify({ initiativeId, seq: last.seq })
    },
    async listInitiatives() {
      return [...logs.keys()]
    },
    async findCommand(commandId) {
      return commands.get(commandId)
    },
    async recordRefusal(refusal) {
      const earlier = commands.get(refusal.commandId)
      if (earlier !== undefined) return earlier
      const unsigned = { ...refusal, prevHash: refusalLog.at(-1)?.hash ?? '' }
      const record = freeze({ ...unsigned, hash: eventHash(unsigned) })
      refusalLog.push(record)
      commands.set(refusal.commandId, { kind: 'refused', refusal: record })
      return undefined
    },
    async appendKeyringChange(entry) {
      if (entry.version !== keyringLog.length + 1) {
        throw storeError('CONFLICT', 'store.keyringAtVersion', {
          at: keyringLog.length,
          version: entry.version,
        })
      }
      keyringLog.push(freeze(entry))
    },
    async keyringChanges(afterVersion = 0) {
      return keyringLog.slice(afterVersion)
    },
    async commandIndex() {
      return [...commands].map(([commandId, outcome]) =>
        outcome.kind === 'accepted'
          ? { commandId, initiativeId: outcome.event.initiativeId, outcome: 'accepted' as const }
          : { commandId, initiativeId: outcome.refusal.initiativeId, outcome: 'refused' as const },
      )
    },
    async refusals(initiativeId) {
      // A new array each time: the log itself keeps growing.
      return initiativeId === undefined
        ? [...refusalLog]
        : refusalLog.filter((r) => r.initiativeId === initiativeId)
    },
    async putPolicy(hash, policy) {
      if (!policies.has(hash)) policies.set(hash, freeze(policy))
    },
    async getPolicy(hash) {
      const found = policies.get(hash)
      return found === undefined ? undefined : freeze(found)
    },
    watch: notices.watch,
    log,
    async close() {},
  }
}
