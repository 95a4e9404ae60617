import type { KindPower, PowerCoalition, PowerMember, PowerResult } from './PowerResult.js'
import { ENGLISH_POWER_WORDS, type PowerWords } from './powerWords.js'

/** What two kinds must share to be printed once: their coalitions, blocking sets and indices. */
const signature = (k: KindPower) =>
  JSON.stringify([k.minimalWinning.map((c) => c.members), k.blocking, k.indices, k.keys])

const braces = (sets: readonly string[][]) => sets.map((s) => `{${s.join(', ')}}`).join(' · ')

function indicesTable(k: KindPower, words: PowerWords): string[] {
  const { indices } = k
  const rows = indices.holders.map((h, i) => [
    h,
    indices.veto.includes(h) ? words.yes : words.no,
    String(indices.swings[i]),
    indices.banzhaf[i]?.fraction ?? words.undefinedShare,
    indices.shapleyShubik[i]?.fraction ?? words.undefinedShare,
  ])
  const table = [words.indicesHeader, ...rows]
  const widths = words.indicesHeader.map((_, c) => Math.max(...table.map((r) => (r[c] ?? '').length)))
  return table.map((r) => `    ${r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  ')}`.trimEnd())
}

/** The smallest coalition with the most deputies: the cheapest accounts for an attacker to take. */
function cheapest(k: KindPower): PowerCoalition | undefined {
  const smallest = k.minimalWinning.filter((c) => c.members.length === k.fewestAccounts)
  const deputies = (c: PowerCoalition) => c.members.filter((m) => m.role === 'deputy').length
  return smallest.reduce<PowerCoalition | undefined>(
    (best, c) => (best === undefined || deputies(c) > deputies(best) ? c : best),
    undefined,
  )
}

function formatKind(k: KindPower, words: PowerWords): string[] {
  const lines = [
    `${k.kind}  (${words.kind(k.objective, k.track, k.keys.join(', '), k.sponsor)})`,
    `  ${words.winning(k.minimalWinning.length, k.fewestAccounts)}`,
  ]
  const example = cheapest(k)
  if (example !== undefined)
    lines.push(
      `    ${words.forInstance(example.members.map(words.member).join(' + ') || words.emptyCoalition)}`,
    )
  if (k.minimalWinning.length === 0) lines.push(`    ${words.nobody}`)
  const starred = (m: PowerMember) => (m.window === null ? m.id : `${m.id}*`)
  for (const c of k.minimalWinning)
    lines.push(`    ${c.members.map(starred).join(' + ') || words.emptyCoalition}`)
  if (k.minimalWinning.some((c) => c.members.some((m) => m.window !== null)))
    lines.push(`    ${words.starred}`)
  lines.push(`  ${k.veto.length === 0 ? words.noVeto : words.veto(k.veto.join(', '))}`)
  if (k.blocking.length > 0) lines.push(`  ${words.blocking(braces(k.blocking))}`)
  if (k.powerless.length > 0) lines.push(`  ${words.powerless(k.powerless.join(', '))}`)
  lines.push(`  ${words.holdersGame}`, ...indicesTable(k, words))
  lines.push(`  ${words.method(k.method, k.explorations)}`)
  return lines
}

/**
 * The power analysis for people: per kind of initiative, its minimal winning coalitions (members
 * described, deputies with the delegation window they acted in), veto players, blocking
 * coalitions and the key holders' indices as exact fractions; a kind with the same answer as an
 * earlier one is printed as one line.
 *
 * @example
 * process.stdout.write(formatPower(analyzePower(policy)))
 */
export function formatPower(result: PowerResult, words: PowerWords = ENGLISH_POWER_WORDS): string {
  const lines = [
    `${words.heading(result.policy.id, result.policy.title)}${result.bug === null ? '' : ` ${words.bug(result.bug)}`}`,
    words.game,
    '',
  ]
  const seen = new Map<string, string>()
  for (const k of result.kinds) {
    const sig = signature(k)
    const earlier = seen.get(sig)
    if (earlier !== undefined) {
      lines.push(
        `${k.kind}  (${words.kind(k.objective, k.track, k.keys.join(', '), k.sponsor)})`,
        `  ${words.sameAs(earlier)}`,
        '',
      )
      continue
    }
    seen.set(sig, k.kind)
    lines.push(...formatKind(k, words), '')
  }
  lines.push(words.seconds(result.seconds))
  return `${lines.join('\n')}\n`
}
