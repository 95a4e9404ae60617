import type { InitiativeEvent } from '../domain/InitiativeEvent.js'
import type { RecordedEvent, RefusalRecord, StoredSnapshot } from './Store.js'

/** An event as the SQL stores keep it: one column per field, the event itself as JSON text. */
export interface EventRow {
  initiative_id: string
  seq: number
  command_id: string
  command_hash: string
  event: string
  policy_hash: string
  revision: string
  prev_hash: string
  hash: string
  command: string | null
  keyring: number | string | null
}

export interface RefusalRow {
  initiative_id: string | null
  command_id: string
  command_hash: string
  command: string
  at: number | string
  code: string
  reasons: string
  prev_hash: string
  hash: string
}

export interface SnapshotRow {
  initiative_id: string
  seq: number | string
  hash: string
  policy_hash: string
  state: string
  seal: string
}

export function fromSnapshotRow(row: SnapshotRow): StoredSnapshot & { initiativeId: string } {
  return {
    initiativeId: row.initiative_id,
    seq: Number(row.seq),
    hash: row.hash,
    policyHash: row.policy_hash,
    state: parseStoredJson(row.state),
    seal: row.seal,
  }
}

/**
 * JSON text as stored, parsed; text that is not JSON any more (someone edited the database) comes
 * back as the text itself, so the audit reports it as an edited event instead of crashing.
 */
export function parseStoredJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

export function toEventRow(record: RecordedEvent): EventRow {
  return {
    initiative_id: record.initiativeId,
    seq: record.seq,
    command_id: record.commandId,
    command_hash: record.commandHash,
    event: JSON.stringify(record.event),
    policy_hash: record.policyHash,
    revision: record.revision,
    prev_hash: record.prevHash,
    hash: record.hash,
    command: record.command === undefined ? null : JSON.stringify(record.command),
    keyring: record.keyring ?? null,
  }
}

export function fromEventRow(row: EventRow): RecordedEvent {
  // Fields absent from older events stay absent, so their hashes are what they were.
  const signed: Pick<RecordedEvent, 'command'> =
    row.command === null || row.command === undefined
      ? {}
      : { command: parseStoredJson(row.command) as NonNullable<RecordedEvent['command']> }
  const keyring: Pick<RecordedEvent, 'keyring'> =
    row.keyring === null || row.keyring === undefined ? {} : { keyring: Number(row.keyring) }
  return {
    initiativeId: row.initiative_id,
    seq: Number(row.seq),
    commandId: row.command_id,
    commandHash: row.command_hash,
    event: parseStoredJson(row.event) as InitiativeEvent,
    policyHash: row.policy_hash,
    revision: row.revision,
    prevHash: row.prev_hash,
    hash: row.hash,
    ...signed,
    ...keyring,
  }
}

export function toRefusalRow(refusal: RefusalRecord): RefusalRow {
  return {
    initiative_id: refusal.initiativeId,
    command_id: refusal.commandId,
    command_hash: refusal.commandHash,
    command: JSON.stringify(refusal.command),
    at: refusal.at,
    code: refusal.code,
    reasons: JSON.stringify(refusal.reasons),
    prev_hash: refusal.prevHash,
    hash: refusal.hash,
  }
}

export function fromRefusalRow(row: RefusalRow): RefusalRecord {
  return {
    initiativeId: row.initiative_id,
    commandId: row.command_id,
    commandHash: row.command_hash,
    command: parseStoredJson(row.command),
    at: Number(row.at),
    code: row.code,
    reasons: parseStoredJson(row.reasons) as string[],
    prevHash: row.prev_hash,
    hash: row.hash,
  }
}
