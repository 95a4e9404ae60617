import pc from 'picocolors'
import {
  describeAction,
  type KeyStatus,
  narrationIn,
  type Policy,
  RUSSIAN_ACTION_WORDS,
  type ScriptRun,
  type ScriptStep,
  STEP_COMMANDS,
  type StepResult,
} from '../index.js'
import { cliLanguage, cliWords, phaseName, reasonsForPeople } from './cliLanguage.js'
import { saidForPeople } from './errorForPeople.js'
import { formatBoard } from './formatBoard.js'

const STATUS_MARK: Record<KeyStatus, string> = {
  turned: '✓',
  pending: '○',
  refused: '✖',
  stale: '↺',
  expired: '⌛',
  waived: '–',
}

const time = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ')

function wrap(text: string, width: number, indent: string): string {
  const words = text.split(/\s+/)
  const lines: string[] = []
  let line = ''
  for (const word of words) {
    if (line.length > 0 && line.length + word.length + 1 > width) {
      lines.push(line)
      line = word
    } else line = line.length === 0 ? word : `${line} ${word}`
  }
  if (line.length > 0) lines.push(line)
  return lines.map((l) => indent + l).join('\n')
}

/**
 * A step's action line in the CLI's language: the run's own (English) words, or the script
 * step's fields in other words (ids and titles as written).
 */
function actionOf(step: StepResult, source: ScriptStep | undefined): string {
  if (cliLanguage() === 'en') return step.action
  if (step.kind === 'tick') return cliWords().tickAction
  const kind = STEP_COMMANDS.find((k) => source?.[k] !== undefined)
  if (source === undefined || kind === undefined) return step.action
  return describeAction(kind, source[kind] as Record<string, unknown>, RUSSIAN_ACTION_WORDS)
}

/**
 * One step of the decision trail: who did what, when, and what the machine said. `source` is
 * the script's step, whose narration translation and fields word the line in the CLI's language.
 */
export function formatStep(
  step: StepResult,
  options: { narrate: boolean; source?: ScriptStep | undefined },
): string {
  const words = cliWords()
  const out: string[] = []
  const say = options.source === undefined ? step.say : narrationIn(options.source, cliLanguage())
  if (options.narrate && say !== undefined) out.push('', pc.italic(wrap(say, 88, '  ')))
  if (step.kind === 'say') return out.join('\n')
  const n = String(step.index).padStart(3)
  const who = (step.by ?? '').padEnd(16)
  const where = step.initiative === undefined ? '' : pc.dim(` [${step.initiative}]`)
  out.push(
    `${pc.dim(n)}  ${pc.dim(time(step.at))}  ${pc.cyan(who)} ${actionOf(step, options.source)}${where}`,
  )
  const pad = ' '.repeat(24)
  if (step.kind === 'tick') {
    const fired = step.fired ?? []
    out.push(
      `${pad}${fired.length === 0 ? pc.dim(words.nothingDue) : fired.map((f) => `⏰ ${f.initiative} → ${phaseName(f.phase)}`).join(', ')}`,
    )
  } else if (step.outcome === 'accepted') {
    const keys = ['review', 'plenary', 'returned'].includes(step.phase ?? '')
      ? pc.dim(`  (${(step.keys ?? []).map((k) => `${k.key} ${STATUS_MARK[k.status]}`).join(', ')})`)
      : ''
    const phase = step.phase === undefined ? '' : pc.dim(` → ${phaseName(step.phase)}`)
    out.push(`${pad}${pc.green(`✓ ${words.accepted}`)}${phase}${keys}${surprise(step)}`)
  } else {
    const expected = step.expected === 'refused' ? pc.dim(` ${words.asExpected}`) : ''
    out.push(`${pad}${pc.red(`✖ ${words.refused} ${step.code ?? ''}`)}${expected}${surprise(step)}`)
    const reasons =
      step.said === undefined
        ? reasonsForPeople(step.reasons ?? [], step.phrases)
        : (step.reasons ?? []).map((reason) => saidForPeople(step.said, reason))
    for (const reason of reasons) out.push(wrap(reason, 80, `${pad}  `))
  }
  return out.join('\n')
}

const surprise = (step: StepResult) => {
  if (!step.surprise) return ''
  const words = cliWords()
  return pc.bold(
    pc.red(`  ${step.expected === undefined ? words.unexpected : words.expected(step.expected)}`),
  )
}

/** The end of a run: the final board of every initiative and a one-line tally. */
export function formatRunSummary(run: ScriptRun, policy?: Policy): string {
  const words = cliWords()
  const boards = run.boards.map((b) => formatBoard(b, policy)).join('\n\n')
  const accepted = run.steps.filter((s) => s.outcome === 'accepted').length
  const tally = `${words.tally(accepted, run.refusals)}${
    run.surprises === 0 ? '' : pc.red(words.notAsExpected(run.surprises))
  }`
  return `\n${pc.bold(words.finalBoard)}\n\n${boards}\n\n${tally}`
}
