/** The invariant ids (TK1 … TK12) that refusal reasons cite, in the order first cited. */
export function citedInvariants(reasons: readonly string[]): string[] {
  const ids: string[] = []
  for (const reason of reasons) {
    for (const [id] of reason.matchAll(/\bTK\d+\b/g)) if (!ids.includes(id)) ids.push(id)
  }
  return ids
}
