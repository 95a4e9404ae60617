// The house's one-way flow (README "Project layout"): a folder may import only from its own layer
// and the layers below it. `npm run depcheck` (in CI) fails on an import running back up.
const LAYERS = [
  ['src/domain'],
  ['src/policy'],
  ['machines'],
  ['src/invariants', 'src/explore', 'src/identity', 'src/stores', 'src/tlog'],
  ['src/ledger', 'src/log'],
  ['src/engine'],
  [
    'src/verify',
    'src/simulate',
    'src/analyze',
    'src/render',
    'src/report',
    'src/script',
    'src/audit',
    'src/witness',
  ],
  ['src/cli', 'src/serve', 'src/classroom', 'web/src', 'src/index.ts'],
]

const pattern = (folders) => `^(${folders.map((f) => f.replace(/[.]/g, '\\.')).join('|')})(/|$)`

/** For each layer: no import of any folder of a layer above it. */
const upward = LAYERS.slice(0, -1).map((folders, i) => ({
  name: `layer-${i}-imports-upward`,
  comment: `${folders.join(', ')} may not import from the layers above (${LAYERS.slice(i + 1)
    .flat()
    .join(', ')})`,
  severity: 'error',
  from: { path: pattern(folders) },
  to: { path: pattern(LAYERS.slice(i + 1).flat()) },
}))

/**
 * What the package publishes (package.json "exports": `.` and its subpaths), as source files:
 * `./dist/src/serve/index.js` is `src/serve/index.ts`.
 */
const PUBLIC_MODULES = Object.values(require('./package.json').exports)
  .map((target) => (typeof target === 'object' ? target.import : undefined))
  .filter((target) => typeof target === 'string' && target.startsWith('./dist/src/'))
  .map((target) => target.replace(/^\.\/dist\//, '').replace(/\.js$/, '.ts'))

const exactly = (files) => `^(${files.map((f) => f.replace(/[.]/g, '\\.')).join('|')})$`

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...upward,
    {
      name: 'cli-uses-the-public-api',
      comment: `src/cli may import only its own folder and what the package exports (${PUBLIC_MODULES.join(', ')}): export what it needs from src/index.ts (or a subpath), or keep CLI-only words in src/cli`,
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: '^(src|machines)/', pathNot: `^src/cli/|${exactly(PUBLIC_MODULES)}` },
    },
    {
      name: 'no-circular',
      comment: 'a cycle makes the layers meaningless',
      severity: 'error',
      from: { path: '^(src|machines|web/src)' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|web/dist)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
}
