import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Printed output is asserted as text: no colours, whether or not CI makes picocolors think it may.
    env: { NO_COLOR: '1' },
  },
})
