import type pg from 'pg'
import { appendNotices } from './appendNotices.js'
import { loadPg } from './optionalModule.js'
import type { AppendNotice } from './Store.js'

/**
 * Hears of appends by any instance on `channel` (PostgreSQL LISTEN/NOTIFY), for `Store.watch`:
 * one LISTENing connection per store, opened for the first watcher and re-opened after a drop,
 * whose watchers are then told to resync (notices may have been missed meanwhile).
 */
export function postgresListener(url: string, pool: pg.Pool, channel: string) {
  const notices = appendNotices()
  let listener: pg.Client | undefined
  let listening: Promise<void> | undefined

  function listen(): Promise<void> {
    listening ??= (async () => {
      const { Client } = loadPg()
      const client = new Client({ connectionString: url })
      client.on('notification', (message) => {
        try {
          const notice = JSON.parse(message.payload ?? '') as { initiativeId: string; seq: number }
          notices.notify({ initiativeId: notice.initiativeId, seq: Number(notice.seq) })
        } catch {
          notices.notify({ resync: true })
        }
      })
      client.on('error', () => {
        // Notices may have been missed while the connection was down: watchers re-read.
        listener = undefined
        listening = undefined
        client.end().catch(() => {})
        if (notices.size > 0 && !pool.ended)
          setTimeout(() => {
            if (notices.size > 0 && !pool.ended)
              listen().then(
                () => notices.notify({ resync: true }),
                () => {},
              )
          }, 1000).unref()
      })
      await client.connect()
      await client.query(`LISTEN "${channel}"`)
      listener = client
    })().catch((error) => {
      listening = undefined
      throw error
    })
    return listening
  }

  return {
    watch(onNotice: (notice: AppendNotice) => void): () => void {
      const stop = notices.watch(onNotice)
      listen().catch(() => onNotice({ resync: true }))
      return stop
    },
    async close(): Promise<void> {
      await listener?.end().catch(() => {})
      listener = undefined
    },
  }
}
