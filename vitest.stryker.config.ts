import { relative } from 'node:path'
import { defineConfig } from 'vitest/config'
import { BaseSequencer, type TestSpecification } from 'vitest/node'

/**
 * Stryker stops a mutant's run at the first failing test (\`bail: 1\`), so the order of the files
 * decides how long a killed mutant takes. Vitest's own order runs the longest files first (the
 * shipped policies' verifications, the property runs), which made every kill wait for them. Here:
 * a file that failed in the last run first (neighbouring mutants tend to be killed by the same
 * tests), then the quickest.
 */
class FailedThenQuickestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const results = (file: TestSpecification) =>
      this.ctx.cache.getFileTestResults(
        `${file.project.name}:${relative(this.ctx.config.root, file.moduleId)}`,
      )
    const rank = (file: TestSpecification): [number, number] => {
      const r = results(file)
      return r === undefined ? [1, 0] : [r.failed ? 0 : 1, r.duration]
    }
    return [...files].sort((a, b) => {
      const [fa, da] = rank(a)
      const [fb, db] = rank(b)
      return fa - fb || da - db
    })
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
      // The invariants' Russian names and statements (src/invariants/invariantTexts.ru.ts).
      'tests/cli/langWords.test.ts',
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
    // (\`ignoreStatic\`), so no module needs reloading between mutants.
    isolate: false,
    sequence: { sequencer: FailedThenQuickestFirst },
    hookTimeout: 60_000,
    // Memory store only: the store adapters are not mutated here, and the same laws run on SQLite and
    // PostgreSQL in the ordinary suite.
    env: { NO_COLOR: '1', TWOKEYS_RUNS: '150', TWOKEYS_STORES: 'memory' },
  },
})
