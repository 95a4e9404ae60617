import { type PhraseOf, sayWith } from '../domain/phrasedError.js'
import { type NoteKeyProblem, noteKeyProblemText } from './noteKeyMessages.js'

/** Where a witnesses list came from: a file (its path), or a label said as it is (an option's name). */
export type WitnessListSource = { file: string } | { label: string }

/** Where in a witnesses list: the list, and a line of it (1-based). */
export interface WitnessListAt {
  source: WitnessListSource
  line: number
}

const source = (s: WitnessListSource) => ('file' in s ? `witnesses file "${s.file}"` : s.label)
const at = (a: WitnessListAt) => `${source(a.source)}, line ${a.line}`

/**
 * The English of a witnesses list's problems (`parseWitnessList`), by message key: the words that
 * were there before they were data, byte for byte. `WITNESS_LIST_MESSAGES_RU` has the same keys
 * with the same parameters. A key parser's problem (`problem`) is its phrase.
 */
export const WITNESS_LIST_MESSAGES = {
  'witnessList.badLine': (p: { at: WitnessListAt }) =>
    `${at(p.at)}: expected "<institution> <witness vkey> [<url>]" or "log <log vkey>"`,
  'witnessList.badKey': (p: { at: WitnessListAt; problem: NoteKeyProblem }) =>
    `${at(p.at)}: ${noteKeyProblemText(p.problem)}`,
  'witnessList.logKeyType': (p: { at: WitnessListAt; type: number }) =>
    `${at(p.at)}: the log's key has type ${p.type}, not 1 (Ed25519 note key)`,
  'witnessList.secondLog': (p: { at: WitnessListAt }) =>
    `${at(p.at)}: a second "log" line; name the log's key once`,
  'witnessList.logUrl': (p: { at: WitnessListAt }) => `${at(p.at)}: the log line takes no URL`,
  'witnessList.witnessKeyType': (p: { at: WitnessListAt; institution: string; type: number }) =>
    `${at(p.at)}: the witness key of "${p.institution}" has type ${p.type}, not 4 (a tlog-cosignature Ed25519 key)`,
  'witnessList.badUrl': (p: { at: WitnessListAt; url: string }) =>
    `${at(p.at)}: "${p.url}" is not an http(s) URL`,
  'witnessList.noWitness': (p: { source: WitnessListSource }) =>
    `${source(p.source)} names no witness: add "<institution> <witness vkey>" lines`,
}

/** A problem of a witnesses list as a phrase: a key of {@link WITNESS_LIST_MESSAGES} with its parameters. */
export type WitnessListProblem = PhraseOf<typeof WITNESS_LIST_MESSAGES>

/** A witnesses list's problem in English. */
export const witnessListProblemText = sayWith(WITNESS_LIST_MESSAGES)
