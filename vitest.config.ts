import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['**/__tests__/**/*.test.ts'],
    setupFiles: ['./vitest.setup.ts'],
    exclude: ['**/node_modules/**', 'dist/**', 'e2e/**']
  }
})
