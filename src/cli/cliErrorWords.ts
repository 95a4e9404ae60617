import { inCliLanguage } from './cliLanguage.js'

/**
 * The CLI's own error messages for bad input (exit 2) in each language it speaks: the files,
 * stores, targets and options the commands read. The error's code stays as it is; ids, paths and
 * flags are quoted unchanged, and a reason made below the CLI (a parser's, the network's) stays
 * English inside.
 */
export interface CliErrorWords {
  /** A file a command reads or writes, named by what it is (`audit log`, `witnesses file`, …). */
  thing(what: string): string
  unreadable(what: string, path: string, reason: string | undefined): string
  noSuchFile: string
  isDirectory: string
  notAnAuditLog(path: string): string
  headsNotJson(path: string): string
  noHeads(path: string): string
  badPostgresUrl(db: string): string
  /** `policies`: the policy files the package ships (twokeys/policies/…). */
  noPackageFile(text: string, policies: readonly string[]): string
  givePolicyOrBug(doing: string): string
  cannotWrite(what: string, path: string, reason: string): string
  keyFileExists(path: string): string
  cannotWriteKey(path: string, reason: string): string
  badScope(text: string): string
  yesOrNo(option: string, text: string): string
  aNumber(option: string, text: string): string
  sayWhoActs: string
  byNotKey(by: string, principal: string): string
  badVote(vote: string): string
  sayWhoWouldAct: string
  sayWhere: string
  dbNeedsPolicy: string
  serverNotUrl(base: string): string
  unreachable(root: string, reason: string): string
  serverAnswered(status: number, text: string): string
  atDays(max: number, text: string): string
  giveScenario: string
  searchStopped: string
  replayAt(problem: string): string
  notAnInitiativeId(problem: string): string
  noInitiative(id: string, db: string): string
  exportFailed(out: string | undefined, events: number, reason: string): string
  nameOneLog: string
  noLogIndex(file: string): string
  unknownLanguage(flag: string | undefined, languages: readonly string[]): string
}

export const ENGLISH_CLI_ERROR_WORDS: CliErrorWords = {
  thing: (what) => what,
  unreadable: (what, path, reason) =>
    `cannot read ${what} "${path}" (${reason ?? 'unreadable'}); check the path`,
  noSuchFile: 'no such file',
  isDirectory: 'it is a directory',
  notAnAuditLog: (path) =>
    `"${path}" is not an audit log: no line is an event record; export one with \`twokeys audit export --db <db> --out audit.jsonl\``,
  headsNotJson: (path) =>
    `heads file "${path}" is not JSON; pass the output of \`twokeys audit verify --json\``,
  noHeads: (path) =>
    `heads file "${path}" has no heads ({ "<initiative>": { "seq": n, "hash": "…" } }); pass the output of \`twokeys audit verify --json\``,
  badPostgresUrl: (db) =>
    `--db ${JSON.stringify(db)} is not a valid postgres:// URL; write it as postgres://user@host:5432/database (percent-encode special characters)`,
  noPackageFile: (text, policies) =>
    `no file "${text}" here, nor in the twokeys package: it ships twokeys/policies/<file> (${policies.join(', ')}), twokeys/schema/policy.schema.json and twokeys/examples/<file>`,
  givePolicyOrBug: (doing) =>
    `give a policy file to ${doing}, or --bug <name> (see twokeys verify --bug list)`,
  cannotWrite: (what, path, reason) =>
    `cannot write the ${what} to "${path}" (${reason}); choose a file in a folder that exists and can be written`,
  keyFileExists: (path) => `"${path}" already exists; a key file is never overwritten — choose another --out`,
  cannotWriteKey: (path, reason) =>
    `cannot write the key to "${path}" (${reason}); choose a file in a folder that exists and can be written`,
  badScope: (text) =>
    `--scope "${text}" is not federal[:ministries], regional:<regions> or export:<destinations> (comma-separated ids)`,
  yesOrNo: (option, text) => `${option} takes yes or no, not "${text}"`,
  aNumber: (option, text) => `${option} takes a number, not "${text}"`,
  sayWhoActs:
    'say who acts: --key <private key file> signs as its principal (--by <principal> only where the policy says identity: asserted)',
  byNotKey: (by, principal) =>
    `--by ${by} but --key belongs to ${principal}: a signed command acts as its key's principal; drop --by`,
  badVote: (vote) => `--vote "${vote}" is not a vote; the plenary votes: return`,
  sayWhoWouldAct: 'say who would act: --by <principal> or --key <file>',
  sayWhere:
    'say where the command goes: --db <file.db | postgres://…> with --policy <file>, or --server <url> of a twokeys serve',
  dbNeedsPolicy: '--db needs --policy <file>: the policy new initiatives start under',
  serverNotUrl: (base) =>
    `--server "${base}" is not a URL; give the address twokeys serve printed, e.g. http://127.0.0.1:8080`,
  unreachable: (root, reason) =>
    `could not reach the server ${root}: ${reason}; check --server and that twokeys serve runs`,
  serverAnswered: (status, text) => `the server answered ${status}: ${text}`,
  atDays: (max, text) =>
    `--at takes days from 0 to ${max} separated by commas (e.g. --at 7,14,30), not "${text}"`,
  giveScenario: 'give a scenario with --scenario <file> (see examples/scenarios/)',
  searchStopped: 'the search stopped at a limit',
  replayAt: (problem) => `--at: ${problem}`,
  notAnInitiativeId: (problem) => `not an initiative id: ${problem}`,
  noInitiative: (id, db) =>
    `no initiative "${id}" in ${db}; check the id (\`twokeys audit export --db …\` lists every event)`,
  exportFailed: (out, events, reason) =>
    `writing the export to "${out ?? 'standard output'}" failed after ${events} events (${reason}); free space or choose another file and export again`,
  nameOneLog:
    'name one log to verify: an exported file (twokeys audit verify audit.jsonl) or a database (--db twokeys.db)',
  noLogIndex: (file) =>
    `"${file}" has no logIndex on its lines (an export from before the Merkle log): export it again with twokeys audit export to check it against a checkpoint`,
  unknownLanguage: (flag, languages) =>
    `--lang "${flag}" is not a language twokeys speaks; use ${languages.join(' or ')}`,
}

/** The files the commands name, in Russian (in the accusative, as «не удаётся прочитать …» takes them). */
const THINGS_RU: Record<string, string> = {
  'audit log': 'журнал аудита',
  'snapshot key file': 'файл ключа снимков',
  'heads file': 'файл вершин',
  'witnesses file': 'файл свидетелей',
  checkpoint: 'контрольную точку',
  'cosignature file': 'файл подписей свидетеля',
  'log key': 'ключ журнала',
  'keyring change': 'изменение реестра ключей',
  'key entry': 'запись ключа',
  report: 'отчёт',
  proof: 'доказательство',
  cosignature: 'подпись свидетеля',
  'add-checkpoint request': 'запрос `add-checkpoint`',
  export: 'выгрузку',
}

/** What a command that needs a policy does, as «дайте файл политики, чтобы …» ends. */
const DOING_RU: Record<string, string> = { verify: 'проверить её', analyse: 'проанализировать её' }

export const RUSSIAN_CLI_ERROR_WORDS: CliErrorWords = {
  thing: (what) => THINGS_RU[what] ?? what,
  unreadable: (what, path, reason) =>
    `не удаётся прочитать ${THINGS_RU[what] ?? what} «${path}» (${reason ?? 'не читается'}); проверьте путь`,
  noSuchFile: 'нет такого файла',
  isDirectory: 'это папка',
  notAnAuditLog: (path) =>
    `«${path}» — не журнал аудита: ни одна строка не запись события; выгрузите журнал: \`twokeys audit export --db <db> --out audit.jsonl\``,
  headsNotJson: (path) => `файл вершин «${path}» — не JSON; передайте вывод \`twokeys audit verify --json\``,
  noHeads: (path) =>
    `в файле вершин «${path}» нет вершин (\`{ "<initiative>": { "seq": n, "hash": "…" } }\`); передайте вывод \`twokeys audit verify --json\``,
  badPostgresUrl: (db) =>
    `--db «${db}» — не адрес \`postgres://\`; запишите его как \`postgres://user@host:5432/database\` (особые знаки — в %-кодировке)`,
  noPackageFile: (text, policies) =>
    `файла «${text}» нет ни здесь, ни в пакете twokeys: в нём есть twokeys/policies/<file> (${policies.map((p) => `\`${p}\``).join(', ')}), twokeys/schema/policy.schema.json и twokeys/examples/<file>`,
  givePolicyOrBug: (doing) =>
    `дайте файл политики, чтобы ${DOING_RU[doing] ?? doing}, или \`--bug <name>\` (список: \`twokeys verify --bug list\`)`,
  cannotWrite: (what, path, reason) =>
    `не удаётся записать ${THINGS_RU[what] ?? what} в «${path}» (${reason}); выберите файл в существующей папке, доступной для записи`,
  keyFileExists: (path) =>
    `«${path}» уже существует; файл ключа никогда не перезаписывается — выберите другой --out`,
  cannotWriteKey: (path, reason) =>
    `не удаётся записать ключ в «${path}» (${reason}); выберите файл в существующей папке, доступной для записи`,
  badScope: (text) =>
    `--scope «${text}» — не \`federal[:ministries]\`, \`regional:<regions>\` и не \`export:<destinations>\` (идентификаторы через запятую)`,
  yesOrNo: (option, text) => `${option} принимает \`yes\` или \`no\`, а не «${text}»`,
  aNumber: (option, text) => `${option} принимает число, а не «${text}»`,
  sayWhoActs:
    'укажите, кто действует: --key <файл закрытого ключа> подписывает от имени своего участника (--by <principal> — только если в политике `identity: asserted`)',
  byNotKey: (by, principal) =>
    `--by ${by}, но ключ --key принадлежит ${principal}: подписанная команда действует от имени владельца ключа; уберите --by`,
  badVote: (vote) => `--vote «${vote}» — не голос; пленарное заседание голосует так: \`return\``,
  sayWhoWouldAct: 'укажите, кто действовал бы: --by <principal> или --key <файл>',
  sayWhere:
    'укажите, куда идёт команда: `--db <file.db | postgres://…>` с --policy <файл> или --server <адрес> запущенного `twokeys serve`',
  dbNeedsPolicy: '--db требует --policy <файл>: политику, по которой начинаются новые инициативы',
  serverNotUrl: (base) =>
    `--server «${base}» — не адрес; укажите тот, что напечатал \`twokeys serve\`, например http://127.0.0.1:8080`,
  unreachable: (root, reason) =>
    `не удаётся связаться с сервером ${root}: «${reason}»; проверьте --server и что \`twokeys serve\` запущен`,
  serverAnswered: (status, text) => `сервер ответил ${status}: «${text}»`,
  atDays: (max, text) =>
    `--at принимает дни от 0 до ${max} через запятую (например, --at 7,14,30), а не «${text}»`,
  giveScenario: 'укажите сценарий: --scenario <файл> (примеры — в examples/scenarios/)',
  searchStopped: 'поиск остановился на пределе',
  replayAt: (problem) => `--at: «${problem}»`,
  notAnInitiativeId: (problem) => `не идентификатор инициативы: ${problem}`,
  noInitiative: (id, db) =>
    `в ${db} нет инициативы «${id}»; проверьте идентификатор (\`twokeys audit export --db …\` покажет все события)`,
  exportFailed: (out, events, reason) =>
    `запись выгрузки в ${out === undefined ? 'стандартный вывод' : `«${out}»`} прервалась после событий: ${events} (${reason}); освободите место или выберите другой файл и выгрузите снова`,
  nameOneLog:
    'укажите один журнал для проверки: выгруженный файл (`twokeys audit verify audit.jsonl`) или базу (--db twokeys.db)',
  noLogIndex: (file) =>
    `в строках «${file}» нет \`logIndex\` (выгрузка сделана до журнала Меркла): выгрузите заново через \`twokeys audit export\`, чтобы сверить его с контрольной точкой`,
  unknownLanguage: (flag, languages) =>
    `--lang «${flag}» — не язык, на котором говорит twokeys; выберите ${languages.join(' или ')}`,
}

/**
 * The CLI's error words in its language (`--lang`).
 *
 * @example
 * throw new TwoKeysError('COMMAND_INVALID', cliErrorWords().sayWhoWouldAct)
 */
export function cliErrorWords(): CliErrorWords {
  return inCliLanguage({ en: ENGLISH_CLI_ERROR_WORDS, ru: RUSSIAN_CLI_ERROR_WORDS })
}
