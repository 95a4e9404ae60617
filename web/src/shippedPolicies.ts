/** A policy file shipped in machines/policies/, bundled into the page at build time. */
export interface ShippedPolicy {
  file: string
  text: string
}

const texts = import.meta.glob<string>('../../machines/policies/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
})

const DEFAULT_FILE = 'two-keys.yaml'

/** The shipped policies: the seed's two-keys.yaml first, then the others by name. */
export const SHIPPED_POLICIES: readonly ShippedPolicy[] = Object.entries(texts)
  .map(([path, text]) => ({ file: path.slice(path.lastIndexOf('/') + 1), text }))
  .sort(
    (a, b) =>
      Number(b.file === DEFAULT_FILE) - Number(a.file === DEFAULT_FILE) || a.file.localeCompare(b.file),
  )

/** A shipped policy by file name (`two-keys.yaml`); throws if the build has no such file. */
export function shippedPolicy(file: string): ShippedPolicy {
  const found = SHIPPED_POLICIES.find((p) => p.file === file)
  if (found === undefined) {
    throw new Error(
      `no shipped policy "${file}" (shipped: ${SHIPPED_POLICIES.map((p) => p.file).join(', ')}); rebuild the page`,
    )
  }
  return found
}
