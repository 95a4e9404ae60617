import { NOTE_KEY_MESSAGES_RU } from './noteKeyMessages.ru.js'
import type { WITNESS_LIST_MESSAGES, WitnessListAt, WitnessListSource } from './witnessListMessages.js'

// Paths and institutions as they are, in «»; a key parser's problem worded from its phrase; the file's
// line syntax and a label given below the CLI (an option's name) as they are.

const source = (s: WitnessListSource) => ('file' in s ? `файл свидетелей «${s.file}»` : s.label)
const at = (a: WitnessListAt) =>
  'file' in a.source
    ? `файл свидетелей «${a.source.file}», строка ${a.line}`
    : `${a.source.label}, строка ${a.line}`

/** A witnesses list's problems in Russian: the same keys with the same parameters as `WITNESS_LIST_MESSAGES`. */
export const WITNESS_LIST_MESSAGES_RU: typeof WITNESS_LIST_MESSAGES = {
  'witnessList.badLine': (p) =>
    `${at(p.at)}: ожидается \`<institution> <witness vkey> [<url>]\` или \`log <log vkey>\``,
  'witnessList.badKey': (p) =>
    `${at(p.at)}: ${(NOTE_KEY_MESSAGES_RU[p.problem.key] as (params: unknown) => string)(p.problem.params)}`,
  'witnessList.logKeyType': (p) =>
    `${at(p.at)}: ключ журнала имеет тип ${p.type}, а не 1 (ключ подписи заметок Ed25519)`,
  'witnessList.secondLog': (p) => `${at(p.at)}: вторая строка \`log\`; ключ журнала указывается один раз`,
  'witnessList.logUrl': (p) => `${at(p.at)}: в строке \`log\` адреса не бывает`,
  'witnessList.witnessKeyType': (p) =>
    `${at(p.at)}: ключ свидетеля «${p.institution}» имеет тип ${p.type}, а не 4 (ключ подписи свидетеля \`tlog-cosignature\` Ed25519)`,
  'witnessList.badUrl': (p) => `${at(p.at)}: «${p.url}» — не адрес \`http(s)\``,
  'witnessList.noWitness': (p) =>
    `${source(p.source)}: не назван ни один свидетель; добавьте строки \`<institution> <witness vkey>\``,
}
