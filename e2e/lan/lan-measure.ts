/**
 * A figure a LAN spec measured (a TLS handshake, click to first frame): kept on the test's
 * annotations for the report, and printed as `LAN measure: <name>: <value>` for the run's log.
 * Figures are reported, never asserted: tests do not assert on timing.
 */
import { test } from '@playwright/test'

export function report (name: string, value: string): void {
  test.info().annotations.push({ type: name, description: value })
  process.stdout.write(`LAN measure: ${name}: ${value}\n`)
}
