import { nanoid } from 'nanoid'
import type { Phase } from '../../machines/describeState.js'
import type { Phrase } from '../../machines/refusalMessages.js'
import type { CommandInput } from '../domain/Command.js'
import { type ErrorPhrase, isTwoKeysError, type TwoKeysError } from '../domain/TwoKeysError.js'
import { DAY_MS } from '../domain/timeUnits.js'
import { createEngine } from '../engine/createEngine.js'
import type { Board, KeyStatus } from '../engine/keyBoard.js'
import { manualClock } from '../engine/systemClock.js'
import type { PrivateKeyFile } from '../identity/PrivateKeyFile.js'
import { signCommand } from '../identity/signCommand.js'
import type { Policy } from '../policy/PolicySchema.js'
import type { Store } from '../stores/Store.js'
import { describeAction } from './describeAction.js'
import { resolveScriptTime, type Script, type ScriptStep, STEP_COMMANDS } from './ScriptSchema.js'
import { scriptKeys } from './scriptIdentity.js'

/** What one step of a script did. */
export interface StepResult {
  index: number
  at: number
  say?: string
  kind: 'say' | 'tick' | (typeof STEP_COMMANDS)[number]
  initiative?: string
  by?: string
  /** The command in a few words: "approve presidential-administration". */
  action: string
  outcome: 'accepted' | 'refused' | 'narration'
  /** The initiative's phase after the step. */
  phase?: Phase
  /** Each key's status after an accepted step. */
  keys?: { key: string; status: KeyStatus }[]
  code?: string
  reasons?: string[]
  /** The reasons as phrases, when the rules gave them (for output in another language). */
  phrases?: Phrase[]
  /**
   * A refusal without the rules' reasons (a signature check): its one reason, the error's own
   * message, as a phrase of an error table (`TwoKeysError.said`), for output in another language.
   */
  said?: ErrorPhrase
  expected?: 'accepted' | 'refused'
  /** True when the step did not do what its `expect` said. */
  surprise: boolean
  /** For a tick: the initiatives whose deadline fired, and where they went. */
  fired?: { initiative: string; phase: Phase }[]
}

export interface ScriptRun {
  title: string | null
  policyId: string
  /** How actors were identified: by signature (`identity: signed`) or by name. */
  identity: 'asserted' | 'signed'
  /** The prefix of this run's command ids ("run-…:cmd-3") when it was given a store; null for a run on its own ("cmd-3"). */
  runId: string | null
  steps: StepResult[]
  boards: Board[]
  surprises: number
  refusals: number
}

/** Turns a script step into an engine command (script names are initiative ids). */
function toCommand(
  kind: (typeof STEP_COMMANDS)[number],
  body: Record<string, unknown>,
  at: number,
): CommandInput {
  const { initiative, as, days, ...rest } = body
  const initiativeId = (as ?? initiative) as string
  if (kind === 'delegate') {
    // Whole milliseconds, like every time: "days: 0.0000001" is rounded, not refused later.
    const until = at + Math.round(Number(days) * DAY_MS)
    return { ...rest, type: 'delegate', initiativeId, until } as CommandInput
  }
  return { ...rest, type: kind, initiativeId } as CommandInput
}

/**
 * Runs a scripted scenario through a fresh engine on a manual clock and reports every step:
 * accepted, or refused with the machine's reasons. Nothing here decides; the engine does.
 *
 * @example
 * const run = await runScript(script, policy)
 * run.steps.filter((s) => s.outcome === 'refused').map((s) => s.reasons)
 */
export async function runScript(
  script: Script,
  policy: Policy,
  options: {
    store?: Store
    runId?: string
    onStep?: (step: StepResult) => void
    /** With `identity: signed`: the private keys to sign with; keys are made for the run when absent. */
    keys?: readonly PrivateKeyFile[]
  } = {},
): Promise<ScriptRun> {
  const start = resolveScriptTime(script.start, 0)
  const clock = manualClock(start)
  // A store may hold earlier runs: their "cmd-1" is not this run's, so each such run gets its own prefix.
  const runId = options.runId ?? (options.store === undefined ? null : `run-${nanoid(12)}`)
  let counter = 0
  const nextId = () => (runId === null ? `cmd-${++counter}` : `${runId}:cmd-${++counter}`)
  const signedRun = script.identity === 'signed' || policy.identity === 'signed'
  const engine = createEngine({
    policy: signedRun ? { ...policy, identity: 'signed' } : policy,
    clock,
    ids: nextId,
    ...(options.store === undefined ? {} : { store: options.store }),
  })
  let sign: Signer | undefined
  if (signedRun) {
    const keys = scriptKeys(policy, options.keys ?? [], new Date(start).toISOString())
    if ((await engine.keyring()) === null) await engine.changeKeyring(keys.genesis)
    sign = async (command, signedBy) => {
      const key = keys.byPrincipal.get(signedBy ?? command.by)
      // A principal without a key cannot sign: the engine refuses it, as it would anyone's forgery.
      if (key === undefined) return { ...command, commandId: nextId() }
      const revision =
        command.type === 'decide' && command.revision === undefined
          ? (await engine.status(command.initiativeId)).revision.hash
          : undefined
      return signCommand(
        { ...command, commandId: nextId(), ...(revision === undefined ? {} : { revision }) } as CommandInput,
        key,
      )
    }
  }
  const steps: StepResult[] = []
  const names: string[] = []
  for (const [i, step] of script.steps.entries()) {
    clock.set(resolveScriptTime(step.at, clock()))
    const result = await runStep(engine, step, i + 1, clock(), names, sign)
    steps.push(result)
    options.onStep?.(result)
  }
  const boards: Board[] = []
  for (const name of names) boards.push(await engine.status(name))
  return {
    title: script.title ?? null,
    policyId: policy.id,
    identity: signedRun ? 'signed' : 'asserted',
    runId,
    steps,
    boards,
    surprises: steps.filter((s) => s.surprise).length,
    refusals: steps.filter((s) => s.outcome === 'refused').length,
  }
}

/** Signs a step's command as its actor, or as `signedBy` (a forgery); the command gets its id here. */
type Signer = (command: CommandInput, signedBy?: string) => Promise<CommandInput>

async function runStep(
  engine: ReturnType<typeof createEngine>,
  step: ScriptStep,
  index: number,
  at: number,
  names: string[],
  sign: Signer | undefined,
): Promise<StepResult> {
  const base = { index, at, ...(step.say === undefined ? {} : { say: step.say }) }
  if (step.tick === true) {
    const receipts = await engine.tick(at)
    return {
      ...base,
      kind: 'tick',
      action: 'tick: fire the deadlines due now',
      outcome: 'accepted',
      surprise: step.expect === 'refused',
      fired: receipts.map((r) => ({ initiative: r.initiativeId, phase: r.board.phase })),
    }
  }
  const kind = STEP_COMMANDS.find((k) => step[k] !== undefined)
  if (kind === undefined) return { ...base, kind: 'say', action: '', outcome: 'narration', surprise: false }
  const body = step[kind] as Record<string, unknown>
  const initiative = (body.as ?? body.initiative) as string
  const common = {
    ...base,
    kind,
    initiative,
    by: body.by as string,
    action: describeAction(kind, body),
    ...(step.expect === undefined ? {} : { expected: step.expect }),
  }
  try {
    const command = toCommand(kind, body, at)
    const receipt = await engine.dispatch(sign === undefined ? command : await sign(command, step.signedBy))
    if (kind === 'propose' && !names.includes(initiative)) names.push(initiative)
    return {
      ...common,
      outcome: 'accepted',
      phase: receipt.board.phase,
      keys: receipt.board.keys.map((k) => ({ key: k.key, status: k.status })),
      surprise: step.expect === 'refused',
    }
  } catch (error) {
    if (!isTwoKeysError(error)) throw error
    const phase = names.includes(initiative) ? (await engine.status(initiative)).phase : undefined
    return {
      ...common,
      outcome: 'refused',
      ...(phase === undefined ? {} : { phase }),
      code: error.code,
      reasons: error.reasons.length > 0 ? error.reasons : [error.message],
      ...(error.phrases.length === error.reasons.length && error.phrases.length > 0
        ? { phrases: error.phrases as Phrase[] }
        : {}),
      // A refusal whose one reason is its own phrased message (a signature check): its phrase.
      ...(error.said !== undefined && error.phrases.length === 0 && ownReasonOnly(error)
        ? { said: error.said }
        : {}),
      // A refusal the script did not announce is a finding.
      surprise: step.expect !== 'refused',
    }
  }
}

/** Whether a refusal's reasons are only its own message (none, or that one). */
const ownReasonOnly = (error: TwoKeysError): boolean =>
  error.reasons.length === 0 || (error.reasons.length === 1 && error.reasons[0] === error.message)
