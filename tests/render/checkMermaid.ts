/**
 * A structural check of a Mermaid `stateDiagram-v2` as toMermaid writes it: every line is a
 * statement we know, ids are plain, states are declared before an edge, note or class uses
 * them, blocks close, and `--` separates regions only inside a block. Returns the problems.
 *
 * The `mermaid` package cannot parse in Node 20 (it needs a DOM, and Node 22), so this stands
 * in for its parser.
 */
export function checkMermaid(text: string): string[] {
  const problems: string[] = []
  const lines = text.split('\n')
  if (lines[0] !== 'stateDiagram-v2') problems.push(`line 1: expected "stateDiagram-v2", got "${lines[0]}"`)
  if (!text.endsWith('\n')) problems.push('the text does not end with a newline')
  const declared = new Set<string>()
  const classes = new Set<string>()
  const open: string[] = []
  let at = ''
  const known = (id = '') => {
    if (id !== '[*]' && !declared.has(id)) problems.push(`${at}: "${id}" is used before it is declared`)
  }
  const label = (value = '') => {
    if (/[;#]/.test(value))
      problems.push(`${at}: label "${value}" has ";" or "#", which Mermaid reads as syntax`)
  }
  // The first statement whose pattern matches a line checks it.
  const statements: [RegExp, (m: (string | undefined)[]) => void][] = [
    [
      /^state "([^"]*)" as (\S+)( \{)?$/,
      ([, , id = '', brace]) => {
        if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(id))
          problems.push(`${at}: id "${id}" has characters Mermaid rejects`)
        if (declared.has(id)) problems.push(`${at}: "${id}" is declared twice`)
        declared.add(id)
        if (brace !== undefined) open.push(id)
      },
    ],
    [
      /^\}$/,
      () => {
        if (open.pop() === undefined) problems.push(`${at}: "}" closes no block`)
      },
    ],
    [
      /^--$/,
      () => {
        if (open.length === 0) problems.push(`${at}: "--" outside a block`)
      },
    ],
    [
      /^(\S+) --> (\S+)(?: : (.+))?$/,
      ([, from, to, text]) => {
        known(from)
        known(to)
        label(text)
      },
    ],
    [
      /^note (?:left|right) of (\S+) : (.+)$/,
      ([, id, text]) => {
        known(id)
        label(text)
      },
    ],
    [/^classDef (\w+) \S+$/, ([, name = '']) => classes.add(name)],
    [
      /^class (\S+) (\w+)$/,
      ([, ids = '', name = '']) => {
        for (const id of ids.split(',')) known(id)
        if (!classes.has(name)) problems.push(`${at}: class "${name}" has no classDef`)
      },
    ],
    [
      /^(\S+) : (.+)$/,
      ([, id, text]) => {
        known(id)
        label(text)
      },
    ],
  ]
  lines.slice(1).forEach((raw, index) => {
    at = `line ${index + 2}`
    const line = raw.trim()
    if (line === '') return
    const found = statements.find(([pattern]) => pattern.test(line))
    if (found === undefined) problems.push(`${at}: not a statement: "${line}"`)
    else found[1]([...(line.match(found[0]) ?? [])])
  })
  if (open.length > 0) problems.push(`unclosed block(s): ${open.join(', ')}`)
  return problems
}

/** The text of the block `state "…" as id { … }`, without its braces. */
export function mermaidBlock(text: string, id: string): string {
  const lines = text.split('\n')
  const start = lines.findIndex((l) => l.trim().endsWith(` as ${id} {`))
  if (start < 0) return ''
  let depth = 0
  const body: string[] = []
  for (const line of lines.slice(start)) {
    if (line.trim().endsWith('{')) depth++
    if (line.trim() === '}') depth--
    if (depth === 0) break
    body.push(line)
  }
  return body.slice(1).join('\n')
}
