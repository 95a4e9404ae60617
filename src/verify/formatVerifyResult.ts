import pc from 'picocolors'
import type { Counterexample, VerifyResult } from './VerifyResult.js'

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`

function formatCounterexample(c: Counterexample): string[] {
  const lines = c.steps.map((s) => `    ${s.n}. ${s.day} — ${s.text}`)
  lines.push(`    ${pc.red('→')} ${c.violation}`)
  for (const note of c.notes) lines.push(`      ${pc.dim(note)}`)
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
 * // policy "two-keys": 190 states, 1371 transitions, verified in 0.4 s
 * // ✓ TK1 dual-key
 * // …
 */
export function formatVerifyResult(result: VerifyResult): string {
  const lines: string[] = []
  const what =
    result.bug === null ? `policy "${result.policy}"` : `policy "${result.policy}" with bug "${result.bug}"`
  lines.push(
    `${pc.bold(what)}: ${plural(result.states, 'state')}, ${plural(result.transitions, 'transition')}, ${
      result.complete ? 'explored' : pc.yellow('explored in part')
    } in ${result.seconds.toFixed(2)} s`,
  )
  for (const key of result.interchangeableHolders) {
    lines.push(
      pc.dim(
        `  the holders of key "${key}" are interchangeable: states that differ only by renaming them count once`,
      ),
    )
  }
  for (const group of result.symmetry) {
    lines.push(
      pc.dim(
        `  keys ${group.map((k) => `"${k}"`).join(', ')} are alike: states that differ only by swapping them count once`,
      ),
    )
  }
  lines.push('')
  for (const inv of result.invariants) {
    const label = `${inv.id} ${inv.name}`
    if (inv.status === 'holds')
      lines.push(
        `${pc.green('✓')} ${label}${inv.vacuous ? ` ${pc.yellow(`(vacuous: ${inv.reason ?? ''})`)}` : ''}`,
      )
    else if (inv.status === 'unproven')
      lines.push(`${pc.yellow('?')} ${label} ${pc.dim(`(unproven: ${inv.note})`)}`)
    else if (inv.status === 'not-applicable')
      lines.push(`${pc.dim(`– ${label} (does not apply: ${inv.note})`)}`)
    else {
      lines.push(`${pc.red('✗')} ${pc.bold(label)}: ${inv.statement}`)
      if (inv.counterexample !== undefined) lines.push(...formatCounterexample(inv.counterexample))
    }
  }
  if (result.holes.length > 0) {
    lines.push('', pc.bold('Holes in the policy'))
    for (const hole of result.holes) {
      lines.push(`${pc.red('✗')} ${hole.title}`, ...formatCounterexample(hole.counterexample))
    }
  }
  if (result.partial !== null) lines.push('', `${pc.red('✗')} ${result.partial}`)
  if (result.vacuity.length > 0) {
    lines.push('', pc.bold('Rules that never bind'))
    for (const v of result.vacuity) {
      const so = v.invariants.length === 0 ? '' : ` (so ${v.invariants.join(', ')} holds vacuously)`
      lines.push(`${pc.yellow('⚠')} ${v.rule}: ${v.reason}${so}`)
    }
  }
  if (result.warnings.length > 0) {
    lines.push('', pc.bold('Warnings'))
    for (const warning of result.warnings) lines.push(`${pc.yellow('⚠')} ${warning}`)
  }
  const failed = result.invariants.filter((i) => i.status === 'violated').length
  const vacuous = result.invariants.filter((i) => i.vacuous).map((i) => i.id)
  lines.push(
    '',
    result.ok
      ? pc.green(
          `every invariant that applies holds${vacuous.length === 0 ? '' : ` (${vacuous.join(', ')} only vacuously)`}`,
        )
      : failed === 0 && result.holes.length === 0
        ? pc.red('no verdict: the exploration is partial')
        : pc.red(
            [
              failed > 0 ? `${plural(failed, 'invariant')} violated` : '',
              result.holes.length > 0 ? plural(result.holes.length, 'hole') : '',
            ]
              .filter((x) => x !== '')
              .join(', '),
          ),
  )
  return `${lines.join('\n')}\n`
}
