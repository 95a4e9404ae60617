import { inCliLanguage } from './cliLanguage.js'

/**
 * What `twokeys log …` and `twokeys witness …` print for people, and their errors, in each
 * language the CLI speaks. Checkpoints, cosignatures, verifier keys, origins and witness names are
 * data and stay as they are; a reason made below the CLI comes worded in the CLI's language from
 * its phrase (a checkpoint's signature check, a witness's answer, a key's or a key name's
 * problem); one without a phrase (a witness's internal error) stays English, quoted (`unphrased`).
 */
export interface WitnessedLogWords {
  noCheckpointYet: string
  badKeyFile(what: string, path: string, problem: string): string
  noWitnessOf(path: string, missing: readonly string[], policyPath: string): string
  checkpointAndWitnesses: string
  checkpointNotAccepted(path: string, problem: string): string
  needsLogKey: string
  cannotReadRequest(path: string, code: string): string
  badName(problem: string): string
  wroteWitnessKey(name: string, out: string, vkey: string): string
  listening(name: string, url: string): string
  vkey(vkey: string): string
  /** A reason made below the CLI that has no phrase: English, quoted in «…» in Russian. */
  unphrased(reason: string): string
  answered(status: number, origin: string | undefined, reason: string): string
  witnessStopped: string
  status: Record<number, string>
  refusedRequest(status: number, reason: string): string
  cosignatureIn(reason: string, out: string): string
  witnessLogs(name: string, count: number): string
  sizeRoot(size: number, root: string): string
  cosignedAt(iso: string, seconds: number): string
}

/** The words HTTP gives the statuses a witness answers with, for the file-mode messages. */
const STATUS_TEXT: Record<number, string> = {
  400: 'bad request',
  403: 'forbidden',
  404: 'not found',
  409: 'conflict',
  422: 'unprocessable',
}

export const ENGLISH_WITNESSED_LOG_WORDS: WitnessedLogWords = {
  noCheckpointYet: 'no checkpoint is published yet: twokeys log checkpoint --db … --key log.key',
  badKeyFile: (what, path, problem) => `${what} "${path}": ${problem}`,
  noWitnessOf: (path, missing, policyPath) =>
    `witnesses file "${path}" names no witness of ${missing.map((m) => `"${m}"`).join(', ')}, which hold keys in "${policyPath}": add a line "<institution> <witness vkey>" for each`,
  checkpointAndWitnesses:
    'give --checkpoint and --witnesses together: a checkpoint counts only with the cosignatures of the witnesses you trust',
  checkpointNotAccepted: (path, problem) => `checkpoint "${path}" is not accepted: ${problem}`,
  needsLogKey: "a witness needs the log's verifier key: pass --log-key <vkey or file>",
  cannotReadRequest: (path, code) => `cannot read the request "${path}" (${code}); check the path`,
  badName: (problem) => `--name: ${problem}`,
  wroteWitnessKey: (name, out, vkey) =>
    `wrote the private key of witness "${name}" to ${out} (owner-only; keep it secret) and its vkey to ${vkey}`,
  listening: (name, url) => `witness ${name} listening on ${url} (POST ${url}/add-checkpoint)`,
  vkey: (vkey) => `vkey ${vkey}`,
  unphrased: (reason) => reason,
  answered: (status, origin, reason) => `${status}${origin === undefined ? '' : ` ${origin}`}: ${reason}`,
  witnessStopped: 'witness stopped',
  status: STATUS_TEXT,
  refusedRequest: (status, reason) => `${status} ${STATUS_TEXT[status]}: ${reason}`,
  cosignatureIn: (reason, out) => `${reason}; the cosignature is in ${out}`,
  witnessLogs: (name, count) => `witness ${name} · ${count} log(s)`,
  sizeRoot: (size, root) => `size ${size}  root ${root}`,
  cosignedAt: (iso, seconds) => `cosigned at ${iso} (${seconds})`,
}

const STATUS_TEXT_RU: Record<number, string> = {
  400: 'неверный запрос',
  403: 'запрещено',
  404: 'не найдено',
  409: 'конфликт',
  422: 'не обработать',
}

/** The key files these commands read, in Russian. */
const THINGS_RU: Record<string, string> = { 'log key': 'ключ журнала', 'witness key': 'ключ свидетеля' }

export const RUSSIAN_WITNESSED_LOG_WORDS: WitnessedLogWords = {
  noCheckpointYet: 'контрольная точка ещё не опубликована: `twokeys log checkpoint --db … --key log.key`',
  badKeyFile: (what, path, problem) => `${THINGS_RU[what] ?? what} «${path}»: ${problem}`,
  noWitnessOf: (path, missing, policyPath) =>
    `в файле свидетелей «${path}» нет свидетеля от ${missing.map((m) => `«${m}»`).join(', ')}, а они держат ключи в «${policyPath}»: добавьте для каждого строку \`<institution> <witness vkey>\``,
  checkpointAndWitnesses:
    'укажите --checkpoint и --witnesses вместе: контрольная точка что-то значит, только если её подписали свидетели, которым вы доверяете',
  checkpointNotAccepted: (path, problem) => `контрольная точка «${path}» не принята: ${problem}`,
  needsLogKey: 'свидетелю нужен проверочный ключ журнала: укажите --log-key <vkey или файл>',
  cannotReadRequest: (path, code) => `не удаётся прочитать запрос «${path}» (${code}); проверьте путь`,
  badName: (problem) => `--name: ${problem}`,
  wroteWitnessKey: (name, out, vkey) =>
    `закрытый ключ свидетеля «${name}» записан в ${out} (только для владельца; храните его в тайне), его vkey — в ${vkey}`,
  listening: (name, url) => `свидетель ${name} слушает ${url} (POST ${url}/add-checkpoint)`,
  vkey: (vkey) => `vkey ${vkey}`,
  unphrased: (reason) => `«${reason}»`,
  answered: (status, origin, reason) => `${status}${origin === undefined ? '' : ` ${origin}`}: ${reason}`,
  witnessStopped: 'свидетель остановлен',
  status: STATUS_TEXT_RU,
  refusedRequest: (status, reason) => `${status} ${STATUS_TEXT_RU[status]}: ${reason}`,
  cosignatureIn: (reason, out) => `${reason}; подпись свидетеля — в ${out}`,
  witnessLogs: (name, count) => `свидетель ${name} · журналов: ${count}`,
  sizeRoot: (size, root) => `размер ${size}  корень ${root}`,
  cosignedAt: (iso, seconds) => `подписано ${iso} (${seconds})`,
}

/**
 * `log`'s and `witness`'s words in the CLI's language (`--lang`).
 *
 * @example
 * print(witnessedLogWords().witnessStopped) // 'свидетель остановлен' under --lang ru
 */
export function witnessedLogWords(): WitnessedLogWords {
  return inCliLanguage({ en: ENGLISH_WITNESSED_LOG_WORDS, ru: RUSSIAN_WITNESSED_LOG_WORDS })
}
