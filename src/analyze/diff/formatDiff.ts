import pc from 'picocolors'
import { sayCheck } from '../../../machines/checkPhrases.js'
import { reasonsIn } from '../../../machines/refusalMessages.js'
import type { DiffGroup, DiffResult, DiffSide, SideOutcome, StoryKey } from './DiffResult.js'
import { type DiffWords, ENGLISH_DIFF_WORDS } from './diffWords.js'
import { shapeTitle } from './shapeTitle.js'

export interface FormatDiffOptions {
  /** How many stories to print, shortest first. Default 3. */
  stories?: number
}

function keysLine(keys: readonly StoryKey[], words: DiffWords): string {
  if (keys.length === 0) return words.noKeys
  return keys
    .map(
      (k) =>
        `${k.key} ${words.status[k.status]}${k.waitingFor.length > 0 ? ` (${words.waitingFor(k.waitingFor.join(', '))})` : ''}`,
    )
    .join(', ')
}

function outcomeLines(
  side: DiffSide,
  outcome: SideOutcome,
  keys: readonly StoryKey[],
  words: DiffWords,
): string[] {
  if (outcome.accepted)
    return [
      `     ${side} ${words.accepted(words.phase(outcome.phase))}`,
      `       ${pc.dim(words.keys(side, keysLine(keys, words)))}`,
    ]
  const reasons = reasonsIn(words.messages, outcome.reasons, outcome.phrases)
  return [
    `     ${side} ${pc.red(words.refused(outcome.code ?? 'REFUSED'))}: ${reasons.join('; ')}`,
    `       ${pc.dim(words.keys(side, keysLine(keys, words)))}`,
  ]
}

function storyLines(n: number, group: DiffGroup, words: DiffWords): string[] {
  const { story } = group
  const lines = [pc.bold(words.storyHeading(n, shapeTitle(group.shape, words)))]
  story.steps.forEach((s, i) => {
    const where =
      s.phaseA === s.phaseB
        ? `${words.storyStart} → ${words.phase(s.phaseA)}`
        : `A → ${words.phase(s.phaseA)} · B → ${words.phase(s.phaseB)}`
    lines.push(`  ${i + 1}. ${sayCheck(s.phrase, words.checks)} ${pc.dim(`(${where})`)}`)
  })
  lines.push(
    `  ${story.steps.length + 1}. ${sayCheck(story.phrase, words.checks)} ${pc.yellow(`← ${words.differs}`)}`,
  )
  lines.push(
    ...outcomeLines('A', story.a, story.keysA, words),
    ...outcomeLines('B', story.b, story.keysB, words),
  )
  return lines
}

function tableLines(groups: readonly DiffGroup[], from: number, words: DiffWords): string[] {
  const { pairStates, story } = words.table
  return groups.map(
    (g, i) =>
      `  ${String(from + i).padStart(2)}  ${String(g.count).padStart(pairStates.length)}  ${String(g.length).padStart(story.length)}  ${shapeTitle(g.shape, words)}`,
  )
}

/**
 * A diff for people: the verdict, how much was searched, a table of the groups of differences
 * (how many pair states show each, the length of its shortest story) — those on names only one
 * policy has apart — then the shortest story of the first groups, step by step, with the phase
 * each policy reached and, at the differing event, each side's answer and keys.
 *
 * @example
 * process.stdout.write(formatDiff(diffPolicies(twoKeys, singleKey)))
 * // "two-keys" and "single-key" differ: 6 kinds of difference, and 3 on names only one of them has
 */
export function formatDiff(
  result: DiffResult,
  words: DiffWords = ENGLISH_DIFF_WORDS,
  options: FormatDiffOptions = {},
): string {
  const lines: string[] = []
  const all = [...result.groups, ...result.onlyInOne]
  if (result.verdict === 'agree') lines.push(pc.green(words.agree(result.a.id, result.b.id)))
  else
    lines.push(pc.red(words.differ(result.a.id, result.b.id, result.groups.length, result.onlyInOne.length)))
  lines.push(pc.dim(words.searched(result.pairs, result.eventsTried, result.seconds.toFixed(1))))
  if (all.length === 0) return `${lines.join('\n')}\n`
  const { group, pairStates, story } = words.table
  lines.push('', pc.bold(`   #  ${pairStates}  ${story}  ${group}`))
  lines.push(...tableLines(result.groups, 1, words))
  if (result.onlyInOne.length > 0) {
    lines.push(words.onlyInOneHeading, ...tableLines(result.onlyInOne, result.groups.length + 1, words))
  }
  const shown = Math.min(all.length, options.stories ?? 3)
  all.slice(0, shown).forEach((g, i) => {
    lines.push('', ...storyLines(i + 1, g, words))
  })
  if (shown < all.length) lines.push('', pc.dim(words.moreStories(all.length - shown)))
  return `${lines.join('\n')}\n`
}
