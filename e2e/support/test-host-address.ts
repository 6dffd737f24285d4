/**
 * A second address for this machine's tests, for clients that refuse loopback peers
 * (Transmission treats 127.0.0.0/8 as a "martian" address and never connects to it). Only
 * inside the test run's own network namespace (scripts/run-loopback-only.sh sets
 * HEARTH_IN_NETNS=1): there the loopback interface gets 198.18.0.1 as a second address
 * (from the RFC 2544 benchmarking range); the namespace has no other interface, so nothing
 * sent to it can leave.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

const run = promisify(execFile)
export const TEST_HOST_ADDRESS = '198.18.0.1'

/** Adds the address if needed; resolves false (caller skips) outside the test namespace. */
export async function ensureTestHostAddress (): Promise<boolean> {
  if (process.env.HEARTH_IN_NETNS !== '1') return false
  const { stdout } = await run('ip', ['-4', 'addr', 'show'])
  if (stdout.includes(`inet ${TEST_HOST_ADDRESS}/`)) return true
  try {
    await run('ip', ['addr', 'add', `${TEST_HOST_ADDRESS}/32`, 'dev', 'lo'])
    return true
  } catch {
    return false
  }
}
