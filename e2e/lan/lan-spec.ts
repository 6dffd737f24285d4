/**
 * What every LAN spec file says first: it runs only where the test LAN can be built (root in
 * the test namespace), and its tests run in order, one after another, on the one LAN it builds.
 */
import { test } from '@playwright/test'
import { canBuildTestLan } from './test-lan.ts'

export function serialOnTestLan (): void {
  test.skip(!canBuildTestLan(), 'the test LAN needs root inside the test namespace (npm run test:e2e)')
  test.describe.configure({ mode: 'serial' })
}
