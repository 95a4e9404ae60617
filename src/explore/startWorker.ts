import { Worker, type WorkerOptions } from 'node:worker_threads'

/**
 * Starts a worker thread on a module beside the caller: `name` without its extension, resolved
 * against `base` (the caller's `import.meta.url`). From the compiled .js (dist/) the worker runs
 * the .js file; from the .ts sources (tests, `npx tsx`) it runs a tiny bootstrap that registers
 * tsx's loader in the worker thread first (Node 20 does not apply `--import tsx` to a worker's own
 * entry file).
 */
export function startModuleWorker(base: string, name: string, options: WorkerOptions = {}): Worker {
  if (!base.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, base), options)
  const entry = new URL(`./${name}.ts`, base).href
  const bootstrap = `import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(entry)}) })`
  return new Worker(bootstrap, { ...options, eval: true })
}
