import Database from 'better-sqlite3'
import { eventHash } from '../../../src/domain/eventHash.js'
import type { RecordedEvent } from '../../../src/stores/Store.js'
import { type EventRow, fromEventRow, toEventRow } from '../../../src/stores/storedRows.js'

/**
 * Works on a twokeys SQLite file as an insider with write access to the database would: the
 * append-only triggers dropped first, then any SQL.
 */
export function asInsider<T>(path: string, work: (db: Database.Database) => T): T {
  const db = new Database(path)
  try {
    const triggers = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'trigger'")
      .all()
    for (const { name } of triggers) db.exec(`DROP TRIGGER "${name}"`)
    return work(db)
  } finally {
    db.close()
  }
}

/** Recomputes every link and hash, as a forger who read the README's recipe would. */
export function rechain(records: readonly RecordedEvent[]): RecordedEvent[] {
  const out: RecordedEvent[] = []
  let prevHash = ''
  for (const { hash: _old, ...record } of records) {
    const unsigned = { ...record, prevHash }
    const rehashed = { ...unsigned, hash: eventHash(unsigned) }
    out.push(rehashed)
    prevHash = rehashed.hash
  }
  return out
}

/**
 * Rewrites one initiative's events in the database — `edit` gets them in seq order and returns
 * the forged ones (same seqs) — with every hash and link recomputed.
 */
export function rewriteInitiative(
  path: string,
  initiativeId: string,
  edit: (records: RecordedEvent[]) => RecordedEvent[],
): void {
  asInsider(path, (db) => {
    const rows = db
      .prepare<[string], EventRow>('SELECT * FROM events WHERE initiative_id = ? ORDER BY seq')
      .all(initiativeId)
    const forged = rechain(edit(rows.map(fromEventRow)))
    const update = db.prepare<[EventRow], unknown>(
      `UPDATE events SET command_id = @command_id, command_hash = @command_hash, event = @event,
         policy_hash = @policy_hash, revision = @revision, prev_hash = @prev_hash, hash = @hash,
         command = @command, keyring = @keyring
       WHERE initiative_id = @initiative_id AND seq = @seq`,
    )
    db.transaction(() => {
      for (const record of forged) update.run(toEventRow(record))
    })()
  })
}
