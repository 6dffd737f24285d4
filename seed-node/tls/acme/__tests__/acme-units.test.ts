/**
 * The pure and local parts of the ACME source: when renewal is due and how retries back off,
 * domain and address checks, where the DNS token comes from and how it is kept, and the hook
 * contract's failures (non-zero exit, timeout).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { checkDelayMs, MAX_TIMER_MS, renewalDueAtMs, retryDelayMs, RETRY_MAX_MS } from '../renewal-schedule.ts'
import { parseDomain, parseDomainAddress } from '../acme-domain.ts'
import { settleDnsToken } from '../dns-token-file.ts'
import { createHookDnsProvider } from '../hook-dns-provider.ts'
import { ensurePrivateFolder } from '../private-file.ts'
import { silentLogger } from '../../../lib/log.ts'
import { HearthError } from '../../../lib/errors.ts'

const DAY_MS = 24 * 60 * 60 * 1000
let scratch: string

beforeAll(async () => { scratch = await mkdtemp(path.join(os.tmpdir(), 'hearth-acme-units-')) })
afterAll(async () => { await rm(scratch, { recursive: true, force: true }) })

describe('renewal schedule', () => {
  it('is due with a third of the lifetime left: day 60 of a 90-day certificate', () => {
    const validFrom = new Date(Date.UTC(2030, 0, 1))
    const validTo = new Date(validFrom.getTime() + 90 * DAY_MS)
    expect(renewalDueAtMs({ validFrom, validTo })).toBe(validFrom.getTime() + 60 * DAY_MS)
  })

  it('never arms a timer longer than the cap, nor a negative one', () => {
    expect(checkDelayMs(0, 30 * DAY_MS)).toBe(MAX_TIMER_MS)
    expect(checkDelayMs(1000, 500)).toBe(0)
    expect(checkDelayMs(0, 60 * 1000)).toBe(60 * 1000)
  })

  it('backs off by doubling from a minute, up to six hours', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 480_000])
    expect(retryDelayMs(50)).toBe(RETRY_MAX_MS)
  })
})

describe('domain and address', () => {
  it('accepts a domain, lower-cased, and refuses what no CA would sign', () => {
    expect(parseDomain('MyHome.DuckDNS.org.')).toBe('myhome.duckdns.org')
    for (const bad of ['localhost', '192.168.1.2', '*.example.org', 'my_home.example.org', '-x.example.org', `${'a'.repeat(64)}.org`]) {
      expect(() => parseDomain(bad), bad).toThrow(HearthError)
    }
  })

  it('takes an IP, lan or off', () => {
    expect(parseDomainAddress('lan')).toEqual({ kind: 'lan' })
    expect(parseDomainAddress('off')).toEqual({ kind: 'off' })
    expect(parseDomainAddress('fd00::2')).toEqual({ kind: 'ip', ip: 'fd00::2' })
    expect(() => parseDomainAddress('router.lan')).toThrow(/--domain-address must be an IP address, lan or off/)
  })
})

describe('DNS token', () => {
  it('is kept 0600 from HEARTH_DNS_TOKEN or --dns-token-file, then read back; a new one replaces it', async () => {
    const folder = path.join(scratch, 'token-state', 'acme')
    await ensurePrivateFolder(folder)
    expect(await settleDnsToken({ folder, tokenFile: null, fromEnv: undefined, log: silentLogger })).toBeNull()
    expect(await settleDnsToken({ folder, tokenFile: null, fromEnv: 'token-from-env', log: silentLogger })).toBe('token-from-env')
    expect((await stat(path.join(folder, 'dns-token'))).mode & 0o777).toBe(0o600)
    expect(await settleDnsToken({ folder, tokenFile: null, fromEnv: undefined, log: silentLogger })).toBe('token-from-env')
    const given = path.join(scratch, 'token.txt')
    await writeFile(given, '  token-from-file\n')
    expect(await settleDnsToken({ folder, tokenFile: given, fromEnv: '', log: silentLogger })).toBe('token-from-file')
    expect(await readFile(path.join(folder, 'dns-token'), 'utf8')).toBe('token-from-file\n')
  })

  it('refuses an empty token, one with spaces, and a token file that cannot be read', async () => {
    const folder = path.join(scratch, 'token-bad', 'acme')
    await ensurePrivateFolder(folder)
    await expect(settleDnsToken({ folder, tokenFile: null, fromEnv: 'two words', log: silentLogger })).rejects.toThrow(/one line of printable characters/)
    await expect(settleDnsToken({ folder, tokenFile: path.join(scratch, 'nope'), fromEnv: undefined, log: silentLogger })).rejects.toThrow(/--dns-token-file cannot be read \(ENOENT\)/)
  })
})

describe('DNS hook', () => {
  async function script (name: string, body: string): Promise<string> {
    const file = path.join(scratch, name)
    await writeFile(file, `#!/bin/sh\n${body}\n`)
    await chmod(file, 0o755)
    return file
  }

  it('gets the action, the name and the value as arguments, and the token in its environment', async () => {
    const out = path.join(scratch, 'hook-out.txt')
    const hook = await script('echo-hook.sh', `echo "$1 $2 $3 $HEARTH_DNS_TOKEN" >> ${out}`)
    const provider = createHookDnsProvider({ path: hook, token: 'secret-token', log: silentLogger })
    await provider.addTxt('_acme-challenge.home.example.org', 'abc')
    await provider.setAddress('home.example.org', '192.168.1.2')
    expect(await readFile(out, 'utf8')).toBe('add-txt _acme-challenge.home.example.org abc secret-token\nset-address home.example.org 192.168.1.2 secret-token\n')
  })

  it('reports a non-zero exit with the last line of stderr, and stops a hook that hangs', async () => {
    const failing = await script('failing-hook.sh', 'echo "trying" >&2; echo "zone not found" >&2; exit 4')
    await expect(createHookDnsProvider({ path: failing, token: null, log: silentLogger }).removeTxt('n', 'v'))
      .rejects.toThrow(`DNS hook ${failing} remove-txt failed (exit 4): zone not found`)
    const hanging = await script('hanging-hook.sh', 'exec sleep 600')
    await expect(createHookDnsProvider({ path: hanging, token: null, log: silentLogger, timeoutMs: 100 }).addTxt('n', 'v'))
      .rejects.toThrow(`DNS hook ${hanging} add-txt took longer than 0.1 s and was stopped`)
  })
})
