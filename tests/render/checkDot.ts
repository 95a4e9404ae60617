/**
 * A structural check of Graphviz DOT as toDot writes it: braces balance outside quoted
 * strings, every line is a statement we know, every edge end is a declared node, and
 * `lhead`/`ltail` name a cluster that holds that end. Returns the problems.
 */
export function checkDot(text: string): string[] {
  const problems: string[] = []
  // Quoted strings may hold braces (record labels); drop their content first.
  const lines = text.replace(/"(?:[^"\\]|\\.)*"/g, '""').split('\n')
  if (lines[0] !== 'digraph "" {') problems.push(`line 1: expected 'digraph "…" {', got "${lines[0]}"`)
  const nodes = new Map<string, string[]>() // node → the clusters around it
  const clusters = new Set<string>()
  const stack: string[] = []
  const edges: { from: string; to: string; attrs: string; at: string }[] = []
  let closed = false
  let at = ''
  const statements: [RegExp, (m: (string | undefined)[]) => void][] = [
    [
      /^subgraph (cluster_\w+) \{$/,
      ([, cluster = '']) => {
        if (clusters.has(cluster)) problems.push(`${at}: cluster "${cluster}" declared twice`)
        clusters.add(cluster)
        stack.push(cluster)
      },
    ],
    [
      /^\}$/,
      () => {
        if (stack.pop() === undefined) closed = true
      },
    ],
    [
      /^(\w+) -> (\w+)(?: \[(.*)\])?$/,
      ([, from = '', to = '', attrs = '']) => edges.push({ from, to, attrs, at }),
    ],
    [/^(?:node|edge) \[.*\]$/, () => {}],
    [
      /^(\w+) \[.*\]$/,
      ([, node = '']) => {
        if (nodes.has(node)) problems.push(`${at}: node "${node}" declared twice`)
        nodes.set(node, [...stack])
      },
    ],
    [/^\w+=(?:""|[\w#.]+)$/, () => {}],
  ]
  lines.slice(1).forEach((raw, index) => {
    at = `line ${index + 2}`
    const line = raw.trim()
    if (line === '') return
    if (closed) problems.push(`${at}: text after the closing "}"`)
    const found = statements.find(([pattern]) => pattern.test(line))
    if (found === undefined) problems.push(`${at}: not a statement: "${line}"`)
    else found[1]([...(line.match(found[0]) ?? [])])
  })
  if (!closed) problems.push('the graph is not closed with "}"')
  if (stack.length > 0) problems.push(`unclosed cluster(s): ${stack.join(', ')}`)
  for (const edge of edges) {
    for (const end of [edge.from, edge.to]) {
      if (!nodes.has(end)) problems.push(`${edge.at}: edge end "${end}" is not declared`)
    }
    for (const [attr, end] of [
      ['ltail', edge.from],
      ['lhead', edge.to],
    ] as const) {
      const cluster = edge.attrs.match(new RegExp(`${attr}=(\\w+)`))?.[1]
      if (cluster !== undefined && !(nodes.get(end) ?? []).includes(cluster)) {
        problems.push(`${edge.at}: ${attr}=${cluster} does not hold "${end}"`)
      }
    }
  }
  return problems
}
