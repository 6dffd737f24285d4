/**
 * HTTPS options a user gets wrong, through the real CLI: one line naming the cause, exit 2.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import path from 'node:path'
import { runSeedNodeCli as runCli } from '../testing/seed-node-process.ts'
import { scratchDir, testCa, writePair } from '../tls/__tests__/tls-test-kit.ts'

const MS_PER_DAY = 24 * 60 * 60 * 1000

let scratch: Awaited<ReturnType<typeof scratchDir>>

beforeAll(async () => { scratch = await scratchDir('cli-tls') })
afterAll(async () => { await scratch.remove() })

function errorLines (stderr: string): string[] {
  return stderr.split('\n').filter(line => line.startsWith('hearth:'))
}

describe('seed node command line, HTTPS', () => {
  it('refuses a --public-url with a path, naming the rule', async () => {
    const outcome = await runCli(['--public-url', 'https://media.example.net/hearth'])
    expect(outcome.code).toBe(2)
    expect(errorLines(outcome.stderr)).toEqual(['hearth: --public-url must be an address alone (https://name[:port]), without path, query or user, got https://media.example.net/hearth'])
  })

  it('names an expired certificate in one line, before opening the port', async () => {
    const ca = await testCa(path.join(scratch.dir, 'ca'))
    const cert = path.join(scratch.dir, 'old.crt')
    const key = path.join(scratch.dir, 'old.key')
    const issued = await writePair(ca, ['localhost'], cert, key, new Date(Date.now() - 500 * MS_PER_DAY))
    const outcome = await runCli(['--state', path.join(scratch.dir, 'state'), '--port', '0', '--tls-cert', cert, '--tls-key', key, '--https', 'on'])
    expect(outcome.code).toBe(2)
    expect(errorLines(outcome.stderr)).toEqual([`hearth: --tls-cert/--tls-key: the certificate expired on ${issued.expiresAt.toISOString().slice(0, 10)} (${cert}, ${key})`])
  })

  it('wants --tls-cert and --tls-key together', async () => {
    const outcome = await runCli(['--tls-cert', '/etc/ssl/a.crt'])
    expect(outcome.code).toBe(2)
    expect(errorLines(outcome.stderr)).toEqual(['hearth: --tls-cert and --tls-key go together: give both or neither'])
  })
})
