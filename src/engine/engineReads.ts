import { phaseOf } from '../../machines/describeState.js'
import type { InitiativeContext } from '../../machines/InitiativeContext.js'
import { recordIdPhrase } from '../domain/RecordIdSchema.js'
import type { RecordIdProblem } from '../domain/recordIdMessages.js'
import type { Engine, InitiativeSummary } from './Engine.js'
import type { EngineCore } from './EngineCore.js'
import { engineError } from './engineMessages.js'
import { asOfNow } from './judgeCommand.js'
import { keyBoard } from './keyBoard.js'

/** An initiative id passed to a read, checked as a command's would be: a bad one is COMMAND_INVALID, never a crash. */
function checkedId(value: unknown, where: string): string {
  const problem: RecordIdProblem | undefined =
    typeof value === 'string'
      ? recordIdPhrase(value)
      : { key: 'recordId.notAString', params: { got: value === null ? 'null' : typeof value } }
  if (problem !== undefined) throw engineError('COMMAND_INVALID', 'engine.badId', { where, problem })
  return value as string
}

export type EngineReads = Pick<Engine, 'status' | 'history' | 'securityLog' | 'list' | 'snapshot'>

/** The engine's reads: each brings the initiative up to date (checked) first, and none writes. */
export function engineReads({ store, clock, loader }: EngineCore): EngineReads {
  return {
    async status(id) {
      const initiativeId = checkedId(id, 'status()')
      const loaded = await loader.mustLoad(initiativeId)
      const now = clock()
      return keyBoard(loaded.policy, asOfNow(loaded, now), now)
    },
    async history(id) {
      const initiativeId = checkedId(id, 'history()')
      await loader.mustLoad(initiativeId)
      return store.readEvents(initiativeId)
    },
    securityLog: async (id) => store.refusals(id === undefined ? undefined : checkedId(id, 'securityLog()')),
    async list() {
      const summaries: InitiativeSummary[] = []
      const now = clock()
      for (const initiativeId of await store.listInitiatives()) {
        const loaded = await loader.mustLoad(initiativeId)
        const snapshot = asOfNow(loaded, now)
        const context = snapshot.context as InitiativeContext
        summaries.push({
          initiativeId,
          title: context.content?.title ?? null,
          phase: phaseOf(snapshot),
          seq: loaded.seq,
        })
      }
      return summaries
    },
    async snapshot(id) {
      return (await loader.mustLoad(checkedId(id, 'snapshot()'))).snapshot
    },
  }
}
