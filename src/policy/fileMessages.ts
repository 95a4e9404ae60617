import { errorsOf } from '../domain/phrasedError.js'
import type { Issue } from '../domain/TwoKeysError.js'
import { formatIssues } from './formatIssues.js'

/** The documents twokeys loads from YAML or JSON files. */
export type DocumentKind = 'policy' | 'script' | 'scenario'

/**
 * The English of the errors of loading a document (a policy, a walkthrough script, a simulation
 * scenario), by message key: the words that were there before they were data, byte for byte.
 * `FILE_MESSAGES_RU` has the same keys with the same parameters. An invalid document's issues are
 * a parameter: each is worded from its own phrase (a YAML parser's text stays inside its phrase).
 */
export const FILE_MESSAGES = {
  'file.unreadable': (p: { what: DocumentKind; path: string }) =>
    `cannot read ${p.what} file "${p.path}": check the path`,
  'file.invalid': (p: { what: DocumentKind; file: string; issues: readonly Issue[] }) =>
    `${p.what} ${p.file} is invalid:\n${formatIssues(p.issues, { color: false })}`,
  'file.arrivalsUnreadable': (p: { csv: string; path: string }) =>
    `cannot read arrivals file "${p.csv}" named by ${p.path}: check the path (arrivals.file is relative to the scenario)`,
  'file.notADate': (p: { file: string; line: number; cell: string }) =>
    `${p.file}:${p.line}: "${p.cell}" is not a date; write one ISO date (YYYY-MM-DD) per line`,
  'file.noDates': (p: { file: string }) => `${p.file} has no dates; add one per line`,
}

/** An error of loading a document, worded from {@link FILE_MESSAGES}. */
export const fileError = errorsOf(FILE_MESSAGES)
