/**
 * Maps XState state ids (`pending:presidential-administration`, `initiative.open.review`) to
 * ids Mermaid and DOT accept unquoted: letters, digits and single `_`, unique, in the given
 * order. A renderer may suffix `__something` for helper nodes without clashing.
 */
export function renderIds(stateIds: Iterable<string>): Map<string, string> {
  const ids = new Map<string, string>()
  const taken = new Set<string>()
  for (const stateId of stateIds) {
    let base = stateId.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '')
    if (!/^[A-Za-z]/.test(base)) base = `s_${base}`
    let id = base
    for (let n = 2; taken.has(id); n++) id = `${base}_${n}`
    taken.add(id)
    ids.set(stateId, id)
  }
  return ids
}
