import { join } from 'node:path'
import type { CommandInput } from '../../src/domain/Command.js'
import { createEngine, type Engine } from '../../src/engine/createEngine.js'
import { firstKeyringChange } from '../../src/identity/firstKeyringChange.js'
import { loadPrivateKeyFiles } from '../../src/identity/loadPrivateKeyFiles.js'
import type { PrivateKeyFile } from '../../src/identity/PrivateKeyFile.js'
import { type SignedCommand, signCommand } from '../../src/identity/signCommand.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import type { Policy } from '../../src/policy/PolicySchema.js'
import { createServer, type ServerOptions } from '../../src/serve/createServer.js'
import { memoryStore } from '../../src/stores/memoryStore.js'
import type { Store } from '../../src/stores/Store.js'

export const ROOT = join(import.meta.dirname, '..', '..')
/** The shipped two-keys policy, under identity: signed. */
export const signedPolicy: Policy = {
  ...loadPolicyFile(join(ROOT, 'machines/policies/two-keys.yaml')),
  identity: 'signed',
}
/** The walkthrough's published demo keys, one per principal. */
export const demoKeys: PrivateKeyFile[] = loadPrivateKeyFiles(join(ROOT, 'examples/demo-keys'))
export const keyOf = (principal: string): PrivateKeyFile => {
  const key = demoKeys.find((k) => k.principal === principal)
  if (key === undefined) throw new Error(`no demo key for ${principal}`)
  return key
}
/** A command signed by the key of its own actor (or of `signer`). */
export const sign = (command: CommandInput, signer: string = command.by): SignedCommand =>
  signCommand(command, keyOf(signer))

/** An engine on `store` with the demo keyring applied. */
export async function signedEngine(
  store: Store = memoryStore(),
  policy: Policy = signedPolicy,
): Promise<Engine> {
  const engine = createEngine({ policy, store })
  await engine.changeKeyring(firstKeyringChange(policy, demoKeys, '2020-01-01T00:00:00Z'))
  return engine
}

export async function signedServer(options: Partial<ServerOptions> = {}) {
  const engine = options.engine ?? (await signedEngine())
  const app = await createServer({ rateLimit: false, ...options, engine })
  return { app, engine }
}

export const proposal = (initiativeId: string, commandId = `${initiativeId}-propose`) =>
  sign({
    type: 'propose',
    initiativeId,
    commandId,
    by: 'gov-tatarstan',
    title: 'Kazan regional AI data centre',
    objective: 'infrastructure',
    scope: { kind: 'regional', regions: ['tatarstan'] },
    budget: 12_000_000_000,
  })
