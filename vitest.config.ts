import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Printed output is asserted as text: no colours, whether or not CI makes picocolors think it may.
    // Tests read English: the CLI would follow a Russian locale otherwise (twokeys --lang).
    env: { NO_COLOR: '1', LC_ALL: 'C.UTF-8' },
  },
})
