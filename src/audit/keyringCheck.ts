import { isTwoKeysError } from '../domain/TwoKeysError.js'
import type { Keyring } from '../identity/KeyringSchema.js'
import { replayKeyring } from '../identity/replayKeyring.js'
import type { SignatureCheck } from '../ledger/replayChecked.js'
import type { Policy } from '../policy/PolicySchema.js'
import type { RecordedEvent, Store } from '../stores/Store.js'
import { type AuditMessageParams, auditPhrase } from './auditMessages.js'
import { type ProblemPhrase, phrasedProblems } from './phrasedProblems.js'

/**
 * The store's keyring, for the audit to check signed commands with as the engine does on load:
 * every stored change replayed and checked again (its signatures by every key-holding institution
 * of the policy an initiative is pinned to), once per such policy. A change written straight into
 * the database is a problem; the signatures that named it then fail too.
 *
 * @example
 * const keyrings = await keyringCheck(store)
 * const signatures = keyrings.signaturesFor(hash, policy, events)
 */
export async function keyringCheck(store: Store) {
  const changes = await store.keyringChanges()
  const byPolicy = new Map<string, Keyring[]>()
  const problems: string[] = []
  const phrases: ProblemPhrase[] = []
  let checked = 0

  function versionsUnder(hash: string, policy: Policy): Keyring[] {
    const known = byPolicy.get(hash)
    if (known !== undefined) return known
    let versions: Keyring[] = []
    try {
      versions = replayKeyring(policy, changes)
      checked = changes.length
    } catch (error) {
      if (!isTwoKeysError(error) || error.code !== 'AUDIT_TAMPERED') throw error
      const end = error.message.lastIndexOf('; the stored keyring was altered')
      const problem = end === -1 ? error.message : error.message.slice(0, end)
      if (!problems.includes(problem)) {
        problems.push(problem)
        // The replay's phrase, as the section words it (the same English), when it gave one.
        const said = error.said?.key === 'keyring.tampered' ? error.said.params : undefined
        phrases.push(
          said === undefined
            ? undefined
            : auditPhrase('keyring.change', said as AuditMessageParams<'keyring.change'>),
        )
      }
    }
    byPolicy.set(hash, versions)
    return versions
  }

  return {
    /** Whether the store has a keyring at all (an import target may not have one yet). */
    held: changes.length > 0,
    /**
     * How to check the signatures of an initiative pinned to `policy` (as `hash`): undefined when
     * neither the policy asks for signatures nor any of its events carries a signed command.
     */
    signaturesFor(
      hash: string,
      policy: Policy,
      events: readonly RecordedEvent[],
    ): SignatureCheck | undefined {
      const required = policy.identity === 'signed'
      if (!required && !events.some((e) => e.command !== undefined)) return undefined
      const versions = versionsUnder(hash, policy)
      return { required, keyring: (version) => versions[version - 1] }
    },
    /** Changes replayed, and what is wrong with them. */
    section: () => ({ checked, problems: phrasedProblems([...problems], phrases) }),
  }
}
