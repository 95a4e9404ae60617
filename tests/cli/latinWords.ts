import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'

/**
 * What stays as it is in every language: the ids a policy names (principals, keys, regions,
 * objectives, destinations, its own id), so an output's own words can be told from them.
 */
export function policyIds(...files: string[]): string[] {
  return files.flatMap((file) => {
    const p = loadPolicyFile(file)
    return [
      p.id,
      ...p.principals.map((x) => x.id),
      ...p.keys.map((k) => k.id),
      ...p.regions.map((r) => r.id),
      ...p.objectives,
      ...p.friendlyDestinations,
    ]
  })
}

/**
 * The Latin words of a text that are not ids, codes, paths, quotes or `allowed`: what an output
 * under `--lang ru` would still say in English. Codes (NOT_AUTHORIZED, TK9, PROPOSE), quoted and
 * backticked spans, paths, hashes and `--options` do not count.
 */
export function latinWords(text: string, allowed: readonly string[] = []): string[] {
  let rest = text
    .replace(/`[^`]*`/g, ' ')
    .replace(/«[^»]*»/g, ' ')
    .replace(/"[^"]*"/g, ' ')
    .replace(/\S*[/\\]\S*/g, ' ')
    .replace(/--[a-z-]+/g, ' ')
  for (const id of [...allowed].sort((a, b) => b.length - a.length)) rest = rest.replaceAll(id, ' ')
  return (rest.match(/\b[A-Za-z][A-Za-z-]*[a-z][A-Za-z-]*\b/g) ?? []).filter(
    (w) => !/^[0-9a-f]+$/.test(w) && !/^[A-Z0-9_]+$/.test(w),
  )
}
