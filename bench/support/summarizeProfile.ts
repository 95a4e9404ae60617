/**
 * Where the time goes in a V8 CPU profile (`node --cpu-prof`): the functions with the most self
 * time, self time by package or source folder, and the functions with the most total time
 * (self + callees, each function counted once per stack).
 *
 *   npx tsx bench/support/summarizeProfile.ts <file.cpuprofile> [top = 25] [function …]
 *
 * Each function named after `top` gets a breakdown of its total time by direct callee.
 */
import { readFileSync } from 'node:fs'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

/** `node_modules/xstate/…` → 'xstate'; `/work/main/src/engine/x.ts` → 'src/engine'; internals by name. */
function area(url: string, name: string): string {
  if (url === '') return `(${name || 'native'})`
  const modules = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)
  if (modules !== null) return modules[1] as string
  const own = url.match(/\/(src\/[^/]+|machines|bench)\//)
  if (own !== null) return own[1] as string
  if (url.startsWith('node:')) return 'node internals'
  return url
}

export function summarizeProfile(profile: Profile, top = 25, focus: readonly string[] = []): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const selfOf = new Map<number, number>()
  profile.samples.forEach((id, i) => {
    selfOf.set(id, (selfOf.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0))
  })
  const label = (n: ProfileNode) => {
    const { functionName, url, lineNumber } = n.callFrame
    const file = url
      .replace(/^.*\/node_modules\//, '')
      .replace(/^file:\/\/.*?\/(src|machines|bench)\//, '$1/')
    return `${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}` : ''}`.trim()
  }
  const self = new Map<string, number>()
  const areas = new Map<string, number>()
  const total = new Map<string, number>()
  const callees = new Map(focus.map((f) => [f, new Map<string, number>()]))
  let all = 0
  // Depth-first from the root, carrying the functions already on the stack.
  const visit = (id: number, onStack: Set<string>): number => {
    const node = byId.get(id) as ProfileNode
    const key = label(node)
    const own = selfOf.get(id) ?? 0
    all += own
    self.set(key, (self.get(key) ?? 0) + own)
    const a = area(node.callFrame.url, node.callFrame.functionName)
    areas.set(a, (areas.get(a) ?? 0) + own)
    const fresh = !onStack.has(key)
    if (fresh) onStack.add(key)
    let sum = own
    const breakdown = callees.get(node.callFrame.functionName)
    if (breakdown !== undefined) breakdown.set('(self)', (breakdown.get('(self)') ?? 0) + own)
    for (const child of node.children ?? []) {
      const under = visit(child, onStack)
      sum += under
      if (breakdown !== undefined) {
        const c = label(byId.get(child) as ProfileNode)
        breakdown.set(c, (breakdown.get(c) ?? 0) + under)
      }
    }
    if (fresh) {
      onStack.delete(key)
      total.set(key, (total.get(key) ?? 0) + sum)
    }
    return sum
  }
  visit(profile.nodes[0]?.id as number, new Set())
  const pct = (x: number) => `${((100 * x) / all).toFixed(1).padStart(5)}%`
  const list = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `  ${pct(v)}  ${k}`)
      .join('\n')
  return [
    `${(all / 1e6).toFixed(2)} s sampled`,
    `self time by area:\n${list(areas, 15)}`,
    `self time by function:\n${list(self, top)}`,
    `total time by function (self + callees):\n${list(total, top)}`,
    ...[...callees].map(([f, m]) => `${f}, by direct callee (share of all samples):\n${list(m, 15)}`),
  ].join('\n\n')
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, top, ...focus] = process.argv.slice(2)
  if (file === undefined)
    throw new Error('usage: summarizeProfile.ts <file.cpuprofile> [top = 25] [function …]')
  console.log(summarizeProfile(JSON.parse(readFileSync(file, 'utf8')) as Profile, Number(top ?? 25), focus))
}
