import type { LogLeaf } from '../tlog/logLeaf.js'
import { checkCosignatureLine, sameCheckpointOrFail, withCosignatures } from './checkpointRules.js'
import type { PostgresConnection } from './postgresConnection.js'
import type { StoredCheckpoint, StoreLog } from './Store.js'
import { storeError } from './storeMessages.js'

const COSIGNED = `SELECT c.size, c.note,
    coalesce((SELECT string_agg(line, E'\\n' ORDER BY position) FROM cosignatures s WHERE s.size = c.size), '') AS lines
  FROM checkpoints c`

const toCheckpoint = (row: { size: string | number; note: string; lines: string }): StoredCheckpoint => ({
  size: Number(row.size),
  note: withCosignatures(row.note, row.lines === '' ? [] : row.lines.split('\n')),
})

/**
 * The PostgreSQL store's Merkle log: its leaves (indexed by the append that stored their events),
 * checkpoints with their cosignatures, the log's cursors and its exclusive jobs (a session
 * advisory lock per name).
 */
export function postgresLog({ query, inTransaction, connect, schema }: PostgresConnection): StoreLog {
  return {
    async size() {
      const [row] = await query<{ size: string }>('read the log size', 'SELECT size FROM log_head')
      return Number(row?.size ?? 0)
    },
    async leaves(from, to) {
      const rows = await query<{ initiative_id: string; seq: number; hash: string; state: string | null }>(
        'read the log',
        `SELECT e.initiative_id, e.seq, e.hash, l.state FROM log l JOIN events e ON e.position = l.position
         WHERE l.idx >= $1 AND l.idx < $2 ORDER BY l.idx`,
        [from, to],
      )
      return rows.map((r): LogLeaf => {
        const leaf = { initiativeId: r.initiative_id, seq: r.seq, hash: r.hash }
        return r.state === null ? leaf : { ...leaf, state: r.state }
      })
    },
    async placesOf(initiativeId) {
      const rows = await query<{ idx: string; state: string | null }>(
        'read log places',
        'SELECT l.idx, l.state FROM events e JOIN log l ON l.position = e.position WHERE e.initiative_id = $1 ORDER BY e.seq',
        [initiativeId],
      )
      return rows.map((r) =>
        r.state === null ? { index: Number(r.idx) } : { index: Number(r.idx), state: r.state },
      )
    },
    async saveCheckpoint({ size, note }) {
      await inTransaction('store a checkpoint', async (client) => {
        await client.query(
          'INSERT INTO checkpoints (size, note) VALUES ($1, $2) ON CONFLICT (size) DO NOTHING',
          [size, note],
        )
        const stored = await client.query<{ note: string }>('SELECT note FROM checkpoints WHERE size = $1', [
          size,
        ])
        sameCheckpointOrFail(size, stored.rows[0]?.note ?? '', note)
      })
    },
    async addCosignatures(size, lines) {
      const checked = lines.map(checkCosignatureLine)
      await inTransaction('store cosignatures', async (client) => {
        const found = await client.query('SELECT 1 FROM checkpoints WHERE size = $1', [size])
        if (found.rowCount === 0) throw storeError('NOT_FOUND', 'store.noCheckpoint', { size })
        for (const line of checked)
          await client.query(
            'INSERT INTO cosignatures (size, line) VALUES ($1, $2) ON CONFLICT (size, line) DO NOTHING',
            [size, line],
          )
      })
    },
    async latestCheckpoint() {
      const [row] = await query<{ size: string; note: string; lines: string }>(
        'read the latest checkpoint',
        `${COSIGNED} ORDER BY c.size DESC LIMIT 1`,
      )
      return row === undefined ? undefined : toCheckpoint(row)
    },
    async checkpoints() {
      const rows = await query<{ size: string; note: string; lines: string }>(
        'read checkpoints',
        `${COSIGNED} ORDER BY c.size`,
      )
      return rows.map(toCheckpoint)
    },
    async cursor(name) {
      const [row] = await query<{ position: string }>(
        'read a log cursor',
        'SELECT position FROM log_cursors WHERE name = $1',
        [name],
      )
      return Number(row?.position ?? 0)
    },
    async setCursor(name, position) {
      await query(
        'move a log cursor',
        `INSERT INTO log_cursors (name, position) VALUES ($1, $2)
         ON CONFLICT (name) DO UPDATE SET position = greatest(log_cursors.position, excluded.position)`,
        [name, position],
      )
    },
    async exclusive(name, work) {
      // A session advisory lock: held across this instance's work, released if the process dies.
      const client = await connect({ lock: name })
      const key = `twokeys:${schema ?? 'default'}:${name}`
      try {
        const got = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS ok', [
          key,
        ])
        if (got.rows[0]?.ok !== true) return { ran: false }
        try {
          return { ran: true, value: await work() }
        } finally {
          await client.query('SELECT pg_advisory_unlock(hashtext($1))', [key]).catch(() => {})
        }
      } finally {
        client.release()
      }
    },
  }
}
