/**
 * End-to-end tests: a real seed node (child process) and real Debian Chromium, all on
 * loopback. `npm run test:e2e` runs them inside a loopback-only network namespace
 * (scripts/run-loopback-only.sh), so WebRTC cannot pick any other interface.
 */
import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e/support/chromium.ts'

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // Two cores: one seed node and one browser at a time keeps results independent of load.
  workers: 1,
  fullyParallel: false,
  timeout: 90 * 1000,
  expect: { timeout: 30 * 1000 },
  retries: 0,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    trace: 'off',
    serviceWorkers: 'allow'
  }
})
