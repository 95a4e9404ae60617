import { relative } from 'node:path'
import { defineConfig } from 'vitest/config'
import { BaseSequencer, type TestSpecification } from 'vitest/node'

/**
 * Stryker stops a mutant's run at the first failing test (`bail: 1`), so the order of the files
 * decides how long a killed mutant takes. Vitest's own order runs the longest files first (the
 * shipped policies' verifications, the property runs), which made every kill wait for them. Here:
 * a file that failed in the last run first (neighbouring mutants tend to be killed by the same
 * tests), then the quickest — by the longest time each file took in a run that finished it, since
 * a file the bail skipped is recorded with no time at all.
 */
const longestSeen = new Map<string, number>()

class FailedThenQuickestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification): [number, number] => {
      const id = `${file.project.name}:${relative(this.ctx.config.root, file.moduleId)}`
      const last = this.ctx.cache.getFileTestResults(id)
      const longest = Math.max(longestSeen.get(id) ?? 0, last?.duration ?? 0)
      longestSeen.set(id, longest)
      return [last?.failed === true ? 0 : 1, longest]
    }
    const ranked = files.map((file) => ({ file, rank: rank(file) }))
    ranked.sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1])
    return ranked.map((r) => r.file)
  }
}

// The suite Stryker runs per mutant: the tests that judge the machine, the invariants and the
// engine, and the sharper ones mutation runs prompted (tests/mutation), with fewer property runs
// (each mutant is run against the tests that cover it).
export default defineConfig({
  test: {
    include: [
      'tests/machine/**/*.test.ts',
      'tests/invariants/**/*.test.ts',
      'tests/properties/**/*.test.ts',
      'tests/engine/**/*.test.ts',
      'tests/verify/verifyShipped.test.ts',
      'tests/verify/bugCatalogue.test.ts',
      'tests/mutation/**/*.test.ts',
      // The engine's snapshots on a store that keeps them (the memory store keeps none).
      'tests/stores/durableEngine.test.ts',
      // The invariants' Russian names and statements (src/invariants/invariantTexts.ru.ts).
      'tests/cli/langWords.test.ts',
      // The guards' words on a diagram: the only reader of a waived key's condition text (machines/initiative.ts).
      'tests/render/guardWords.test.ts',
    ],
    // The broken-machine suite needs its full run counts (some mutants of the machine are found
    // only after hundreds of sequences); at TWOKEYS_RUNS it fails the initial run. `npm test` runs it.
    // The hostile-arguments suite overflows the stack on purpose, which a worker thread (Stryker's
    // pool, with a larger stack) does not; `npm test` runs it.
    exclude: ['tests/properties/mutants.test.ts', 'tests/engine/hostileArguments.test.ts'],
    // Generous: a mutation run shares two cores with other work, and the seed's verify takes ~20 s alone.
    testTimeout: 180_000,
    // Stryker runs every mutant in one worker thread; without isolation each test file of a run
    // reuses the modules the earlier files imported instead of importing the (instrumented)
    // library afresh — most of a mutant's time before. Mutants are switched on at run time
    // (`ignoreStatic`), so no module needs reloading between mutants.
    isolate: false,
    sequence: { sequencer: FailedThenQuickestFirst },
    hookTimeout: 60_000,
    // Memory store, and SQLite for the one suite that needs a durable store (the store adapters are
    // not mutated here; the same laws run on PostgreSQL in the ordinary suite).
    env: { NO_COLOR: '1', TWOKEYS_RUNS: '150', TWOKEYS_STORES: 'memory,sqlite' },
  },
})
