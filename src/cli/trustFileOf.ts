import {
  canonicalJson,
  hashPolicy,
  type Policy,
  type Store,
  signingInstitutions,
  TwoKeysError,
} from '../index.js'
import { keysWords } from './keysWords.js'

/** What `twokeys keys export` writes: what the standalone checkers need to check signatures. */
export interface TrustFile {
  format: 'twokeys/trust/v1'
  identity: 'asserted' | 'signed'
  /** Where the store runs policies of both identities: the hashes of those under `identity: signed`. */
  signedPolicies?: string[]
  institutions: Record<string, string[]>
  changes: unknown[]
}

/** Each key-holding institution's principals: who may sign a keyring change for it. */
const institutionsOf = (policy: Policy): Record<string, string[]> =>
  Object.fromEntries(
    signingInstitutions(policy).map((i) => [
      i,
      policy.principals.filter((p) => p.institution === i).map((p) => p.id),
    ]),
  )
const identityOf = (policy: Policy) => policy.identity ?? 'asserted'

/**
 * The trust file of a store, for the policy file `given` (from `path`): the institutions come from
 * that file, the identity from the policies the store's events are pinned to — what the log was
 * written under, not what a file at hand says. A file that is not one of those policies, nor
 * names the same institutions and principals as one of them, is refused (COMMAND_INVALID), as is a
 * store that lacks a policy its events pin. A store with no events yet takes the file's identity.
 *
 * @example
 * const { trust, note } = await trustFileOf(store, loadCliPolicy('two-keys.yaml'), 'two-keys.yaml', 'twokeys.db')
 */
export async function trustFileOf(
  store: Store,
  given: Policy,
  path: string,
  db: string,
): Promise<{ trust: TrustFile; note: string | undefined }> {
  const words = keysWords()
  const hashes = new Set<string>()
  for (const id of await store.listInitiatives())
    for (const event of await store.readEvents(id)) hashes.add(event.policyHash)
  const pinned = new Map<string, Policy>()
  for (const hash of [...hashes].sort()) {
    const policy = await store.getPolicy(hash)
    if (policy === undefined) throw new TwoKeysError('COMMAND_INVALID', words.pinMissing(db, hash))
    pinned.set(hash, policy)
  }
  const institutions = institutionsOf(given)
  const same = (p: Policy) => canonicalJson(institutionsOf(p)) === canonicalJson(institutions)
  const givenHash = hashPolicy(given)
  if (pinned.size > 0 && !pinned.has(givenHash) && ![...pinned.values()].some(same))
    throw new TwoKeysError('COMMAND_INVALID', words.notRunByStore(path, db, givenHash, [...pinned.keys()]))

  const signed = [...pinned].filter(([, p]) => identityOf(p) === 'signed').map(([hash]) => hash)
  const identity =
    pinned.size === 0 ? identityOf(given) : signed.length === pinned.size ? 'signed' : 'asserted'
  const mixed = signed.length > 0 && identity === 'asserted'
  const changes = (await store.keyringChanges()).map((c) => ({ version: c.version, ...(c.change as object) }))
  const trust: TrustFile = {
    format: 'twokeys/trust/v1',
    identity,
    ...(mixed ? { signedPolicies: signed } : {}),
    institutions,
    changes,
  }
  const note =
    mixed || identity !== identityOf(given)
      ? words.identityFromStore(path, identityOf(given), identity, signed.length, pinned.size)
      : undefined
  return { trust, note }
}
