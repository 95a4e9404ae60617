import { errorsOf } from '../domain/phrasedError.js'

/**
 * What a durable store was doing when its driver failed, as its messages say it ("failed to …");
 * `STORE_DOINGS_RU` says each in Russian, so a new one without its words fails the typecheck.
 */
export const STORE_DOINGS = [
  'open',
  'append',
  'begin a consistent read',
  'close',
  'find a command',
  'list initiatives',
  'load a snapshot',
  'move a log cursor',
  'read a log cursor',
  'read a policy',
  'read checkpoints',
  'read events',
  'read keyring changes',
  'read log places',
  'read refusals',
  'read snapshots',
  'read the command index',
  'read the latest checkpoint',
  'read the log',
  'read the log size',
  'record a refusal',
  'save a snapshot',
  'store a checkpoint',
  'store a keyring change',
  'store a policy',
  'store cosignatures',
] as const

/** What a store was doing: one of {@link STORE_DOINGS}, or taking a named exclusive lock. */
export type StoreDoing = (typeof STORE_DOINGS)[number] | { lock: string }

/** What a store was doing, in English, after "failed to". */
const doing = (d: StoreDoing) => (typeof d === 'string' ? d : `take the "${d.lock}" lock`)

/** A store that needs an optional package (`optionalModule`). */
export type DriverStore = 'SQLite' | 'PostgreSQL'

/**
 * The English of the stores' errors (a driver's failure, a write that lost a race, a checkpoint or
 * cosignature refused, a missing optional package), by message key: the words that were there
 * before they were data, byte for byte. A driver's own text is a parameter (`reason`), quoted as
 * it is in every language. `STORE_MESSAGES_RU` has the same keys with the same parameters.
 */
export const STORE_MESSAGES = {
  'store.sqliteFailed': (p: { path: string; doing: StoreDoing; reason: string }) =>
    `SQLite store "${p.path}" failed to ${doing(p.doing)}: ${p.reason}; nothing was half-written (each call is one transaction), check the file and retry`,
  'store.noDatabase': (p: { path: string }) => `no database "${p.path}"; check the path`,
  /** `server`: host, port and database, without the password; undefined when the URL does not parse. */
  'store.postgresFailed': (p: { server: string | undefined; doing: StoreDoing; reason: string }) =>
    `PostgreSQL store at ${p.server ?? 'the configured server'} failed to ${doing(p.doing)}: ${p.reason}; check that the server is reachable and retry (repeat commands with the same commandId: they are applied once)`,
  'store.postgresConflict': (p: { doing: StoreDoing }) =>
    `another process stored the same event position or command id first (${doing(p.doing)}); re-read and retry`,
  'store.schemaName': (p: { schema: string }) =>
    `schema name ${p.schema} is not a plain lower-case SQL identifier; use a–z, 0–9 and _`,
  'store.moduleMissing': (p: { store: DriverStore; name: string; install: string }) =>
    `the ${p.store} store needs the package "${p.name}", which is not installed: install ${p.name} (${p.install}) next to twokeys`,
  'store.atOtherEvent': (p: { initiative: string; at: number; expected: number }) =>
    `initiative "${p.initiative}" is at event ${p.at}, not ${p.expected}: another command was stored first; re-read and retry`,
  'store.alreadyHasEvent': (p: { initiative: string; seq: number; commandId: string | undefined }) =>
    `initiative "${p.initiative}" already has event ${p.seq}, or command "${p.commandId}" is already stored: re-read and retry`,
  'store.commandStored': (p: { commandId: string }) =>
    `command "${p.commandId}" is already stored; re-read its result`,
  'store.eventsMustFollow': (p: { seq: number; of: string; initiative: string; at: number }) =>
    `refusing to append event seq ${p.seq} of "${p.of}" to "${p.initiative}" at seq ${p.at}: events must follow on`,
  'store.keyringAtVersion': (p: { at: number; version: number }) =>
    `the keyring is at version ${p.at}, so the next change makes version ${p.at + 1}, not ${p.version}; re-read the keyring and make the change again`,
  'store.keyringNotNext': (p: { version: number }) =>
    `keyring version ${p.version} is not the next one (another change was stored first, or one is missing); re-read the keyring and make the change again`,
  /** `state`: the digest offered, as JSON. */
  'store.badStateDigest': (p: { state: string; seq: number | undefined }) =>
    `refusing to record state digest ${p.state} on the log leaf of event ${p.seq}: a state digest is 64 lower-case hex digits (stateDigest)`,
  'store.stateDigestNoEvents': (_: Record<string, never>) =>
    'refusing to record a state digest on an append with no events',
  'store.noCheckpoint': (p: { size: number }) =>
    `no checkpoint of size ${p.size} is stored; publish it first`,
  'store.checkpointFork': (p: { size: number }) =>
    `a different checkpoint of size ${p.size} is already stored; a log never signs two heads of one size (someone changed the log or its key), so investigate before publishing again`,
  /** `line`: the line offered, its first 80 characters. */
  'store.notCosignatureLine': (p: { line: string }) =>
    `"${p.line}" is not a cosignature line "— <witness> <base64>"; pass the lines the witness answered`,
}

/** A store error, worded from {@link STORE_MESSAGES}. */
export const storeError = errorsOf(STORE_MESSAGES)
