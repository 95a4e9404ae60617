// After `npm ci`: keeps better-sqlite3's native build where prebuild-install looks for a download
// before it compiles. Only the npm registry is reachable from CI's machine, so the download from
// GitHub fails and every `npm ci` compiles SQLite from source (npm ci 3 min instead of 50 s); with the
// build kept in npm's own cache (~/.npm/_prebuilds, under the name prebuild-install gives the
// download), the next `npm ci` on this machine unpacks it instead. Nothing is kept when the cache
// already holds it, or when the build is missing.
const { execFileSync } = require('node:child_process')
const { existsSync, mkdirSync } = require('node:fs')
const { dirname, join } = require('node:path')

const root = dirname(require.resolve('better-sqlite3/package.json'))
const built = join(root, 'build', 'Release', 'better_sqlite3.node')
const pkg = require('better-sqlite3/package.json')
const { version } = pkg
// The download's address and its place in the cache as prebuild-install itself computes them.
const { cachedPrebuild, getDownloadUrl } = require('prebuild-install/util')
const url = getDownloadUrl({ pkg, platform: process.platform, arch: process.arch, 'tag-prefix': 'v' })
const kept = cachedPrebuild(url)
if (existsSync(kept)) console.log(`better-sqlite3 ${version}: its native build is already kept (${kept})`)
else if (!existsSync(built)) console.log(`better-sqlite3 ${version}: no native build to keep`)
else {
  mkdirSync(dirname(kept), { recursive: true })
  execFileSync('tar', ['-czf', kept, '-C', root, 'build/Release/better_sqlite3.node'])
  console.log(`better-sqlite3 ${version}: native build kept for the next npm ci (${kept})`)
}
