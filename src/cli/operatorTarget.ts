import {
  type Board,
  type CommandInput,
  createEngine,
  type Engine,
  type ErrorCode,
  type Policy,
  TwoKeysError,
} from '../index.js'
import { readSnapshotKey } from './auditFiles.js'
import { cliErrorWords } from './cliErrorWords.js'
import { openStore } from './openStore.js'
import { loadCliPolicy } from './packagePath.js'
import { readWitnessList } from './witnessFiles.js'

/** Where an operator's command goes: an engine on a database here, or a `twokeys serve` over HTTP. */
export interface OperatorTarget {
  dispatch(command: CommandInput): Promise<unknown>
  status(initiativeId: string): Promise<Board>
  explain(command: CommandInput): Promise<unknown>
  tick(): Promise<unknown[]>
  close(): Promise<void>
  /** The policy, where the command runs on a database here (a server keeps its own). */
  policy?: Policy
}

export interface TargetOptions {
  db?: string
  policy?: string
  server?: string
  snapshotKeyFile?: string
  witnesses?: string
}

/** `--db … --policy …` (an engine in this process) or `--server URL` (a running `twokeys serve`). */
export async function openTarget(options: TargetOptions): Promise<OperatorTarget> {
  if ((options.server === undefined) === (options.db === undefined))
    throw new TwoKeysError('COMMAND_INVALID', cliErrorWords().sayWhere)
  if (options.server !== undefined) return serverTarget(options.server)
  if (options.policy === undefined) throw new TwoKeysError('COMMAND_INVALID', cliErrorWords().dbNeedsPolicy)
  const policy = loadCliPolicy(options.policy)
  const store = await openStore(options.db)
  const snapshotKey = readSnapshotKey(options.snapshotKeyFile)
  const witnesses = options.witnesses === undefined ? undefined : readWitnessList(options.witnesses)
  const engine: Engine = createEngine({
    policy,
    store,
    ...(snapshotKey === undefined ? {} : { snapshotKey }),
    ...(witnesses === undefined ? {} : { witnesses }),
  })
  return {
    dispatch: (command) => engine.dispatch(command),
    status: (id) => engine.status(id),
    explain: (command) => engine.explain(command),
    tick: () => engine.tick(),
    close: () => store.close(),
    policy,
  }
}

function serverTarget(base: string): OperatorTarget {
  let url: URL
  try {
    url = new URL(base)
  } catch {
    throw new TwoKeysError('COMMAND_INVALID', cliErrorWords().serverNotUrl(base))
  }
  const root = url.href.replace(/\/+$/, '')
  async function call<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
    let response: Response
    try {
      response = await fetch(`${root}${path}`, {
        method: init.method ?? 'GET',
        ...(init.body === undefined
          ? {}
          : { body: JSON.stringify(init.body), headers: { 'content-type': 'application/json' } }),
        signal: AbortSignal.timeout(30_000),
      })
    } catch (error) {
      throw new TwoKeysError(
        'STORE_FAILED',
        cliErrorWords().unreachable(root, error instanceof Error ? error.message : String(error)),
      )
    }
    const text = await response.text()
    let body: unknown = text
    try {
      body = JSON.parse(text)
    } catch {
      // Not JSON: reported as text below.
    }
    if (!response.ok) {
      const e = (typeof body === 'object' && body !== null ? body : {}) as {
        code?: string
        message?: string
        reasons?: string[]
      }
      throw new TwoKeysError(
        (e.code ?? 'INTERNAL') as ErrorCode,
        e.message ?? cliErrorWords().serverAnswered(response.status, text.slice(0, 300)),
        e.reasons === undefined ? {} : { reasons: e.reasons },
      )
    }
    return body as T
  }
  return {
    dispatch: (command) => call('/commands', { method: 'POST', body: command }),
    status: (id) => call<Board>(`/initiatives/${encodeURIComponent(id)}`),
    explain: (command) => {
      const { initiativeId, type, ...rest } = command as CommandInput & { initiativeId?: string }
      const query = new URLSearchParams({ type })
      for (const [k, v] of Object.entries(rest)) {
        if (v === undefined || k === 'signature' || k === 'commandId') continue
        query.set(k, typeof v === 'object' ? JSON.stringify(v) : String(v))
      }
      return call(`/initiatives/${encodeURIComponent(initiativeId ?? '-')}/explain?${query}`)
    },
    tick: () => call<unknown[]>('/tick', { method: 'POST', body: {} }),
    close: async () => {},
  }
}
