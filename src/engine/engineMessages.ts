import { errorsOf } from '../domain/phrasedError.js'
import { type RecordIdProblem, recordIdProblemText } from '../domain/recordIdMessages.js'
import type { ErrorPhrase } from '../domain/TwoKeysError.js'
import { type KeyProblem, renderKeyProblem } from '../identity/identityMessages.js'

/** A keyring change's schema issue as a message lists it: where (empty: the change itself) and what. */
export interface ChangeIssue {
  path: string
  message: string
}

/**
 * The English of the engine's errors (a command refused or not authenticated, an initiative that
 * cannot be found or loaded, a bad argument to a read or `tick`, the engine's options), by message
 * key: the words that were there before they were data, byte for byte. `ENGINE_MESSAGES_RU` has
 * the same keys with the same parameters.
 */
export const ENGINE_MESSAGES = {
  'engine.noKeyring': (p: { type: string; by: string }) =>
    `${p.type} by "${p.by}" cannot be authenticated: the store has no keyring yet; apply one signed by every key-holding institution (\`twokeys keys apply\`)`,
  'engine.signature': (p: { problem: KeyProblem }) => renderKeyProblem(p.problem),
  /** `phrases`, when the rules gave one per reason, word the reasons in another language. */
  'engine.refused': (p: { type: string; by: string; reasons: string[]; phrases: ErrorPhrase[] }) =>
    `${p.type} by "${p.by}" refused: ${p.reasons.join('; ')}`,
  'engine.commandIdReused': (p: { commandId: string; initiative: string | null }) =>
    `command id "${p.commandId}" was already used for a different command${p.initiative === null ? '' : ` on initiative "${p.initiative}"`}; use a new id for a new command`,
  /** `shown`: the number given; null for a value of another type (`type`). */
  'engine.tickNotATime': (p: { shown: string | null; type: string }) =>
    `tick(now): ${p.shown ?? `a ${p.type}`} is not a time; give whole epoch milliseconds (Date.parse(…)) or nothing for the engine's clock`,
  'engine.initiativeFailed': (p: { initiative: string; error: string }) =>
    `initiative "${p.initiative}": ${p.error}`,
  'engine.tickFailures': (p: { changed: number; failures: string[] }) =>
    `tick fired the deadlines of every other initiative (${p.changed} changed), but ${p.failures.length} could not be ticked:\n${p.failures.map((f) => `  ✖ ${f}`).join('\n')}`,
  'engine.ticksDoNotSettle': (p: { initiative: string | null; max: number }) =>
    `initiative "${p.initiative}": deadlines kept firing after ${p.max} ticks; the machine does not settle`,
  'engine.badId': (p: { where: string; problem: RecordIdProblem }) =>
    `${p.where}: ${recordIdProblemText(p.problem)}`,
  'engine.keyringChangeInvalid': (p: { issues: ChangeIssue[] }) =>
    `invalid keyring change:\n${p.issues.map((i) => `  ✖ ${i.path || '(change)'}: ${i.message}`).join('\n')}`,
  'engine.noInitiative': (p: { initiative: string; store: string }) =>
    `no initiative "${p.initiative}" in the ${p.store} store; check the id (engine.list() shows them)`,
  'engine.policyMissing': (p: { initiative: string; policy: string }) =>
    `initiative "${p.initiative}" was started under policy ${p.policy}, which the store does not have; restore that policy version into the store`,
  'engine.policyEdited': (p: { initiative: string; policy: string }) =>
    `the policy pinned as ${p.policy} by initiative "${p.initiative}" no longer hashes to its pin: it was edited in the store; run \`twokeys audit verify\` and restore it from a backup`,
  'engine.snapshotMismatch': (p: { initiative: string; seq: number }) =>
    `initiative "${p.initiative}", event ${p.seq}: it no longer matches the engine's trusted snapshot of it; the stored log was altered — run \`twokeys audit verify\` and restore it from a backup`,
  'engine.checkpointRoot': (p: { origin: string; size: number }) =>
    `the store's Merkle log does not hash to the root of a checkpoint both institutions' witnesses cosigned (${p.origin}, size ${p.size}): it was rewritten after they saw it; run \`twokeys audit verify --checkpoint\` and restore it from a backup`,
  'engine.witnessList': (p: { problem: string }) => p.problem,
  'engine.witnessesNeedLog': (p: { store: string }) =>
    `the ${p.store} store keeps no snapshots or no Merkle log, so no checkpoint can vouch for a snapshot in it; drop the witnesses option or use sqliteStore or postgresStore`,
  'engine.snapshotKeyShort': (p: { bytes: number; min: number }) =>
    `the snapshot key is ${p.bytes} bytes long; use at least ${p.min} random bytes (e.g. \`openssl rand -hex 32\`)`,
  'engine.webhookNoLog': (p: { store: string }) =>
    `webhooks read the store's Merkle log, which the ${p.store} store does not keep`,
  'engine.webhookSecretShort': (_: Record<string, never>) =>
    'the webhook secret is shorter than 16 characters; use a long random one (openssl rand -hex 32)',
}

/** An engine error, worded from {@link ENGINE_MESSAGES}. */
export const engineError = errorsOf(ENGINE_MESSAGES)
