import { defineConfig } from 'vitest/config'

/**
 * Files that start a server or a long-lived child process, hold PostgreSQL schemas, or time
 * things: they run one at a time, after the rest (a second worker would only make them race for
 * the two cores CI has, and their timeouts are sized for one). Files whose child processes only
 * compute and exit (the audit verifiers in Node and Python, `validate`, the fuzz slice, whose
 * stores each take a fresh PostgreSQL schema, the installed package's `npm pack --ignore-scripts`
 * and `npm install`) run with the in-process files: a worker waiting on its child leaves its core
 * to that child. So do the page's files (tests/web): each starts its own Chromium and its own
 * server on a free port, and nothing of theirs is timed, so they fill the two workers' cores
 * beside the computing files instead of leaving one core idle after them.
 */
const ONE_AT_A_TIME = [
  'tests/serve/**/*.test.ts',
  'tests/stores/**/*.test.ts',
  'tests/witness/**/*.test.ts',
  'tests/cli/epipe.test.ts',
  'tests/log/checkpointSchedule.test.ts',
  'tests/policy/linearLoading.test.ts',
  'tests/engine/deadlineTicker.test.ts',
  'tests/engine/webhooks.test.ts',
]

export default defineConfig({
  test: {
    globalSetup: ['tests/globalSetup.ts'],
    setupFiles: ['tests/support/englishFirst.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Printed output is asserted as text: no colours, whether or not CI makes picocolors think it may.
    // Tests read English: the CLI would follow a Russian locale otherwise (twokeys --lang).
    env: { NO_COLOR: '1', LC_ALL: 'C.UTF-8' },
    projects: [
      {
        extends: true,
        // Everything that runs in-process or drives the page: two workers (CI has two cores).
        test: {
          name: 'in-process',
          include: ['tests/**/*.test.ts'],
          exclude: ONE_AT_A_TIME,
          maxWorkers: 2,
          // Each worker keeps its module cache from file to file (as the one-at-a-time worker does):
          // the files' imports took 160 s of CI's 836, 21 s without the fresh module graph per file.
          isolate: false,
          // Two CPU-bound files share the two cores: the heaviest (a complete verification, the
          // property runs) take twice as long as alone, so their time limit is longer.
          testTimeout: 180_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'one-at-a-time',
          include: ONE_AT_A_TIME,
          maxWorkers: 1,
          // One worker runs them all in turn, so they may share its module cache: each file no
          // longer imports the whole library afresh (~1.3 s a file, a minute over the run).
          isolate: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
})
