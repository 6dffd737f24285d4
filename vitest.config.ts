import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['**/__tests__/**/*.test.ts'],
    setupFiles: ['./vitest.setup.ts'],
    exclude: ['**/node_modules/**', 'dist/**', 'dist-node/**', 'e2e/**'],
    // Tests never fail on a timing: these bounds only stop a hung test. Many tests spawn the
    // seed node or real peers, which on a loaded two-core machine can take several seconds.
    testTimeout: 60 * 1000,
    hookTimeout: 120 * 1000,
    // expect.poll waits on a condition; its 1 s default is shorter than such a machine can stall (vi.waitFor: vitest.setup.ts).
    expect: { poll: { timeout: 15 * 1000 } }
  }
})
