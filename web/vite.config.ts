import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

const web = fileURLToPath(new URL('.', import.meta.url))
const repo = fileURLToPath(new URL('..', import.meta.url))

/**
 * The classroom playground: `npm run build:web` writes web/dist, a static site anyone can host
 * (relative paths, no server code). The page imports the library from ../src and ../machines.
 */
export default defineConfig({
  root: web,
  base: './',
  // The page bundles its policies and the seed script; there is nothing to copy.
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The bundle-budget test reads which chunks index.html loads first from here.
    manifest: true,
    // Mermaid is large; it loads on demand, after the page works.
    chunkSizeWarningLimit: 3000,
    // Two pages: the playground, and the live session `twokeys classroom` serves.
    rollupOptions: { input: { index: `${web}index.html`, classroom: `${web}classroom.html` } },
  },
  // The what-if simulator runs in a module worker, its own chunk, fetched when Run is pressed.
  worker: { format: 'es' },
  server: { fs: { allow: [repo] } },
})
