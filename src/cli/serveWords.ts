import { inCliLanguage } from './cliLanguage.js'

/**
 * What `twokeys serve` says on stderr when it starts, stops or refuses its settings, in each
 * language the CLI speaks. The HTTP API and the JSON log lines stay English.
 */
export interface ServeWords {
  trueOrFalse(name: string, value: string): string
  badLogLevel(level: string, levels: readonly string[]): string
  noPolicy: string
  jwtWithoutJwks: string
  notSigned(policyId: string, identity: string): string
  allowUnsignedWarning: string
  webhooksNeedSecret: string
  witnessesNeedLogKey: string
  listening(url: string, policyId: string, identity: string, store: string, reads: string): string
  stopping(signal: string): string
  closingServer(error: string): string
  closingStore(error: string): string
  stopped: string
}

export const ENGLISH_SERVE_WORDS: ServeWords = {
  trueOrFalse: (name, value) => `${name}=${JSON.stringify(value)}: use true or false`,
  badLogLevel: (level, levels) => `log level ${JSON.stringify(level)} is not one of ${levels.join(', ')}`,
  noPolicy: 'no policy: give --policy <file> (or TWOKEYS_POLICY, or "policy" in the config file)',
  jwtWithoutJwks:
    'auth.reads is jwt but no JWKS is given: set --jwks-url (or TWOKEYS_JWKS_URL, or auth.jwksUrl)',
  notSigned: (policyId, identity) =>
    `refusing to serve policy "${policyId}": its identity is ${identity}, not signed, so anyone reaching the server could act as anyone by naming them. Use a policy with identity: signed (and apply a keyring: twokeys keys apply), or pass --allow-unsigned to accept unsigned commands knowingly`,
  allowUnsignedWarning:
    'WARNING: --allow-unsigned: commands without a signature are accepted; their "by" is taken on its word. Never expose this server beyond people you trust to act as anyone.',
  webhooksNeedSecret:
    'webhooks need a secret to sign deliveries with: set TWOKEYS_WEBHOOK_SECRET (a long random string, e.g. openssl rand -hex 32)',
  witnessesNeedLogKey: '--witnesses needs --log-key: the log signs the checkpoints the witnesses cosign',
  listening: (url, policyId, identity, store, reads) =>
    `twokeys serve listening on ${url} (policy "${policyId}", identity ${identity}; store ${store}; reads ${reads}) — API ${url}/openapi.json, docs ${url}/docs`,
  stopping: (signal) => `twokeys serve: ${signal}: no new requests; finishing those in flight`,
  closingServer: (error) => `twokeys serve: closing the server: ${error}`,
  closingStore: (error) => `twokeys serve: closing the store: ${error}`,
  stopped: 'twokeys serve stopped',
}

export const RUSSIAN_SERVE_WORDS: ServeWords = {
  trueOrFalse: (name, value) => `${name}=${JSON.stringify(value)}: укажите \`true\` или \`false\``,
  badLogLevel: (level, levels) =>
    `уровень журнала ${JSON.stringify(level)} — не один из \`${levels.join(', ')}\``,
  noPolicy: 'нет политики: укажите --policy <файл> (или TWOKEYS_POLICY, или `policy` в файле настроек)',
  jwtWithoutJwks:
    '`auth.reads` — `jwt`, но JWKS не задан: укажите --jwks-url (или TWOKEYS_JWKS_URL, или `auth.jwksUrl`)',
  notSigned: (policyId, identity) =>
    `политика «${policyId}» не будет обслуживаться: её \`identity\` — \`${identity}\`, а не \`signed\`, и любой, кто достучится до сервера, сможет действовать за кого угодно, просто назвав его. Возьмите политику с \`identity: signed\` (и примените реестр ключей: \`twokeys keys apply\`) или осознанно примите неподписанные команды: --allow-unsigned`,
  allowUnsignedWarning:
    'ВНИМАНИЕ: --allow-unsigned: команды без подписи принимаются, их `by` берётся на слово. Открывайте этот сервер только тем, кому доверяете действовать за кого угодно.',
  webhooksNeedSecret:
    'вебхукам нужен секрет, которым подписываются доставки: задайте TWOKEYS_WEBHOOK_SECRET (длинную случайную строку, например `openssl rand -hex 32`)',
  witnessesNeedLogKey:
    '--witnesses требует --log-key: журнал подписывает контрольные точки, которые подписывают свидетели',
  listening: (url, policyId, identity, store, reads) =>
    `twokeys serve слушает ${url} (политика «${policyId}», \`identity ${identity}\`; хранилище ${store}; чтение \`${reads}\`) — API ${url}/openapi.json, документация ${url}/docs`,
  stopping: (signal) => `twokeys serve: ${signal}: новых запросов не принимаю; дожидаюсь начатых`,
  closingServer: (error) => `twokeys serve: ошибка при закрытии сервера: «${error}»`,
  closingStore: (error) => `twokeys serve: ошибка при закрытии хранилища: «${error}»`,
  stopped: 'twokeys serve остановлен',
}

/**
 * `serve`'s words in the CLI's language (`--lang`).
 *
 * @example
 * say(serveWords().stopped) // 'twokeys serve остановлен' under --lang ru
 */
export function serveWords(): ServeWords {
  return inCliLanguage({ en: ENGLISH_SERVE_WORDS, ru: RUSSIAN_SERVE_WORDS })
}
