import { CLASSROOM_MESSAGES, CLASSROOM_MESSAGES_RU } from '../classroom/index.js'
import {
  ADD_CHECKPOINT_BODY_MESSAGES,
  ADD_CHECKPOINT_BODY_MESSAGES_RU,
  ADD_CHECKPOINT_MESSAGES,
  ADD_CHECKPOINT_MESSAGES_RU,
  ANALYZE_MESSAGES,
  ANALYZE_MESSAGES_RU,
  AUDIT_MESSAGES,
  AUDIT_MESSAGES_RU,
  COSIGNED_MESSAGES,
  COSIGNED_MESSAGES_RU,
  ENGINE_MESSAGES,
  ENGINE_MESSAGES_RU,
  FILE_MESSAGES,
  FILE_MESSAGES_RU,
  IDENTITY_MESSAGES,
  IDENTITY_MESSAGES_RU,
  LOG_MESSAGES,
  LOG_MESSAGES_RU,
  type MessageTable,
  NOTE_KEY_MESSAGES,
  NOTE_KEY_MESSAGES_RU,
  NOTE_MESSAGES,
  NOTE_MESSAGES_RU,
  RECORD_ID_MESSAGES,
  RECORD_ID_MESSAGES_RU,
  SEARCH_MESSAGES,
  SEARCH_MESSAGES_RU,
  SIMULATE_MESSAGES,
  SIMULATE_MESSAGES_RU,
  STORE_MESSAGES,
  STORE_MESSAGES_RU,
  WITNESS_LIST_MESSAGES,
  WITNESS_LIST_MESSAGES_RU,
  WITNESS_MESSAGES,
  WITNESS_MESSAGES_RU,
} from '../index.js'

/**
 * Every table an error's own message (`TwoKeysError.said`) is made from below the CLI, in English
 * and in Russian, in the same order; their keys are distinct (a test holds them so), so one lookup
 * by key serves them all.
 */
export const SAID_TABLES: readonly { en: MessageTable; ru: MessageTable }[] = [
  { en: FILE_MESSAGES, ru: FILE_MESSAGES_RU },
  { en: IDENTITY_MESSAGES, ru: IDENTITY_MESSAGES_RU },
  { en: WITNESS_MESSAGES, ru: WITNESS_MESSAGES_RU },
  // a witness's answer to add-checkpoint, and why a request's body is malformed
  { en: ADD_CHECKPOINT_MESSAGES, ru: ADD_CHECKPOINT_MESSAGES_RU },
  { en: ADD_CHECKPOINT_BODY_MESSAGES, ru: ADD_CHECKPOINT_BODY_MESSAGES_RU },
  { en: WITNESS_LIST_MESSAGES, ru: WITNESS_LIST_MESSAGES_RU },
  { en: LOG_MESSAGES, ru: LOG_MESSAGES_RU },
  // a checkpoint's signatures: why a note, a checkpoint or a cosignature does not check out
  { en: NOTE_MESSAGES, ru: NOTE_MESSAGES_RU },
  { en: COSIGNED_MESSAGES, ru: COSIGNED_MESSAGES_RU },
  // why a text is not a note key's name, a private key or a verifier key
  { en: NOTE_KEY_MESSAGES, ru: NOTE_KEY_MESSAGES_RU },
  { en: SIMULATE_MESSAGES, ru: SIMULATE_MESSAGES_RU },
  { en: ANALYZE_MESSAGES, ru: ANALYZE_MESSAGES_RU },
  // the audit's: its findings' table also words an import's conflict
  { en: AUDIT_MESSAGES, ru: AUDIT_MESSAGES_RU },
  { en: ENGINE_MESSAGES, ru: ENGINE_MESSAGES_RU },
  // why a text is not an initiative or command id
  { en: RECORD_ID_MESSAGES, ru: RECORD_ID_MESSAGES_RU },
  { en: STORE_MESSAGES, ru: STORE_MESSAGES_RU },
  { en: CLASSROOM_MESSAGES, ru: CLASSROOM_MESSAGES_RU },
  // a bug not in the catalogue, a search's state or memory limit
  { en: SEARCH_MESSAGES, ru: SEARCH_MESSAGES_RU },
]

/** The Russian of every phrased error message, by message key. */
export const SAID_MESSAGES_RU: MessageTable = Object.assign({}, ...SAID_TABLES.map((t) => t.ru))
