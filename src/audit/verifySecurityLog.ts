import { eventHash } from '../domain/eventHash.js'
import type { RefusalRecord } from '../stores/Store.js'
import { auditPhrase, type RefusalAt } from './auditMessages.js'
import { ProblemList } from './ProblemList.js'

/** The fields a refusal's hash covers: every field but the hash, as the store chained them. */
function hashOf(r: RefusalRecord): string {
  const { initiativeId, commandId, commandHash, command, at, code, reasons, prevHash } = r
  try {
    return eventHash({ initiativeId, commandId, commandHash, command, at, code, reasons, prevHash })
  } catch {
    return '(no hash: not JSON)'
  }
}

/**
 * Checks the security log's chain, in store order: each refusal's hash matches its content and
 * its `prevHash` is the hash of the refusal before it. Refusals kept before the chain existed
 * (schema version 1) have empty hashes and may only come first. An edit is named at the refusal,
 * a deletion or insertion at the refusal after it; a cut-off tail shows in the command index.
 *
 * @example
 * const { problems } = verifySecurityLog(await store.refusals())
 */
export function verifySecurityLog(refusals: readonly RefusalRecord[]): {
  checked: number
  problems: string[]
} {
  const problems = new ProblemList()
  let chained = false
  let prevHash = ''
  for (let position = 0; position < refusals.length; position++) {
    const r = refusals[position] as RefusalRecord
    const at: RefusalAt = { position, command: r.commandId }
    if (r.hash === '' && r.prevHash === '') {
      if (chained) problems.add(auditPhrase('security.blanked', { at }))
      prevHash = ''
      continue
    }
    chained = true
    if (hashOf(r) !== r.hash) {
      problems.add(auditPhrase('security.edited', { at }))
    } else if (r.prevHash !== prevHash) {
      problems.add(auditPhrase('security.unlinked', { at }))
    }
    prevHash = r.hash
  }
  return { checked: refusals.length, problems: problems.toArray() }
}
