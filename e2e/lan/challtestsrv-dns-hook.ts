/**
 * The DNS hook of the LAN's ACME tests (`--dns-provider hook --dns-hook <file>`): an
 * executable with the contract of seed-node/tls/acme/hook-dns-provider.ts (`add-txt`,
 * `remove-txt`, `set-address`), carried out on pebble-challtestsrv's management API, as a
 * user's hook would call their DNS provider's API. It runs where the seed node runs (the
 * router host) and logs every call, so a test can tell that a certificate came through it.
 */
import { chmod, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'

export interface DnsHook {
  file: string
  /** How many times the hook was called with `action` so far. */
  calls: (action: 'add-txt' | 'remove-txt' | 'set-address') => Promise<number>
}

function hookScript (challtestsrvUrl: string, callLog: string): string {
  return `#!${process.execPath}
import { appendFileSync } from 'node:fs'
const [action, fqdn, value] = process.argv.slice(2)
appendFileSync(${JSON.stringify(callLog)}, [action, fqdn, value].join(' ') + '\\n')
const host = fqdn + '.'
const calls = { 'add-txt': ['/set-txt', { host, value }], 'remove-txt': ['/clear-txt', { host }], 'set-address': ['/add-a', { host, addresses: [value] }] }
const call = calls[action]
if (call === undefined) { console.error('unknown action ' + action); process.exit(2) }
const answer = await fetch(${JSON.stringify(challtestsrvUrl)} + call[0], { method: 'POST', body: JSON.stringify(call[1]), signal: AbortSignal.timeout(10000) })
if (!answer.ok) { console.error('challtestsrv answered ' + answer.status); process.exit(1) }
`
}

export async function writeDnsHook (dir: string, challtestsrvUrl: string): Promise<DnsHook> {
  const file = path.join(dir, 'challtestsrv-dns-hook.mjs')
  const callLog = path.join(dir, 'dns-hook-calls.log')
  await writeFile(file, hookScript(challtestsrvUrl, callLog))
  await chmod(file, 0o755)
  return {
    file,
    calls: async action => (await readFile(callLog, 'utf8').catch(() => '')).split('\n').filter(line => line.startsWith(`${action} `)).length
  }
}
