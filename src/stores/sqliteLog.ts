import type { LogLeaf } from '../tlog/logLeaf.js'
import { checkCosignatureLine, sameCheckpointOrFail, withCosignatures } from './checkpointRules.js'
import { exclusiveInProcess } from './exclusiveInProcess.js'
import type { StoredCheckpoint, StoreLog } from './Store.js'
import type { Db } from './sqliteDatabase.js'
import type { SqliteStatements } from './sqliteStatements.js'
import { type StoreDoing, storeError } from './storeMessages.js'

/**
 * The SQLite store's Merkle log: its leaves (written by the store's append), checkpoints with
 * their cosignatures, the log's cursors, and exclusive jobs (in this process: one file, one host).
 * `run` turns a driver error into the store's own.
 */
export function sqliteLog(
  db: Db,
  sql: SqliteStatements,
  run: <T>(doing: StoreDoing, work: () => T) => Promise<T>,
): StoreLog {
  const saveCheckpoint = db.transaction(({ size, note }: StoredCheckpoint) => {
    const found = sql.checkpointNote.get(size)
    if (found !== undefined) sameCheckpointOrFail(size, found.note, note)
    else sql.insertCheckpoint.run(size, note)
  })
  const addCosignatures = db.transaction((size: number, lines: readonly string[]) => {
    if (sql.checkpointNote.get(size) === undefined)
      throw storeError('NOT_FOUND', 'store.noCheckpoint', { size })
    for (const line of lines.map(checkCosignatureLine)) sql.insertCosignature.run(size, line)
  })
  const withItsCosignatures = (row: { size: number; note: string }): StoredCheckpoint => ({
    size: row.size,
    note: withCosignatures(
      row.note,
      sql.cosignaturesOf.all(row.size).map((r) => r.line),
    ),
  })
  return {
    size: () => run('read the log size', () => sql.logSize.get()?.size ?? 0),
    leaves: (from, to) =>
      run('read the log', () =>
        sql.leaves.all(from, to).map((r): LogLeaf => {
          const leaf = { initiativeId: r.initiative_id, seq: r.seq, hash: r.hash }
          return r.state === null ? leaf : { ...leaf, state: r.state }
        }),
      ),
    placesOf: (initiativeId) =>
      run('read log places', () =>
        sql.placesOf
          .all(initiativeId)
          .map((r) => (r.state === null ? { index: r.idx } : { index: r.idx, state: r.state })),
      ),
    saveCheckpoint: (checkpoint) => run('store a checkpoint', () => saveCheckpoint.immediate(checkpoint)),
    addCosignatures: (size, lines) => run('store cosignatures', () => addCosignatures.immediate(size, lines)),
    latestCheckpoint: () =>
      run('read the latest checkpoint', () => {
        const row = sql.latestCheckpoint.get()
        return row === undefined ? undefined : withItsCosignatures(row)
      }),
    checkpoints: () => run('read checkpoints', () => sql.checkpoints.all().map(withItsCosignatures)),
    cursor: (name) => run('read a log cursor', () => sql.cursor.get(name)?.position ?? 0),
    setCursor: (name, position) =>
      run('move a log cursor', () => {
        sql.setCursor.run(name, position)
      }),
    exclusive: exclusiveInProcess(),
  }
}
