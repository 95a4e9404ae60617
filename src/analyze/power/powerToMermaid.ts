import { renderIds } from '../../render/renderIds.js'
import type { PowerResult } from './PowerResult.js'

const quote = (text: string) => `"${text.replace(/"/g, '#quot;')}"`

/**
 * The power analysis as a Mermaid flowchart: each distinct minimal winning coalition on the left,
 * an arrow to every kind of initiative it gets approved; veto players named under each kind.
 *
 * @example
 * powerToMermaid(analyzePower(policy)) // 'flowchart LR\n  c_oreshkin_grigorenko["oreshkin + grigorenko"] --> k_federal …'
 */
export function powerToMermaid(result: PowerResult): string {
  const coalitions = new Map<string, string[]>()
  for (const k of result.kinds) {
    for (const c of k.minimalWinning) {
      const label =
        c.members.map((m) => (m.window === null ? m.id : `${m.id} (in window)`)).join(' + ') || 'no one'
      coalitions.set(label, [...(coalitions.get(label) ?? []), k.kind])
    }
  }
  const ids = renderIds([
    ...[...coalitions.keys()].map((c) => `c ${c}`),
    ...result.kinds.map((k) => `k ${k.kind}`),
  ])
  const id = (s: string) => ids.get(s) as string
  const lines = ['flowchart LR']
  for (const k of result.kinds) {
    const veto = k.indices.veto.length === 0 ? '' : `<br/>holders' veto: ${k.indices.veto.join(', ')}`
    const track = k.track === null ? 'no track' : k.track
    lines.push(`  ${id(`k ${k.kind}`)}[${quote(`${k.kind}<br/>${k.objective} → ${track}${veto}`)}]`)
  }
  for (const [label, kinds] of coalitions) {
    lines.push(`  ${id(`c ${label}`)}(${quote(label)})`)
    for (const kind of kinds) lines.push(`  ${id(`c ${label}`)} --> ${id(`k ${kind}`)}`)
  }
  return `${lines.join('\n')}\n`
}
