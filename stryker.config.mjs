// Mutation testing (`npm run mutation`): not in CI. Stryker changes the code under test one small
// mutation at a time and requires some test to fail. Folder by folder, incremental, so a rerun only
// tests what changed. See README "Tests that would notice".
const folder = process.env.TWOKEYS_MUTATE ?? 'machines'

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts' },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  mutate: {
    machines: ['machines/*.ts'],
    invariants: ['src/invariants/*.ts'],
    // The engine's judging code: createEngine composes it from these seams.
    engine: [
      'src/engine/createEngine.ts',
      'src/engine/judgeCommand.ts',
      'src/engine/authenticate.ts',
      'src/engine/commandPath.ts',
      'src/engine/commandOutcomes.ts',
      'src/engine/appendSteps.ts',
      'src/engine/dueTicks.ts',
      'src/engine/explainEvent.ts',
      'src/engine/initiativeLoader.ts',
      'src/ledger/*.ts',
    ],
  }[folder],
  coverageAnalysis: 'perTest',
  incremental: true,
  incrementalFile: `reports/mutation/${folder}.incremental.json`,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: `reports/mutation/${folder}.json` },
  concurrency: 2,
  timeoutMS: 60_000,
  // The initial run with per-test coverage takes ~1 min on a quiet machine but over 5 (Stryker's
  // default limit) on two cores shared with other builds, which aborted a machines run.
  dryRunTimeoutMinutes: 20,
  ignoreStatic: true,
  tempDirName: '.stryker-tmp',
  // Copy only the project into the sandbox, not stray files other tools leave at the root.
  ignorePatterns: [
    '/*',
    ...['src', 'machines', 'tests', 'examples', 'bench', 'web', 'schema', 'bin', 'scripts'].map(
      (d) => `!/${d}`,
    ),
    ...['package.json', 'tsconfig.json', 'vitest.config.ts', 'vitest.stryker.config.ts'].map((f) => `!/${f}`),
  ],
}
