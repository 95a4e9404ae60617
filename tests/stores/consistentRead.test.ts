import { describe, expect, it } from 'vitest'
import { verifyStore } from '../../src/audit/verifyStore.js'
import { createEngine } from '../../src/engine/createEngine.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { postgresStore } from '../../src/stores/postgresStore.js'
import { freshSchema, pgRequired, pgSkipReason, pgUrl } from './support/postgres.js'

const policy = loadPolicyFile('machines/policies/two-keys.yaml')
const federal = { title: 'GPU cluster', objective: 'infrastructure', scope: { kind: 'federal' as const } }
const skip = pgUrl === undefined && !pgRequired

describe.skipIf(skip)(
  `reading PostgreSQL while others write${skip ? ` (skipped: ${pgSkipReason})` : ''}`,
  () => {
    it('consistentRead sees one snapshot: a commit made meanwhile by another instance is not seen until it ends', async () => {
      const { schema, drop } = await freshSchema(pgUrl as string)
      const reader = postgresStore(pgUrl as string, { schema })
      const writer = createEngine({ policy, store: postgresStore(pgUrl as string, { schema }) })
      try {
        await writer.propose({ by: 'minzifry', ...federal })
        const seen = await reader.consistentRead?.(async () => {
          const before = [await reader.log?.size(), (await reader.commandIndex()).length]
          await writer.propose({ by: 'minzifry', ...federal })
          const after = [await reader.log?.size(), (await reader.commandIndex()).length]
          return { before, after }
        })
        expect(seen?.after).toEqual(seen?.before)
        expect(await reader.log?.size()).toBe(2)
      } finally {
        await reader.close()
        await writer.store.close()
        await drop()
      }
    })

    it('verifyStore on a database being written reports no problem that is not there', async () => {
      const { schema, drop } = await freshSchema(pgUrl as string)
      const auditor = postgresStore(pgUrl as string, { schema })
      const writer = createEngine({ policy, store: postgresStore(pgUrl as string, { schema }) })
      let writing = true
      try {
        const ids: string[] = []
        for (let i = 0; i < 5; i++)
          ids.push((await writer.propose({ by: 'minzifry', ...federal })).initiativeId)
        // A writer keeps committing commands on every initiative while the audit runs, again and again.
        const load = (async () => {
          for (let n = 0; writing; n++)
            await writer.amend(ids[n % ids.length] as string, { by: 'minzifry', summary: `v${n}` })
        })()
        for (let round = 0; round < 8; round++) {
          const report = await verifyStore(auditor)
          expect(
            report.ok,
            JSON.stringify({ index: report.commandIndex.problems, audit: report.audit }),
          ).toBe(true)
        }
        writing = false
        await load
      } finally {
        writing = false
        await auditor.close()
        await writer.store.close()
        await drop()
      }
    })
  },
)
