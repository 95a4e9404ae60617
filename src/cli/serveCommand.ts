import { existsSync, readFileSync } from 'node:fs'
import { dirname, isAbsolute, resolve } from 'node:path'
import type { Command } from 'commander'
import { createLocalJWKSet, createRemoteJWKSet } from 'jose'
import { createEngine, createSignatureMemo, TwoKeysError } from '../index.js'
import {
  createServeMetrics,
  createServer,
  LOG_LEVELS,
  loadServeConfig,
  type ReadAccess,
  type ServeConfig,
  startBackgroundJobs,
} from '../serve/index.js'
import { readSnapshotKey } from './auditFiles.js'
import { describeDb, openStore } from './openStore.js'
import { loadCliPolicy } from './packagePath.js'
import { packageVersion } from './packageVersion.js'
import { serveWords } from './serveWords.js'
import { wholeNumber } from './wholeNumber.js'
import { readNoteSigner, readWitnessList } from './witnessFiles.js'

interface ServeFlags {
  policy?: string
  db?: string
  host?: string
  port?: string
  config?: string
  snapshotKeyFile?: string
  logLevel?: string
  allowUnsigned?: boolean
  jwksUrl?: string
  jwtIssuer?: string
  jwtAudience?: string
  tickEvery?: string
  webhookUrl?: string[]
  logKey?: string
  witnesses?: string
  checkpointEvery?: string
}

const POSTGRES_URL = /^postgres(ql)?:\/\//i
const say = (text: string) => process.stderr.write(`${text}\n`)

/** A path from the config file, relative to the file (a postgres:// URL or twokeys/… package path stays as it is). */
function fromConfig(path: string | undefined, base: string): string | undefined {
  if (path === undefined || isAbsolute(path) || POSTGRES_URL.test(path)) return path
  const joined = resolve(base, path)
  return existsSync(joined) || !/^twokeys\//.test(path) ? joined : path
}

const envFlag = (name: string): boolean | undefined => {
  const value = process.env[name]
  if (value === undefined || value === '') return undefined
  if (/^(1|true|yes)$/i.test(value)) return true
  if (/^(0|false|no)$/i.test(value)) return false
  throw new TwoKeysError('CONFIG_INVALID', serveWords().trueOrFalse(name, value))
}
const env = (name: string): string | undefined => {
  const value = process.env[name]
  return value === undefined || value === '' ? undefined : value
}

/** Every setting, flags over environment over config file over defaults. */
export function serveSettings(flags: ServeFlags) {
  const configPath = flags.config ?? env('TWOKEYS_CONFIG')
  const file: ServeConfig = configPath === undefined ? {} : loadServeConfig(configPath)
  const base = configPath === undefined ? process.cwd() : dirname(resolve(configPath))
  const portText = flags.port ?? env('TWOKEYS_PORT')
  const logLevel = flags.logLevel ?? env('TWOKEYS_LOG_LEVEL') ?? file.logLevel ?? 'info'
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new TwoKeysError('COMMAND_INVALID', serveWords().badLogLevel(logLevel, LOG_LEVELS))
  }
  const policy = flags.policy ?? env('TWOKEYS_POLICY') ?? fromConfig(file.policy, base)
  if (policy === undefined) {
    throw new TwoKeysError('COMMAND_INVALID', serveWords().noPolicy)
  }
  const jwksUrl = flags.jwksUrl ?? env('TWOKEYS_JWKS_URL') ?? file.auth?.jwksUrl
  const reads = file.auth?.reads ?? (jwksUrl === undefined ? 'open' : 'jwt')
  if (reads === 'jwt' && jwksUrl === undefined) {
    throw new TwoKeysError('CONFIG_INVALID', serveWords().jwtWithoutJwks)
  }
  return {
    policy,
    db: flags.db ?? env('TWOKEYS_DB') ?? fromConfig(file.db, base) ?? 'twokeys.db',
    host: flags.host ?? env('TWOKEYS_HOST') ?? file.host ?? '127.0.0.1',
    port: portText === undefined ? (file.port ?? 8080) : wholeNumber(portText, '--port', 0, 65535),
    logLevel,
    snapshotKeyFile:
      flags.snapshotKeyFile ?? env('TWOKEYS_SNAPSHOT_KEY_FILE') ?? fromConfig(file.snapshotKeyFile, base),
    allowUnsigned: flags.allowUnsigned ?? envFlag('TWOKEYS_ALLOW_UNSIGNED') ?? file.allowUnsigned ?? false,
    bodyLimit: file.bodyLimit,
    rateLimit: file.rateLimit,
    corsOrigins: file.corsOrigins,
    trustProxy: file.trustProxy,
    tickEveryMs: wholeNumber(
      flags.tickEvery ?? env('TWOKEYS_TICK_EVERY_MS') ?? '1000',
      '--tick-every',
      0,
      3_600_000,
    ),
    webhookUrls: flags.webhookUrl ?? env('TWOKEYS_WEBHOOK_URL')?.split(',') ?? [],
    webhookSecret: env('TWOKEYS_WEBHOOK_SECRET'),
    logKey: flags.logKey ?? env('TWOKEYS_LOG_KEY_FILE'),
    witnesses: flags.witnesses ?? env('TWOKEYS_WITNESSES_FILE'),
    checkpointEverySeconds: wholeNumber(
      flags.checkpointEvery ?? env('TWOKEYS_CHECKPOINT_EVERY') ?? '60',
      '--checkpoint-every',
      1,
      7 * 24 * 3600,
    ),
    auth: {
      reads,
      jwksUrl,
      issuer: flags.jwtIssuer ?? env('TWOKEYS_JWT_ISSUER') ?? file.auth?.issuer,
      audience: flags.jwtAudience ?? env('TWOKEYS_JWT_AUDIENCE') ?? file.auth?.audience,
      principals: file.auth?.principals ?? {},
    },
  }
}

/** The read access the settings ask for; a `file:` JWKS URL is read once (for tests and air-gapped setups). */
async function readAccessOf(auth: ReturnType<typeof serveSettings>['auth']): Promise<ReadAccess> {
  if (auth.reads === 'open' || auth.jwksUrl === undefined) return { reads: 'open' }
  const url = new URL(auth.jwksUrl)
  const keys =
    url.protocol === 'file:'
      ? createLocalJWKSet(JSON.parse(readFileSync(url, 'utf8')))
      : createRemoteJWKSet(url)
  return {
    reads: 'jwt',
    keys,
    ...(auth.issuer === undefined ? {} : { issuer: auth.issuer }),
    ...(auth.audience === undefined ? {} : { audience: auth.audience }),
    principals: auth.principals,
  }
}

async function serve(flags: ServeFlags): Promise<void> {
  const settings = serveSettings(flags)
  const policy = loadCliPolicy(settings.policy)
  if (policy.identity !== 'signed' && !settings.allowUnsigned) {
    throw new TwoKeysError('CONFIG_INVALID', serveWords().notSigned(policy.id, policy.identity ?? 'asserted'))
  }
  if (settings.allowUnsigned) {
    say(serveWords().allowUnsignedWarning)
  }
  const auth = await readAccessOf(settings.auth)
  if (settings.webhookUrls.length > 0 && settings.webhookSecret === undefined)
    throw new TwoKeysError('CONFIG_INVALID', serveWords().webhooksNeedSecret)
  if (settings.witnesses !== undefined && settings.logKey === undefined)
    throw new TwoKeysError('CONFIG_INVALID', serveWords().witnessesNeedLogKey)
  const logSigner = settings.logKey === undefined ? undefined : readNoteSigner(settings.logKey, 'log key')
  const witnessList = settings.witnesses === undefined ? undefined : readWitnessList(settings.witnesses)
  const snapshotKey = readSnapshotKey(settings.snapshotKeyFile)
  const store = await openStore(settings.db)
  // The witnesses the log's checkpoints go to also vouch for the snapshots they cover.
  // One memo: the rate limiter's check of a signature spares the engine its own.
  const signatureMemo = createSignatureMemo()
  const engine = createEngine({
    policy,
    store,
    signatureMemo,
    ...(snapshotKey === undefined ? {} : { snapshotKey }),
    ...(witnessList === undefined ? {} : { witnesses: witnessList }),
  })
  const metrics = createServeMetrics()
  let app: Awaited<ReturnType<typeof createServer>>
  try {
    app = await createServer({
      engine,
      metrics,
      store,
      policy,
      allowUnsigned: settings.allowUnsigned,
      signatureMemo,
      logger: { level: settings.logLevel },
      auth,
      ...(settings.rateLimit === undefined ? {} : { rateLimit: settings.rateLimit }),
      ...(settings.bodyLimit === undefined ? {} : { bodyLimit: settings.bodyLimit }),
      ...(settings.corsOrigins === undefined ? {} : { corsOrigins: settings.corsOrigins }),
      ...(settings.trustProxy === undefined ? {} : { trustProxy: settings.trustProxy }),
      version: packageVersion(),
    })
    await app.listen({ host: settings.host, port: settings.port })
  } catch (error) {
    await engine.close()
    throw error
  }
  const address = app.server.address()
  const port = typeof address === 'object' && address !== null ? address.port : settings.port
  const host = settings.host.includes(':') ? `[${settings.host}]` : settings.host
  const url = `http://${host}:${port}`
  const jobs = startBackgroundJobs({
    engine,
    metrics,
    tickEveryMs: settings.tickEveryMs,
    webhooks: settings.webhookUrls.map((hook) => ({ url: hook, secret: settings.webhookSecret as string })),
    ...(logSigner === undefined
      ? {}
      : {
          checkpoints: {
            signer: logSigner,
            ...(witnessList === undefined ? {} : { witnesses: witnessList }),
            everyMs: settings.checkpointEverySeconds * 1000,
          },
        }),
    log: (level, message, detail) => app.log[level](detail ?? {}, message),
  })
  const words = serveWords()
  say(words.listening(url, policy.id, policy.identity ?? 'asserted', describeDb(settings.db), auth.reads))
  await new Promise<void>((done) => {
    const stop = (signal: string) => {
      process.off('SIGINT', onInt)
      process.off('SIGTERM', onTerm)
      say(words.stopping(signal))
      // Requests still running after 10 s are cut off, so that a stuck client cannot hold the stop.
      const force = setTimeout(() => app.server.closeAllConnections(), 10_000)
      force.unref()
      app
        .close()
        .catch((error: unknown) => say(words.closingServer(String(error))))
        .then(() => jobs.stop())
        .then(() => engine.close())
        .catch((error: unknown) => say(words.closingStore(String(error))))
        .finally(() => {
          clearTimeout(force)
          done()
        })
    }
    const onInt = () => stop('SIGINT')
    const onTerm = () => stop('SIGTERM')
    process.on('SIGINT', onInt)
    process.on('SIGTERM', onTerm)
  })
  say(words.stopped)
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(
      'serve the engine over HTTP: signed commands in, receipts out; status, history, proofs, OpenAPI, metrics',
    )
    .option('--policy <file>', 'the policy new initiatives start under (identity: signed)')
    .option('--db <db>', 'a SQLite file or a postgres:// URL (default twokeys.db)')
    .option('--host <host>', 'the address to listen on (default 127.0.0.1)')
    .option('--port <port>', 'the port; 0 for any free one (default 8080)')
    .option(
      '--config <file>',
      'a JSON or YAML config file (flags win over TWOKEYS_* variables, which win over it)',
    )
    .option('--snapshot-key-file <file>', "the engine's snapshot key (else TWOKEYS_SNAPSHOT_KEY)")
    .option('--log-level <level>', `${LOG_LEVELS.join(', ')} (default info); JSON lines on stdout`)
    .option('--allow-unsigned', 'serve a policy whose identity is not signed: anyone may then act as anyone')
    .option('--jwks-url <url>', 'reads need a bearer JWT verified against this JWKS')
    .option('--jwt-issuer <iss>', 'the issuer a read token must name')
    .option('--jwt-audience <aud>', 'the audience a read token must name')
    .option(
      '--tick-every <ms>',
      'look for passed deadlines this often; one instance at a time records them (default 1000; 0: off)',
    )
    .option(
      '--webhook-url <url>',
      'tell this endpoint whose key is awaited (repeatable); deliveries are signed with TWOKEYS_WEBHOOK_SECRET',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option(
      '--log-key <file>',
      "the log's private key: publish checkpoints on a schedule (twokeys log key new)",
    )
    .option('--witnesses <file>', 'with --log-key: ask these witnesses to cosign each checkpoint')
    .option('--checkpoint-every <seconds>', 'with --log-key: how often to publish (default 60)')
    .addHelpText(
      'after',
      '\nExamples:\n  twokeys serve --policy policy.yaml --db twokeys.db --port 8080\n  twokeys serve --config serve.yaml\n  TWOKEYS_DB=postgres://twokeys@db/twokeys twokeys serve --policy policy.yaml --host 0.0.0.0\n\nWrites are POST /commands with a command signed by its actor; the policy must say identity: signed\n(unless --allow-unsigned). SIGTERM or SIGINT: stop accepting, finish requests in flight, close the store, exit 0.',
    )
    .action((flags: ServeFlags) => serve(flags))
}
