import type { Phase } from '../../../machines/describeState.js'
import { describePhase } from '../../../machines/describeState.js'
import { formatInstant } from '../../../machines/facts.js'
import type { InitiativeEvent } from '../../domain/InitiativeEvent.js'
import type { KeyLine } from '../../engine/keyBoard.js'
import { describeEvent } from '../../render/describeEvent.js'
import type {
  Divergence,
  InitiativeReplayResult,
  Migration,
  RefusedEvent,
  ReplayResult,
} from './ReplayResult.js'
import { ENGLISH_REPLAY_WORDS, type ReplayWords } from './replayWords.js'

/** How a report speaks: its words, a phase, a refusal's reasons and a key's line, in one language. */
export interface ReplayStyle {
  words: ReplayWords
  phase(phase: Phase): string
  reasons(refusal: RefusedEvent): string[]
  keyLine(line: KeyLine): string
}

export const ENGLISH_REPLAY_STYLE: ReplayStyle = {
  words: ENGLISH_REPLAY_WORDS,
  phase: describePhase,
  reasons: (r) => r.reasons,
  keyLine: (line) => line.summary,
}

const what = (event: InitiativeEvent, style: ReplayStyle) => {
  const by = 'by' in event ? ` by "${event.by}"` : ''
  return `${event.type}${by} (${describeEvent(event, style.words.events)})`
}

const refusalLine = (r: RefusedEvent, style: ReplayStyle) =>
  `${style.words.refused(r.seq, what(r.event, style))}: ${style.reasons(r).join('; ')} [${r.code}; ${r.rules.join(', ')}]`

function divergenceLine(d: Divergence, style: ReplayStyle): string {
  const { words, phase } = style
  switch (d.kind) {
    case 'refused':
      return refusalLine(d, style)
    case 'phase': {
      const waits = d.waitingFor.map((k) => `${k.key} — ${style.keyLine(k)}`).join('; ')
      const line = words.phase(d.seq, what(d.event, style), phase(d.candidate), phase(d.recorded))
      return waits === '' ? line : `${line}; ${words.waitsFor}: ${waits}`
    }
    case 'deadline':
      return `${formatInstant(d.at)} ${words.deadline(d.rule, phase(d.candidate), phase(d.recorded))}`
    case 'noDeadline':
      return `${formatInstant(d.at)} ${words.noDeadline(d.rule, phase(d.recorded), phase(d.candidate))}`
  }
}

function migrationLine(m: Migration, style: ReplayStyle): string {
  const { words, phase } = style
  if (m.ok) return `✓ ${words.migrateCan(phase(m.phase), m.moves)}`
  const b = m.block
  if (b.kind === 'refused')
    return `✖ ${words.migrateRefused(b.refusal.seq)}: ${style.reasons(b.refusal).join('; ')} [${b.refusal.rules.join(', ')}]`
  if (b.kind === 'ended') {
    const when = b.deadline === undefined ? '' : ` (${formatInstant(b.deadline.at)}, ${b.deadline.field})`
    return `✖ ${words.migrateEnded(phase(b.phase))}${when}`
  }
  return `✖ ${words.migrateInvariant(b.id)}${b.seq === null ? '' : ` (seq ${b.seq})`}: ${b.message}`
}

function initiativeLines(r: InitiativeReplayResult, style: ReplayStyle): string[] {
  const { words, phase } = style
  const title = r.title === null ? '' : ` · ${JSON.stringify(r.title)}`
  const outcome = r.changed
    ? `${phase(r.recorded)} → ${phase(r.candidate)}`
    : `${phase(r.recorded)} (${r.divergence === undefined ? words.same : words.sameJudgedOtherwise})`
  const lines = [`${r.changed ? '✖' : '✓'} ${r.initiativeId}${title}: ${outcome}`]
  if (r.divergence !== undefined)
    lines.push(`    ${words.firstDifference}: ${divergenceLine(r.divergence, style)}`)
  for (const refusal of r.refused) {
    if (r.divergence?.kind === 'refused' && r.divergence.seq === refusal.seq) continue
    lines.push(`    ${refusalLine(refusal, style)}`)
  }
  if (r.changed && r.waitingFor.length > 0) {
    lines.push(
      `    ${words.waitsFor}: ${r.waitingFor.map((k) => `${k.key} — ${style.keyLine(k)}`).join('; ')}`,
    )
  }
  if (r.migration !== undefined) lines.push(`    ${migrationLine(r.migration, style)}`)
  return lines
}

/**
 * A replay's result for people: one block per initiative (outcome recorded → candidate, the first
 * difference, every refused event with its rule, what the candidate still waits for, and with
 * `--migrate` whether it can move), then how many change outcome, by rule.
 *
 * @example
 * process.stdout.write(formatReplay(await replayStore(store, candidate)))
 */
export function formatReplay(result: ReplayResult, style: ReplayStyle = ENGLISH_REPLAY_STYLE): string {
  const { words } = style
  const { summary } = result
  const lines = [
    words.header(summary.initiatives, result.candidate.id, result.candidate.hash, formatInstant(result.at)),
    '',
  ]
  if (result.initiatives.length === 0) lines.push(words.noInitiatives)
  for (const r of result.initiatives) lines.push(...initiativeLines(r, style))
  lines.push('', words.changedSummary(summary.changed, summary.initiatives))
  for (const { rule, count } of summary.byRule) lines.push(`  ${String(count).padStart(4)}  ${rule}`)
  if (summary.migrate !== undefined) {
    lines.push(words.migrateSummary(summary.migrate.running, summary.migrate.can, summary.migrate.cannot))
  }
  return `${lines.join('\n')}\n`
}
