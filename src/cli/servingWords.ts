/** What `twokeys playground` and `twokeys classroom` say when they start, stop or cannot start. */
export interface ServingWords {
  /** "twokeys playground on http://… and http://…" */
  servingOn: (what: string, urls: readonly string[]) => string
  loopbackOnly: string
  sameNetwork: string
  pressCtrlC: string
  stopped: string
  portInUse: (port: number, host: string) => string
  cannotListen: (where: string, reason: string) => string
  notBuilt: (page: string, missing: string, root: string) => string
  /** `(\`npm ci\` builds it too)`, said of the playground page. */
  npmCiBuildsIt: string
  sessionLine: (policyId: string, db: string) => string
  teacher: string
  teacherNote: string
  students: string
  /** The line before the students' addresses, with the join code already styled. */
  joinCodeAt: (code: string) => string
  onlyThisMachine: string
}

const ENGLISH_SERVING_WORDS: ServingWords = {
  servingOn: (what, urls) => `twokeys ${what} on ${urls.join(' and ')}`,
  loopbackOnly: 'This machine has no network address but loopback: no one else can open the page.',
  sameNetwork: 'Students on the same network open one of these addresses.',
  pressCtrlC: 'Press Ctrl-C to stop.',
  stopped: 'stopped',
  portInUse: (port, host) =>
    `port ${port} on ${host} is already in use; pick another with --port N (or --port 0 for any free port)`,
  cannotListen: (where, reason) => `cannot listen on ${where} (${reason}); check --host and --port`,
  notBuilt: (page, missing, root) =>
    `the ${page} page is not built (${missing} is missing); run \`npm run build:web\` in ${root}`,
  npmCiBuildsIt: ' (`npm ci` builds it too)',
  sessionLine: (policyId, db) => `policy ${policyId} (identity: signed) · session database ${db}`,
  teacher: 'Teacher',
  teacherNote: ' (keep this address to yourself: it carries the teacher token)',
  students: 'Students',
  joinCodeAt: (code) => `join code ${code} at`,
  onlyThisMachine:
    '  Only this machine can open these; start with --host 0.0.0.0 for phones on the class network.',
}

const RUSSIAN_SERVING_WORDS: ServingWords = {
  servingOn: (what, urls) => `twokeys ${what} работает по адресу ${urls.join(' и ')}`,
  loopbackOnly: 'У этого компьютера нет сетевого адреса, кроме локального: больше никто не откроет страницу.',
  sameNetwork: 'Ученики в той же сети открывают один из этих адресов.',
  pressCtrlC: 'Остановить — Ctrl-C.',
  stopped: 'остановлено',
  portInUse: (port, host) =>
    `порт ${port} на ${host} уже занят; выберите другой: --port N (или --port 0 — любой свободный)`,
  cannotListen: (where, reason) => `не удаётся слушать ${where} (${reason}); проверьте --host и --port`,
  notBuilt: (page, missing, root) =>
    `страница ${page} не собрана (нет ${missing}); выполните \`npm run build:web\` в ${root}`,
  npmCiBuildsIt: ' (её собирает и `npm ci`)',
  sessionLine: (policyId, db) => `политика ${policyId} (identity: signed) · база урока ${db}`,
  teacher: 'Учитель',
  teacherNote: ' (никому не показывайте этот адрес: в нём ключ учителя)',
  students: 'Ученики',
  joinCodeAt: (code) => `код для входа ${code}, адреса:`,
  onlyThisMachine:
    '  Эти адреса открываются только на этом компьютере; для телефонов в сети класса запустите с --host 0.0.0.0.',
}

/** Both languages, for `inCliLanguage`. */
export const SERVING_WORDS = { en: ENGLISH_SERVING_WORDS, ru: RUSSIAN_SERVING_WORDS }
