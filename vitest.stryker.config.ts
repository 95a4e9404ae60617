import { defineConfig } from 'vitest/config'

// The suite Stryker runs per mutant: the tests that judge the machine, the invariants and the
// engine, with fewer property runs (each mutant is run against the tests that cover it).
export default defineConfig({
  test: {
    include: [
      'tests/machine/**/*.test.ts',
      'tests/invariants/**/*.test.ts',
      'tests/properties/**/*.test.ts',
      'tests/engine/**/*.test.ts',
      'tests/verify/verifyShipped.test.ts',
      'tests/verify/bugCatalogue.test.ts',
    ],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: { NO_COLOR: '1', TWOKEYS_RUNS: '150' },
  },
})
