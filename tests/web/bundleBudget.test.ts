import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { beforeAll, describe, expect, it } from 'vitest'
import { sharedBuild } from './support/sharedBuild.js'

/** The first load of the playground may fetch at most this much gzipped JavaScript. */
const BUDGET = 260_000

interface Chunk {
  file: string
  src?: string
  isEntry?: boolean
  imports?: string[]
  dynamicImports?: string[]
}
type Manifest = Record<string, Chunk>

let OUT = ''

/** Every chunk reachable from `keys` through static imports: what the browser must fetch before running them. */
function staticClosure(manifest: Manifest, keys: readonly string[]): Set<string> {
  const seen = new Set<string>()
  const visit = (key: string) => {
    if (seen.has(key)) return
    seen.add(key)
    for (const next of manifest[key]?.imports ?? []) visit(next)
  }
  for (const key of keys) visit(key)
  return seen
}

const gzipped = (file: string) => gzipSync(readFileSync(join(OUT, file))).length
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`

describe('the playground bundle', () => {
  let manifest: Manifest
  let html: string
  beforeAll(async () => {
    OUT = await sharedBuild()
    manifest = JSON.parse(readFileSync(join(OUT, '.vite/manifest.json'), 'utf8')) as Manifest
    html = readFileSync(join(OUT, 'index.html'), 'utf8')
  }, 120_000)

  it(`loads under ${kb(BUDGET)} of gzipped JavaScript first; Mermaid only on demand`, () => {
    // What index.html loads: its module scripts and preloads, and their static imports.
    const loaded = [
      ...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\.\/([^"]+)"/g),
    ].map((m) => m[1] as string)
    const keyOf = new Map(Object.entries(manifest).map(([key, chunk]) => [chunk.file, key]))
    const entries = loaded.map((file) => keyOf.get(file))
    expect(entries, `index.html loads files the manifest does not know: ${loaded.join(', ')}`).not.toContain(
      undefined,
    )
    expect(entries).toContain('index.html')
    const first = staticClosure(manifest, entries as string[])
    const files = [...first].map((key) => manifest[key]?.file as string).filter((f) => f.endsWith('.js'))
    const firstLoad = files.reduce((sum, file) => sum + gzipped(file), 0)

    const mermaidKey = Object.keys(manifest).find((key) => key.endsWith('mermaid/dist/mermaid.core.mjs'))
    expect(mermaidKey, 'the page uses Mermaid').toBeDefined()
    expect(first.has(mermaidKey as string), 'Mermaid must not be in the first load').toBe(false)
    expect([...first].filter((key) => key.includes('node_modules/mermaid/'))).toEqual([])
    const onDemand = [...staticClosure(manifest, [mermaidKey as string])].filter((key) => !first.has(key))
    const mermaid = onDemand.reduce((sum, key) => sum + gzipped(manifest[key]?.file as string), 0)

    // The what-if simulator (compile() and the replications) is the worker's own chunk, fetched on Run.
    const worker = readdirSync(join(OUT, 'assets')).find((f) => /^whatIfWorker-.*\.js$/.test(f))
    expect(worker, 'the What if? tab has its worker chunk').toBeDefined()
    expect(files).not.toContain(`assets/${worker}`)
    const workerSize = gzipped(`assets/${worker}`)

    console.log(
      `playground bundle: first load ${kb(firstLoad)} gzipped JS in ${files.length} file(s) (budget ${kb(BUDGET)}); Mermaid core on demand ${kb(mermaid)} gzipped in ${onDemand.length} chunks, plus one chunk per diagram type; What if? worker on demand ${kb(workerSize)} gzipped`,
    )
    expect(firstLoad).toBeLessThan(BUDGET)
  })
})
