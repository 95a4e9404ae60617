import { readFileSync, writeFileSync } from 'node:fs'
import type { Command } from 'commander'
import pc from 'picocolors'
import {
  createEngine,
  type KeyEntry,
  KeyEntrySchema,
  type Keyring,
  type KeyringChange,
  KeyringChangeSchema,
  keyringHash,
  loadPrivateKeyFile,
  newKeyPair,
  PrivateKeyFileSchema,
  signKeyringChange,
  TwoKeysError,
} from '../index.js'
import { keysWords } from './keysWords.js'
import { describeDb, openStore } from './openStore.js'
import { loadCliPolicy } from './packagePath.js'
import { trustFileOf } from './trustFileOf.js'
import { writeNewKeyFile } from './writeOutputFile.js'

const print = (text: string): void => {
  process.stdout.write(`${text}\n`)
}

function readJson(path: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch (cause) {
    throw new TwoKeysError('COMMAND_INVALID', keysWords().cannotReadJson(what, path), { cause })
  }
}

function readChange(path: string): KeyringChange {
  const parsed = KeyringChangeSchema.safeParse(readJson(path, 'keyring change'))
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(change)'}: ${i.message}`)
    throw new TwoKeysError('COMMAND_INVALID', keysWords().notAChange(path, problems.join('; ')))
  }
  return parsed.data
}

/** A public entry from a file: an entry as `keys new` prints it, or a private key file (its public half). */
function readEntry(path: string, validFrom: string): KeyEntry {
  const json = readJson(path, 'key entry')
  const entry = KeyEntrySchema.safeParse(json)
  if (entry.success) return entry.data
  const key = PrivateKeyFileSchema.safeParse(json)
  if (key.success)
    return { keyId: key.data.kid, principal: key.data.principal, publicKey: key.data.x, validFrom }
  throw new TwoKeysError('COMMAND_INVALID', keysWords().notAnEntry(path))
}

async function withEngine<T>(
  options: { db: string; policy: string },
  work: (engine: ReturnType<typeof createEngine>) => Promise<T>,
) {
  const store = await openStore(options.db)
  const engine = createEngine({ policy: loadCliPolicy(options.policy), store })
  try {
    return await work(engine)
  } finally {
    await engine.close()
  }
}

function describeKeyring(keyring: Keyring | null): string {
  const words = keysWords()
  if (keyring === null) return words.noKeyring
  const rows = keyring.entries.map((e) => {
    const state =
      e.revokedAt !== undefined
        ? pc.red(words.revoked(e.revokedAt))
        : e.validUntil === undefined
          ? words.valid
          : words.until(e.validUntil)
    return `  ${e.keyId.padEnd(24)} ${e.principal.padEnd(18)} ${words.from(e.validFrom)}  ${state}`
  })
  return [words.keyringVersion(keyring.version, keyringHash(keyring).slice(0, 12)), ...rows].join('\n')
}

/** `twokeys keys …`: make keys, draft, sign and apply keyring changes, show the keyring. */
export function registerKeys(program: Command): void {
  const keys = program
    .command('keys')
    .description('Ed25519 keys of principals and the keyring that two institutions control')

  keys
    .command('new')
    .description(
      "make a principal's key pair: the private key file (owner-only) and the public entry to add to the keyring",
    )
    .argument('<principal>', 'the principal the key speaks for, e.g. oreshkin')
    .option('--key-id <id>', 'the key id (default: <principal>-<date>)')
    .option('--valid-from <time>', 'when the key becomes valid (ISO time; default: now)')
    .option('--out <file>', 'where to write the private key (default: <principal>.key.json)')
    .option('--json', 'print the public entry as JSON only')
    .action(
      (principal: string, options: { keyId?: string; validFrom?: string; out?: string; json?: boolean }) => {
        const validFrom = options.validFrom ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')
        const keyId = options.keyId ?? `${principal}-${validFrom.slice(0, 10)}`
        const { privateKey, entry } = newKeyPair(principal, keyId, validFrom)
        const parsed = KeyEntrySchema.safeParse(entry)
        if (!parsed.success)
          throw new TwoKeysError(
            'COMMAND_INVALID',
            keysWords().cannotMakeKey(parsed.error.issues[0]?.message),
          )
        const out = options.out ?? `${principal}.key.json`
        writeNewKeyFile(out, `${JSON.stringify(privateKey, null, 2)}\n`, 0o600)
        if (options.json) {
          print(JSON.stringify(entry, null, 2))
          return
        }
        print(`${pc.green('✓')} ${keysWords().wroteKey(principal, out)}`)
        print(keysWords().publicEntry(out))
        print(JSON.stringify(entry, null, 2))
      },
    )

  keys
    .command('draft')
    .description("draft a keyring change against the store's current keyring; each institution then signs it")
    .requiredOption('--db <db>', 'the SQLite file or postgres:// URL whose keyring to change')
    .requiredOption('--policy <file>', 'the policy (it names the key-holding institutions that must sign)')
    .option('--add <file...>', 'public entries (or private key files, whose public half is taken) to add')
    .option('--revoke <keyId...>', 'key ids to revoke, optionally "@<ISO time>" (default: now)')
    .option('--reason <text>', 'why, kept in the change')
    .option('--out <file>', 'where to write the draft (default: stdout)')
    .action(
      async (options: {
        db: string
        policy: string
        add?: string[]
        revoke?: string[]
        reason?: string
        out?: string
      }) => {
        const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')
        const current = await withEngine(options, (engine) => engine.keyring())
        const change: KeyringChange = {
          base: keyringHash(current),
          version: (current?.version ?? 0) + 1,
          ...(options.reason === undefined ? {} : { reason: options.reason }),
          add: (options.add ?? []).map((file) => readEntry(file, now)),
          revoke: (options.revoke ?? []).map((r) => {
            const [keyId = '', at = now] = r.split('@')
            return { keyId, at }
          }),
          signatures: [],
        }
        const parsed = KeyringChangeSchema.parse(change)
        const text = `${JSON.stringify(parsed, null, 2)}\n`
        if (options.out === undefined) process.stdout.write(text)
        else {
          writeFileSync(options.out, text)
          print(`${pc.green('✓')} ${keysWords().drafted(parsed.version, options.out)}`)
        }
      },
    )

  keys
    .command('sign-change')
    .description("add one institution's signature to a keyring change (in place)")
    .argument('<change>', 'the keyring change file')
    .requiredOption('--key <file>', 'the private key file to sign with')
    .option('--out <file>', 'write the signed change here instead of in place')
    .action((path: string, options: { key: string; out?: string }) => {
      const key = loadPrivateKeyFile(options.key)
      const signed = signKeyringChange(readChange(path), key)
      writeFileSync(options.out ?? path, `${JSON.stringify(signed, null, 2)}\n`)
      print(`${pc.green('✓')} ${keysWords().signedBy(key.kid, key.principal, signed.signatures.length)}`)
    })

  keys
    .command('apply')
    .description('apply a keyring change signed by every key-holding institution; refused otherwise')
    .argument('<change>', 'the signed keyring change file')
    .requiredOption('--db <db>', 'the SQLite file or postgres:// URL')
    .requiredOption('--policy <file>', 'the policy (it names the key-holding institutions that must sign)')
    .action(async (path: string, options: { db: string; policy: string }) => {
      const next = await withEngine(options, (engine) => engine.changeKeyring(readChange(path)))
      print(`${pc.green('✓')} ${keysWords().applied}\n${describeKeyring(next)}`)
    })

  keys
    .command('export')
    .description(
      "the trust file for checking signatures without twokeys: each institution's principals (from the policy) and every keyring change as stored",
    )
    .requiredOption('--db <db>', 'the SQLite file or postgres:// URL')
    .requiredOption('--policy <file>', 'the policy whose institutions must sign keyring changes')
    .option('--out <file>', 'write it here (default: stdout)')
    .action(async (options: { db: string; policy: string; out?: string }) => {
      const policy = loadCliPolicy(options.policy)
      const store = await openStore(options.db, { mustExist: true })
      try {
        // The identity the log was written under: its pinned policies', not the file's.
        const { trust, note } = await trustFileOf(store, policy, options.policy, describeDb(options.db))
        if (note !== undefined) process.stderr.write(`${note}\n`)
        const text = `${JSON.stringify(trust, null, 2)}\n`
        if (options.out === undefined) process.stdout.write(text)
        else writeFileSync(options.out, text)
      } finally {
        await store.close()
      }
    })

  keys
    .command('show')
    .description('the current keyring, each change re-checked')
    .requiredOption('--db <db>', 'the SQLite file or postgres:// URL')
    .requiredOption('--policy <file>', 'the policy')
    .option('--json', 'print the keyring as JSON')
    .action(async (options: { db: string; policy: string; json?: boolean }) => {
      const keyring = await withEngine(options, (engine) => engine.keyring())
      print(options.json ? JSON.stringify(keyring, null, 2) : describeKeyring(keyring))
    })
}
