/**
 * Extra addresses for this machine inside the test run's own network namespace
 * (scripts/run-loopback-only.sh sets HEARTH_IN_NETNS=1), from the RFC 2544 range: the seed
 * node listens on one, and a client bound to another is "another device" to it, as a phone
 * on the LAN would be. Nothing sent to them can leave the namespace.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** Adds `addresses` to `lo` if needed; resolves false (the caller skips) outside the test namespace. */
export async function ensureLanTestAddresses (addresses: readonly string[]): Promise<boolean> {
  if (process.env.HEARTH_IN_NETNS !== '1') return false
  try {
    const { stdout } = await run('ip', ['-4', 'addr', 'show', 'dev', 'lo'])
    for (const address of addresses) {
      if (!stdout.includes(`inet ${address}/`)) await run('ip', ['addr', 'add', `${address}/32`, 'dev', 'lo'])
    }
    return true
  } catch {
    return false
  }
}
