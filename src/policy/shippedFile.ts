// Aliased: a bundle's banner may declare its own `createRequire` (tests/stores/support/crashSoak.ts).
import { createRequire as createRequireAt } from 'node:module'

const requireOwn = createRequireAt(import.meta.url)

/** A path into the installed package: `twokeys/policies/two-keys.yaml`, `twokeys/examples/…`. */
export const PACKAGE_PATH = /^twokeys\/./
/** The bare name of a shipped policy (`two-keys.yaml`), as the CLI and a script's `policy:` accept it. */
export const BARE_POLICY_NAME = /^[\w-]+\.(ya?ml|json)$/

/**
 * A shipped file by its package path, resolved through twokeys' own `exports` (so it works from
 * any folder); undefined when the package does not ship it.
 *
 * @example
 * shippedFile('twokeys/policies/council.yaml') // …/node_modules/twokeys/machines/policies/council.yaml
 */
export function shippedFile(specifier: string): string | undefined {
  try {
    return requireOwn.resolve(specifier)
  } catch {
    return undefined
  }
}

/** A shipped policy by its bare name (`council.yaml`); undefined for any other text or an unshipped name. */
export function shippedPolicy(name: string): string | undefined {
  return BARE_POLICY_NAME.test(name) ? shippedFile(`twokeys/policies/${name}`) : undefined
}
