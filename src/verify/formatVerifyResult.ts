import pc from 'picocolors'
import type { CheckPhrase } from '../../machines/checkPhrases.js'
import type { InvariantId } from '../invariants/Invariant.js'
import type { Counterexample, VerifyResult } from './VerifyResult.js'

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`

/**
 * The words of the verifier's report, so the CLI can print it in its language. What the verifier
 * found (counterexample steps, violations, notes, reasons, warnings) is worded by `say` from its
 * phrase; a finding with none is the result's own English.
 */
export interface VerifyWords {
  /** A finding in words: the result's English, or its phrase in this language. */
  say(english: string, phrase: CheckPhrase | undefined): string
  policy(id: string, bug: string | null): string
  size(states: number, transitions: number): string
  explored: string
  exploredInPart: string
  seconds(seconds: string): string
  /** A counterexample step's time ("day 14"), from the explorer's clock and the result's English. */
  day(at: number, english: string): string
  interchangeableHolders(key: string): string
  alikeKeys(keys: string): string
  /** The kinds of initiative that share their review (`VerifyResult.sharedReview`). */
  sharedReview(kinds: readonly string[]): string
  /** An invariant's name and statement, from its id and the result's English. */
  name(id: InvariantId, english: string): string
  statement(id: InvariantId, english: string): string
  vacuous(reason: string): string
  unproven(note: string): string
  notApplicable(note: string): string
  holes: string
  neverBind: string
  soVacuous(ids: string): string
  warnings: string
  allHold(vacuousIds: string): string
  noVerdict: string
  violated(n: number): string
  holeCount(n: number): string
}

/** "a, b and c" (the platform's own list words; British usage has no comma before "and"). */
const listed = (items: readonly string[]) =>
  new Intl.ListFormat('en-GB', { type: 'conjunction' }).format(items)

export const ENGLISH_VERIFY_WORDS: VerifyWords = {
  say: (english) => english,
  policy: (id, bug) => (bug === null ? `policy "${id}"` : `policy "${id}" with bug "${bug}"`),
  size: (states, transitions) => `${plural(states, 'state')}, ${plural(transitions, 'transition')}`,
  explored: 'explored',
  exploredInPart: 'explored in part',
  seconds: (seconds) => `in ${seconds} s`,
  day: (_at, english) => english,
  interchangeableHolders: (key) =>
    `the holders of key "${key}" are interchangeable: states that differ only by renaming them count once`,
  alikeKeys: (keys) => `keys ${keys} are alike: states that differ only by swapping them count once`,
  sharedReview: (kinds) =>
    `the ${listed(kinds)} initiatives share their review: states before approval that differ only by which one it is count once`,
  name: (_id, english) => english,
  statement: (_id, english) => english,
  vacuous: (reason) => `(vacuous: ${reason})`,
  unproven: (note) => `(unproven: ${note})`,
  notApplicable: (note) => `(does not apply: ${note})`,
  holes: 'Holes in the policy',
  neverBind: 'Rules that never bind',
  soVacuous: (ids) => ` (so ${ids} holds vacuously)`,
  warnings: 'Warnings',
  allHold: (ids) => `every invariant that applies holds${ids === '' ? '' : ` (${ids} only vacuously)`}`,
  noVerdict: 'no verdict: the exploration is partial',
  violated: (n) => `${plural(n, 'invariant')} violated`,
  holeCount: (n) => plural(n, 'hole'),
}

function formatCounterexample(c: Counterexample, words: VerifyWords): string[] {
  const lines = c.steps.map((s) => `    ${s.n}. ${words.day(s.at, s.day)} — ${words.say(s.text, s.phrase)}`)
  lines.push(`    ${pc.red('→')} ${words.say(c.violation, c.violationPhrase)}`)
  c.notes.forEach((note, i) => {
    lines.push(`      ${pc.dim(words.say(note, c.notePhrases?.[i]))}`)
  })
  return lines
}

/**
 * The verifier's report for people: a header with the size of the space and the time, a ✓ or
 * ✗ line per invariant (each ✗ followed by its numbered counterexample; a vacuous ✓ says why,
 * an unproven one is a ?), policy holes, a partial search, the rules that never bind, then
 * warnings.
 *
 * @example
 * process.stdout.write(formatVerifyResult(verify(policy)))
 * // policy "two-keys": 169 states, 1152 transitions, verified in 0.3 s
 * // ✓ TK1 dual-key
 * // …
 */
export function formatVerifyResult(result: VerifyResult, words: VerifyWords = ENGLISH_VERIFY_WORDS): string {
  const lines: string[] = []
  lines.push(
    `${pc.bold(words.policy(result.policy, result.bug))}: ${words.size(result.states, result.transitions)}, ${
      result.complete ? words.explored : pc.yellow(words.exploredInPart)
    } ${words.seconds(result.seconds.toFixed(2))}`,
  )
  for (const key of result.interchangeableHolders) {
    lines.push(pc.dim(`  ${words.interchangeableHolders(key)}`))
  }
  for (const group of result.symmetry) {
    lines.push(pc.dim(`  ${words.alikeKeys(group.map((k) => `"${k}"`).join(', '))}`))
  }
  if (result.sharedReview.length > 0) lines.push(pc.dim(`  ${words.sharedReview(result.sharedReview)}`))
  lines.push('')
  for (const inv of result.invariants) {
    const label = `${inv.id} ${words.name(inv.id, inv.name)}`
    if (inv.status === 'holds')
      lines.push(
        `${pc.green('✓')} ${label}${inv.vacuous ? ` ${pc.yellow(words.vacuous(words.say(inv.reason ?? '', inv.reasonPhrase)))}` : ''}`,
      )
    else if (inv.status === 'unproven')
      lines.push(`${pc.yellow('?')} ${label} ${pc.dim(words.unproven(words.say(inv.note, inv.notePhrase)))}`)
    else if (inv.status === 'not-applicable')
      lines.push(`${pc.dim(`– ${label} ${words.notApplicable(words.say(inv.note, inv.notePhrase))}`)}`)
    else {
      lines.push(`${pc.red('✗')} ${pc.bold(label)}: ${words.statement(inv.id, inv.statement)}`)
      if (inv.counterexample !== undefined) lines.push(...formatCounterexample(inv.counterexample, words))
    }
  }
  if (result.holes.length > 0) {
    lines.push('', pc.bold(words.holes))
    for (const hole of result.holes) {
      lines.push(
        `${pc.red('✗')} ${words.say(hole.title, hole.titlePhrase)}`,
        ...formatCounterexample(hole.counterexample, words),
      )
    }
  }
  if (result.partial !== null)
    lines.push('', `${pc.red('✗')} ${words.say(result.partial, result.partialPhrase)}`)
  if (result.vacuity.length > 0) {
    lines.push('', pc.bold(words.neverBind))
    for (const v of result.vacuity) {
      const so = v.invariants.length === 0 ? '' : words.soVacuous(v.invariants.join(', '))
      lines.push(`${pc.yellow('⚠')} ${v.rule}: ${words.say(v.reason, v.reasonPhrase)}${so}`)
    }
  }
  if (result.warnings.length > 0) {
    lines.push('', pc.bold(words.warnings))
    result.warnings.forEach((warning, i) => {
      lines.push(`${pc.yellow('⚠')} ${words.say(warning, result.warningPhrases?.[i])}`)
    })
  }
  const failed = result.invariants.filter((i) => i.status === 'violated').length
  const vacuous = result.invariants.filter((i) => i.vacuous).map((i) => i.id)
  lines.push(
    '',
    result.ok
      ? pc.green(words.allHold(vacuous.join(', ')))
      : failed === 0 && result.holes.length === 0
        ? pc.red(words.noVerdict)
        : pc.red(
            [
              failed > 0 ? words.violated(failed) : '',
              result.holes.length > 0 ? words.holeCount(result.holes.length) : '',
            ]
              .filter((x) => x !== '')
              .join(', '),
          ),
  )
  return `${lines.join('\n')}\n`
}
