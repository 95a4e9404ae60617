import { errorsOf } from '../domain/phrasedError.js'
import { type RecordIdProblem, recordIdProblemText } from '../domain/recordIdMessages.js'
import type { Phrased } from '../policy/phrased.js'

/**
 * The English of why a key may not sign, a keyring change is refused or a signed command does not
 * authenticate, by message key: the words that were there before they were data, byte for byte.
 * `KEY_PROBLEMS_RU` has the same keys with the same parameters.
 */
export const KEY_PROBLEMS = {
  'key.revoked': (p: { keyId: string; at: string }) => `key "${p.keyId}" was revoked at ${p.at}`,
  'key.notYetValid': (p: { keyId: string; from: string }) => `key "${p.keyId}" is valid only from ${p.from}`,
  'key.expired': (p: { keyId: string; at: string }) => `key "${p.keyId}" expired at ${p.at}`,
  'keyring.notInKeyring': (p: { keyId: string }) => `key "${p.keyId}" is not in the keyring`,
  'keyring.signatureFails': (p: { keyId: string }) => `the signature by key "${p.keyId}" does not verify`,
  'keyring.noSignatureFrom': (p: { institution: string }) =>
    `no valid signature from institution "${p.institution}"`,
  'keyring.otherBase': (p: { base: string; current: string }) =>
    `it was made for keyring ${p.base || '(none)'}, not the current ${p.current || '(none)'}; make it again against the current keyring`,
  'keyring.otherVersion': (p: { version: number; next: number }) =>
    `it makes version ${p.version}, but the next version is ${p.next}`,
  'keyring.keyIdTaken': (p: { keyId: string }) => `key id "${p.keyId}" is already in the keyring`,
  'keyring.revokeUnknown': (p: { keyId: string }) =>
    `cannot revoke key "${p.keyId}": it is not in the keyring`,
  'keyring.notAChange': (_: Record<string, never>) => 'it is not a keyring change',
  'keyring.storedAs': (p: { stored: number; makes: number }) =>
    `it is stored as version ${p.stored} but makes version ${p.makes}`,
  'signature.unsigned': (p: { type: string; by: string }) => `${p.type} by "${p.by}" is not signed`,
  'signature.noCommandId': (_: Record<string, never>) => 'a signed command must carry its commandId',
  'signature.noInitiativeId': (_: Record<string, never>) => 'a signed command must carry its initiativeId',
  'signature.noRevision': (_: Record<string, never>) =>
    'a signed decision must carry the revision hash it decides on',
  'signature.keyNotInVersion': (p: { keyId: string; version: number }) =>
    `key "${p.keyId}" is not in keyring version ${p.version}`,
  'signature.otherPrincipal': (p: { keyId: string; principal: string; by: string }) =>
    `key "${p.keyId}" belongs to "${p.principal}", but the command acts as "${p.by}"`,
  'signature.notBase64url': (_: Record<string, never>) => 'the signature is not 64 bytes of base64url',
  'signature.doesNotVerify': (p: { by: string; keyId: string }) =>
    `the signature of "${p.by}" (key "${p.keyId}") does not verify`,
  /** A problem another part wrote (an unexpected error): its text as it is, in every language. */
  'key.other': (p: { text: string }) => p.text,
}

export type KeyProblemKey = keyof typeof KEY_PROBLEMS
/** A key's, a keyring change's or a signature's problem as data. */
export type KeyProblem = {
  [K in KeyProblemKey]: Phrased<K, Parameters<(typeof KEY_PROBLEMS)[K]>[0]>
}[KeyProblemKey]

/**
 * Makes a problem's phrase.
 *
 * @example
 * keyProblem('key.expired', { keyId: 'o-1', at: '2026-01-01T00:00:00Z' })
 */
export const keyProblem = <K extends KeyProblemKey>(
  key: K,
  params: Parameters<(typeof KEY_PROBLEMS)[K]>[0],
): KeyProblem => ({ key, params }) as KeyProblem

/**
 * A problem in words, from `problems` (English by default; `KEY_PROBLEMS_RU` for Russian).
 *
 * @example
 * renderKeyProblem(keyProblem('keyring.notInKeyring', { keyId: 'o-1' })) // 'key "o-1" is not in the keyring'
 */
export function renderKeyProblem(problem: KeyProblem, problems: typeof KEY_PROBLEMS = KEY_PROBLEMS): string {
  return (problems[problem.key] as (params: unknown) => string)(problem.params)
}

const all = (list: readonly KeyProblem[]) => list.map((p) => renderKeyProblem(p)).join('; ')

/**
 * One thing wrong in a private key file, at a field: an id check's phrase (`kid`), or the schema's
 * own English (zod's), which another language quotes as it is.
 */
export type KeyFileProblem = { at: string; problem: RecordIdProblem } | { at: string; text: string }

const keyFileProblems = (list: readonly KeyFileProblem[]) =>
  list.map((p) => `${p.at}: ${'problem' in p ? recordIdProblemText(p.problem) : p.text}`).join('; ')

/**
 * The English of the identity errors (key files, keyring changes), by message key;
 * `IDENTITY_MESSAGES_RU` has the same keys with the same parameters.
 */
export const IDENTITY_MESSAGES = {
  'keyFile.unreadable': (p: { path: string }) =>
    `cannot read key file "${p.path}": it is missing or not JSON; check the path`,
  'keyFile.notAKey': (p: { path: string; problems: KeyFileProblem[] }) =>
    `key file "${p.path}" is not a twokeys private key (${keyFileProblems(p.problems)}); make one with \`twokeys keys new <principal>\``,
  'keyFile.missing': (p: { path: string }) => `no key file or folder "${p.path}"; check the path`,
  'keyring.refused': (p: { problems: KeyProblem[] }) => `keyring change refused: ${all(p.problems)}`,
  'keyring.tampered': (p: { version: number; refused: boolean; problems: KeyProblem[] }) =>
    `keyring change ${p.version}: ${p.refused ? 'keyring change refused: ' : ''}${all(p.problems)}; the stored keyring was altered — run \`twokeys audit verify\` and restore it from a backup`,
  'keyring.noSigner': (p: { institution: string }) =>
    `the keys given have none for institution "${p.institution}", whose signature the first keyring needs; add a key of one of its principals`,
}

/** An identity error, worded from {@link IDENTITY_MESSAGES}. */
export const identityError = errorsOf(IDENTITY_MESSAGES)
