import {
  AUDIT_MESSAGES,
  AUDIT_MESSAGES_RU,
  type AuditMessages,
  type AuditProblem,
  russianPlural,
} from '../index.js'

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`

/** The sections `audit verify --db` checks besides the hash chain, by their English names. */
export type AuditSection =
  | 'rules'
  | 'pinned policies'
  | 'snapshots'
  | 'security log'
  | 'command index'
  | 'keyring'

/**
 * The words of the audit commands' output for people (`audit verify`, `export`, `import`), and
 * the catalogue the checks' findings are worded from (`messages`; a finding without a phrase, such
 * as the ledger's reason for a broken rule, stays as the checker wrote it); ids, hashes, positions,
 * paths and `--json` stay as they are.
 */
export interface AuditWords {
  messages: AuditMessages
  tampered(problem: AuditProblem, position: number, line: number | undefined): string
  nothingTrusted(position: number): string
  checksOut(events: number, initiatives: number): string
  headsDigest(digest: string): string
  checkpointFailed(message: string): string
  checkpointHolds(size: number, by: string, appended: number): string
  section: Record<AuditSection, string>
  sealsNotChecked: string
  databaseAltered: string
  exported(events: number, db: string, out: string): string
  imported(events: number, initiatives: number, added: number, db: string): string
  missingPolicy(hash: string): string
  refusedImport(file: string, message: string): string
  /** Why an import was refused: the chain's first bad position (`finding` in this language). */
  importTampered(problem: AuditProblem, finding: string, position: number): string
  /** Why an import was refused: an event breaks the rules of its pinned policy. */
  importBreaksRules(finding: string): string
}

export const ENGLISH_AUDIT_WORDS: AuditWords = {
  messages: AUDIT_MESSAGES,
  tampered: (problem, position, line) =>
    `audit log tampered: ${problem} at ${line === undefined ? `position ${position}` : `position ${position} (line ${line})`}`,
  nothingTrusted: (position) =>
    `Nothing from position ${position} on can be trusted; restore the log from a trusted copy.`,
  checksOut: (events, initiatives) =>
    `${plural(events, 'event')} in ${plural(initiatives, 'initiative')}: every hash and link checks out`,
  headsDigest: (digest) =>
    `heads digest ${digest}; keep \`--json\` output to check later that nothing was cut off (--heads)`,
  checkpointFailed: (message) => `checkpoint: ${message}`,
  checkpointHolds: (size, by, appended) =>
    `checkpoint: the log's first ${size} events are exactly the ones cosigned by ${by}; ${appended} appended since`,
  section: {
    rules: 'rules',
    'pinned policies': 'pinned policies',
    snapshots: 'snapshots',
    'security log': 'security log',
    'command index': 'command index',
    keyring: 'keyring',
  },
  sealsNotChecked: ' (seals not checked: no snapshot key)',
  databaseAltered: 'The database was altered after the engine wrote it; restore it from a trusted copy.',
  exported: (events, db, out) => `exported ${events} event${events === 1 ? '' : 's'} from ${db} to ${out}`,
  imported: (events, initiatives, added, db) =>
    `${events} verified events of ${initiatives} initiatives; ${added} added to ${db}, ${events - added} already there`,
  missingPolicy: (hash) =>
    `policy ${hash} is not in the database: the events pinned to it were checked for hashes and links but not its rules, and engines cannot load them until you import again with that policy file (--policy)`,
  refusedImport: (file, message) => `refused to import "${file}": ${message}`,
  // As assertAuditOk and importAudit word them.
  importTampered: (problem, finding, position) =>
    `the audit log was tampered with (${problem}): ${finding}. Restore it from a trusted copy; nothing after position ${position} can be trusted`,
  importBreaksRules: (finding) =>
    `the audit log breaks the rules of its pinned policy: ${finding}. Nothing was imported; restore the log from a trusted copy`,
}

/** What was done to the log, in Russian (`history` says it too). */
export const PROBLEM_RU: Record<AuditProblem, string> = {
  malformed: 'запись повреждена',
  edited: 'событие изменено',
  deleted: 'событие удалено',
  inserted: 'событие вставлено',
  reordered: 'порядок событий изменён',
}

const events = (n: number) => russianPlural(n, ['событие', 'события', 'событий'])

export const RUSSIAN_AUDIT_WORDS: AuditWords = {
  messages: AUDIT_MESSAGES_RU,
  tampered: (problem, position, line) =>
    `журнал аудита подделан: ${PROBLEM_RU[problem]} (${problem}) в позиции ${position}${line === undefined ? '' : ` (строка ${line})`}`,
  nothingTrusted: (position) =>
    `Начиная с позиции ${position}, ничему нельзя доверять; восстановите журнал из надёжной копии.`,
  checksOut: (n, initiatives) =>
    `${events(n)} в ${russianPlural(initiatives, ['инициативе', 'инициативах', 'инициативах'])}: все хеши и связи сходятся`,
  headsDigest: (digest) =>
    `дайджест голов ${digest}; сохраните вывод \`--json\`, чтобы потом проверить, что ничего не отрезано (--heads)`,
  checkpointFailed: (message) => `контрольная точка: ${message}`,
  checkpointHolds: (size, by, appended) =>
    `контрольная точка: первые ${events(size)} журнала — ровно те, что заверили ${by}; добавлено после: ${appended}`,
  section: {
    rules: 'правила',
    'pinned policies': 'закреплённые политики',
    snapshots: 'снимки',
    'security log': 'журнал безопасности',
    'command index': 'индекс команд',
    keyring: 'реестр ключей',
  },
  sealsNotChecked: ' (печати не проверены: нет ключа снимков)',
  databaseAltered:
    'Базу данных изменили после того, как в неё записал движок; восстановите её из надёжной копии.',
  exported: (n, db, out) => `выгружено: ${events(n)} из ${db} в ${out}`,
  imported: (n, initiatives, added, db) =>
    `проверено: ${events(n)} из ${russianPlural(initiatives, ['инициативы', 'инициатив', 'инициатив'])}; добавлено в ${db}: ${added}, уже были: ${n - added}`,
  missingPolicy: (hash) =>
    `политики ${hash} нет в базе данных: у привязанных к ней событий проверены хеши и связи, но не её правила, и движки не смогут их загрузить, пока вы не импортируете журнал снова с файлом этой политики (--policy)`,
  refusedImport: (file, message) => `импорт «${file}» отклонён: ${message}`,
  importTampered: (problem, finding, position) =>
    `журнал аудита подделан: ${PROBLEM_RU[problem]} (${problem}): ${finding}. Восстановите его из надёжной копии; после позиции ${position} ничему нельзя доверять`,
  importBreaksRules: (finding) =>
    `журнал аудита нарушает правила своей закреплённой политики: ${finding}. Ничего не импортировано; восстановите журнал из надёжной копии`,
}
