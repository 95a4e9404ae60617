import type Database from 'better-sqlite3'
import type { Db } from './sqliteDatabase.js'
import type { EventRow, RefusalRow, SnapshotRow } from './storedRows.js'

/** A prepared statement as the store uses it (the driver's own type cannot be named in declarations). */
export interface Statement<P extends unknown[], R> {
  run(...params: P): Database.RunResult
  get(...params: P): R | undefined
  all(...params: P): R[]
}

/** Every statement of the SQLite store, prepared once when the store opens. */
export function sqliteStatements(db: Db) {
  const prepare = <P extends unknown[], R>(source: string): Statement<P, R> => db.prepare<P, R>(source)
  const eventColumns =
    'initiative_id, seq, command_id, command_hash, event, policy_hash, revision, prev_hash, hash, command, keyring'
  const refusalColumns =
    'initiative_id, command_id, command_hash, command, at, code, reasons, prev_hash, hash'
  return {
    head: prepare<[string], { seq: number | null }>(
      'SELECT max(seq) AS seq FROM events WHERE initiative_id = ?',
    ),
    events: prepare<[string, number], EventRow>(
      `SELECT ${eventColumns} FROM events WHERE initiative_id = ? AND seq > ? ORDER BY seq`,
    ),
    insertEvent: prepare<[EventRow], unknown>(
      `INSERT INTO events (${eventColumns}) VALUES (@initiative_id, @seq, @command_id, @command_hash, @event, @policy_hash, @revision, @prev_hash, @hash, @command, @keyring)`,
    ),
    insertCommand: prepare<[string, string | null, string], unknown>(
      'INSERT INTO commands (command_id, initiative_id, outcome) VALUES (?, ?, ?)',
    ),
    initiatives: prepare<[], { initiative_id: string }>(
      'SELECT initiative_id FROM events GROUP BY initiative_id ORDER BY min(position)',
    ),
    outcome: prepare<[string], { outcome: string }>('SELECT outcome FROM commands WHERE command_id = ?'),
    eventByCommand: prepare<[string], EventRow>(`SELECT ${eventColumns} FROM events WHERE command_id = ?`),
    refusalByCommand: prepare<[string], RefusalRow>(
      `SELECT ${refusalColumns} FROM refusals WHERE command_id = ? ORDER BY position LIMIT 1`,
    ),
    insertRefusal: prepare<[RefusalRow], unknown>(
      `INSERT INTO refusals (${refusalColumns}) VALUES (@initiative_id, @command_id, @command_hash, @command, @at, @code, @reasons, @prev_hash, @hash)`,
    ),
    lastRefusalHash: prepare<[], { hash: string }>(
      'SELECT hash FROM refusals ORDER BY position DESC LIMIT 1',
    ),
    commandIndex: prepare<[], { command_id: string; initiative_id: string | null; outcome: string }>(
      'SELECT command_id, initiative_id, outcome FROM commands ORDER BY command_id',
    ),
    allRefusals: prepare<[], RefusalRow>(`SELECT ${refusalColumns} FROM refusals ORDER BY position`),
    refusalsOf: prepare<[string], RefusalRow>(
      `SELECT ${refusalColumns} FROM refusals WHERE initiative_id = ? ORDER BY position`,
    ),
    putPolicy: prepare<[string, string], unknown>(
      'INSERT INTO policies (hash, policy) VALUES (?, ?) ON CONFLICT (hash) DO NOTHING',
    ),
    getPolicy: prepare<[string], { policy: string }>('SELECT policy FROM policies WHERE hash = ?'),
    saveSnapshot: prepare<[string, number, string, string, string, string], unknown>(
      `INSERT INTO snapshots (initiative_id, seq, hash, policy_hash, state, seal) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (initiative_id, seq) DO NOTHING`,
    ),
    loadSnapshot: prepare<[string, number], SnapshotRow>(
      'SELECT initiative_id, seq, hash, policy_hash, state, seal FROM snapshots WHERE initiative_id = ? AND seq <= ? ORDER BY seq DESC LIMIT 1',
    ),
    keyringHead: prepare<[], { version: number | null }>(
      'SELECT max(version) AS version FROM keyring_changes',
    ),
    insertKeyringChange: prepare<[number, string], unknown>(
      'INSERT INTO keyring_changes (version, change) VALUES (?, ?)',
    ),
    keyringChanges: prepare<[number], { version: number; change: string }>(
      'SELECT version, change FROM keyring_changes WHERE version > ? ORDER BY version',
    ),
    logSize: prepare<[], { size: number }>('SELECT coalesce(max(idx) + 1, 0) AS size FROM log'),
    insertLeaf: prepare<[number, number | bigint, string | null], unknown>(
      'INSERT INTO log (idx, position, state) VALUES (?, ?, ?)',
    ),
    leaves: prepare<
      [number, number],
      { initiative_id: string; seq: number; hash: string; state: string | null }
    >(
      `SELECT e.initiative_id, e.seq, e.hash, l.state FROM log l JOIN events e ON e.position = l.position
       WHERE l.idx >= ? AND l.idx < ? ORDER BY l.idx`,
    ),
    placesOf: prepare<[string], { idx: number; state: string | null }>(
      'SELECT l.idx, l.state FROM events e JOIN log l ON l.position = e.position WHERE e.initiative_id = ? ORDER BY e.seq',
    ),
    checkpointNote: prepare<[number], { note: string }>('SELECT note FROM checkpoints WHERE size = ?'),
    insertCheckpoint: prepare<[number, string], unknown>(
      'INSERT INTO checkpoints (size, note) VALUES (?, ?)',
    ),
    insertCosignature: prepare<[number, string], unknown>(
      'INSERT INTO cosignatures (size, line) VALUES (?, ?) ON CONFLICT (size, line) DO NOTHING',
    ),
    checkpoints: prepare<[], { size: number; note: string }>(
      'SELECT size, note FROM checkpoints ORDER BY size',
    ),
    latestCheckpoint: prepare<[], { size: number; note: string }>(
      'SELECT size, note FROM checkpoints ORDER BY size DESC LIMIT 1',
    ),
    cosignaturesOf: prepare<[number], { line: string }>(
      'SELECT line FROM cosignatures WHERE size = ? ORDER BY position',
    ),
    cursor: prepare<[string], { position: number }>('SELECT position FROM log_cursors WHERE name = ?'),
    setCursor: prepare<[string, number], unknown>(
      `INSERT INTO log_cursors (name, position) VALUES (?, ?)
       ON CONFLICT (name) DO UPDATE SET position = max(position, excluded.position)`,
    ),
    allSnapshots: prepare<[], SnapshotRow>(
      'SELECT initiative_id, seq, hash, policy_hash, state, seal FROM snapshots ORDER BY initiative_id, seq',
    ),
  }
}

export type SqliteStatements = ReturnType<typeof sqliteStatements>
