/**
 * The ACME source against Debian's real pebble, with pebble-challtestsrv as the DNS and a DNS
 * hook script that drives challtestsrv's management API (so the hook path runs for real):
 * obtain, serve a certificate that verifies against pebble's root, keep it across restarts,
 * renew when forced and when a third of the lifetime is left, keep serving when the ACME
 * server is down, and fail a first start with one line naming the cause.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import tls from 'node:tls'
import { X509Certificate } from 'node:crypto'
import { openAcmeSource, type AcmeConfig, type AcmeDeps, type AcmeSource } from '../open-acme-source.ts'
import { startPebble, type Pebble } from '../testing/pebble-server.ts'
import { freeLoopbackPort } from '../testing/free-port.ts'
import { createLogger, type Logger } from '../../../lib/log.ts'
import { HearthError } from '../../../lib/errors.ts'
import { renewalDueAtMs } from '../renewal-schedule.ts'
import { TestClock } from './test-clock.ts'

const DOMAIN = 'myhome.hearth-test.org'
/** Bounds a broken pebble, not a slow machine: an order takes about a second here. */
const ORDER_TEST_TIMEOUT_MS = 60 * 1000

let scratch: string
let pebble: Pebble
let hook: string
let hookLog: string
const logLines: string[] = []
const log: Logger = createLogger('debug', line => { logLines.push(line) })

/** The test's DNS hook: the contract of hook-dns-provider.ts, carried out on challtestsrv. */
function hookScript (challtestsrvUrl: string, callLog: string, failWith: string | null): string {
  return `#!${process.execPath}
import { appendFileSync } from 'node:fs'
const [action, fqdn, value] = process.argv.slice(2)
appendFileSync(${JSON.stringify(callLog)}, [action, fqdn, value].join(' ') + '\\n')
${failWith === null ? '' : `console.error(${JSON.stringify(failWith)}); process.exit(3)`}
const host = fqdn + '.'
const calls = { 'add-txt': ['/set-txt', { host, value }], 'remove-txt': ['/clear-txt', { host }], 'set-address': ['/add-a', { host, addresses: [value] }] }
const call = calls[action]
if (call === undefined) { console.error('unknown action ' + action); process.exit(2) }
const answer = await fetch(${JSON.stringify(challtestsrvUrl)} + call[0], { method: 'POST', body: JSON.stringify(call[1]) })
if (!answer.ok) { console.error('challtestsrv answered ' + answer.status); process.exit(1) }
`
}

async function writeHook (name: string, failWith: string | null = null): Promise<string> {
  const file = path.join(scratch, name)
  await writeFile(file, hookScript(pebble.challtestsrvUrl, hookLog, failWith))
  await chmod(file, 0o755)
  return file
}

function config (overrides: Partial<AcmeConfig> = {}): AcmeConfig {
  return {
    domain: DOMAIN, dnsProvider: 'hook', dnsHook: hook, dnsTokenFile: null, domainAddress: '198.18.0.10',
    acmeDirectoryUrl: pebble.directoryUrl, acmeEmail: 'owner@hearth-test.org', dnsPropagationWaitSec: 60,
    acmeCaFile: pebble.caFile, acmeRenew: false, ...overrides
  }
}

function deps (stateDir: string, overrides: Partial<AcmeDeps> = {}): AcmeDeps {
  return { stateDir, log, dnsServers: [pebble.dnsServer], acmeHttpRetries: 0, ...overrides }
}

async function hookCalls (action: string): Promise<number> {
  const text = await readFile(hookLog, 'utf8').catch(() => '')
  return text.split('\n').filter(line => line.startsWith(`${action} `)).length
}

/** Serves the source's certificate and connects trusting only pebble's root, by the domain's name. */
async function handshake (source: AcmeSource): Promise<{ authorized: boolean, serial: string, error: Error | null }> {
  const { certPem, keyPem } = source.current()
  const server = tls.createServer({ cert: certPem, key: keyPem }, socket => { socket.end() })
  await new Promise<void>(resolve => { server.listen(0, '127.0.0.1', resolve) })
  const address = server.address()
  if (typeof address !== 'object' || address === null) throw new Error('no address')
  const ca = await pebble.rootPem()
  try {
    return await new Promise((resolve, reject) => {
      const socket = tls.connect({ host: '127.0.0.1', port: address.port, servername: DOMAIN, ca }, () => {
        resolve({ authorized: socket.authorized, serial: socket.getPeerCertificate().serialNumber, error: socket.authorizationError ?? null })
        socket.end()
      })
      socket.on('error', reject)
    })
  } finally {
    await new Promise<void>(resolve => { server.close(() => { resolve() }) })
  }
}

async function failure (start: Promise<unknown>): Promise<HearthError> {
  try {
    await start
  } catch (err) {
    if (err instanceof HearthError) return err
    throw err
  }
  throw new Error('expected the start to fail')
}

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'hearth-acme-'))
  pebble = await startPebble({ dir: scratch })
  hookLog = path.join(scratch, 'hook-calls.log')
  hook = await writeHook('dns-hook.mjs')
}, ORDER_TEST_TIMEOUT_MS)

afterAll(async () => {
  await pebble.stop()
  await rm(scratch, { recursive: true, force: true })
})

describe('ACME source against pebble', () => {
  const stateDir = (): string => path.join(scratch, 'state')
  let firstSerial = ''

  it('obtains a certificate for the domain through the hook that verifies against pebble\'s root', async () => {
    const startedMs = performance.now()
    const source = await openAcmeSource(config(), deps(stateDir()))
    const tookMs = performance.now() - startedMs
    process.stdout.write(`acme: certificate obtained from pebble in ${Math.round(tookMs)} ms\n`)
    try {
      expect(source.mode).toBe('acme')
      expect(source.warning()).toBeNull()
      expect(source.current().names).toEqual([DOMAIN])
      const result = await handshake(source)
      expect(result.error).toBeNull()
      expect(result.authorized).toBe(true)
      firstSerial = result.serial
      expect(await hookCalls('set-address')).toBe(1)
      expect(await hookCalls('add-txt')).toBe(1)
      expect(await hookCalls('remove-txt')).toBe(1)
      expect((await stat(path.join(stateDir(), 'acme'))).mode & 0o777).toBe(0o700)
      for (const file of ['account-key.pem', 'certificate.pem']) expect((await stat(path.join(stateDir(), 'acme', file))).mode & 0o777).toBe(0o600)
    } finally {
      await source.close()
    }
  }, ORDER_TEST_TIMEOUT_MS)

  it('keeps the certificate across a restart: no new order', async () => {
    const orders = await hookCalls('add-txt')
    const source = await openAcmeSource(config(), deps(stateDir()))
    try {
      expect(new X509Certificate(source.current().certPem).serialNumber).toBe(firstSerial)
      expect(await hookCalls('add-txt')).toBe(orders)
    } finally {
      await source.close()
    }
  }, ORDER_TEST_TIMEOUT_MS)

  it('renews when forced (renewNow, --acme-renew): a new serial, announced, kept on disk', async () => {
    const source = await openAcmeSource(config(), deps(stateDir()))
    try {
      let changes = 0
      source.onChange(() => { changes += 1 })
      await source.renewNow()
      const renewed = (await handshake(source)).serial
      expect(renewed).not.toBe(firstSerial)
      expect(changes).toBe(1)
      const again = await openAcmeSource(config({ acmeRenew: true }), deps(stateDir()))
      const third = new X509Certificate(again.current().certPem).serialNumber
      await again.close()
      expect(third).not.toBe(renewed)
      const reopened = await openAcmeSource(config(), deps(stateDir()))
      expect(new X509Certificate(reopened.current().certPem).serialNumber).toBe(third)
      await reopened.close()
    } finally {
      await source.close()
    }
  }, ORDER_TEST_TIMEOUT_MS)

  it('renews by itself once a third of the lifetime is left', async () => {
    const clock = new TestClock(Date.now())
    const source = await openAcmeSource(config(), deps(stateDir(), { clock }))
    try {
      const before = source.current()
      const dueAt = renewalDueAtMs({ validFrom: new Date(new X509Certificate(before.certPem).validFrom), validTo: before.expiresAt })
      expect(clock.pending()).toHaveLength(1)
      const changed = new Promise<void>(resolve => { source.onChange(resolve) })
      clock.advanceTo(dueAt - 1)
      expect(source.current()).toBe(before) // not yet
      clock.advanceTo(dueAt)
      await changed
      expect(source.current().certPem).not.toBe(before.certPem)
      expect(source.warning()).toBeNull()
    } finally {
      await source.close()
    }
  }, ORDER_TEST_TIMEOUT_MS)

  it('fails a first start with one line when the hook fails, naming the hook and what it said', async () => {
    const failing = await writeHook('failing-hook.mjs', 'provider API: invalid API key')
    const err = await failure(openAcmeSource(config({ dnsHook: failing, domainAddress: 'off' }), deps(path.join(scratch, 'state-hook-fails'))))
    expect(err.code).toBe('HEARTH_E_DNS_PROVIDER')
    expect(err.message).toBe(`DNS hook ${failing} add-txt failed (exit 3): provider API: invalid API key`)
    const missing = await failure(openAcmeSource(config({ dnsHook: path.join(scratch, 'no-such-hook') }), deps(path.join(scratch, 'state-hook-missing'))))
    expect(missing.code).toBe('HEARTH_E_DNS_PROVIDER')
    expect(missing.message).toBe(`DNS hook not found: ${path.join(scratch, 'no-such-hook')}`)
  }, ORDER_TEST_TIMEOUT_MS)

  it('fails a first start with one line when the ACME server is down', async () => {
    const down = `https://127.0.0.1:${await freeLoopbackPort()}/dir`
    const err = await failure(openAcmeSource(config({ acmeDirectoryUrl: down }), deps(path.join(scratch, 'state-acme-down'))))
    expect(err.code).toBe('HEARTH_E_ACME_FAILED')
    expect(err.message).toBe(`ACME server ${down} cannot be reached (ECONNREFUSED)`)
  }, ORDER_TEST_TIMEOUT_MS)

  it('keeps serving the last good certificate, with a warning, when the ACME server is down at renewal or at start', async () => {
    const source = await openAcmeSource(config(), deps(stateDir()))
    try {
      const before = source.current()
      await pebble.stop()
      await expect(source.renewNow()).rejects.toThrow(/cannot be reached \(ECONNREFUSED\)/)
      expect(source.current()).toBe(before)
      expect(source.warning()).toMatch(/^certificate renewal failed: ACME server .* cannot be reached \(ECONNREFUSED\); serving the current one until it expires at .*; next try in 1 min$/)
      const restarted = await openAcmeSource(config({ acmeRenew: true }), deps(stateDir()))
      expect(restarted.current().certPem).toBe(before.certPem)
      expect(restarted.warning()).toMatch(/cannot be reached/)
      await restarted.close()
      expect(logLines.some(line => line.includes('WARN  acme.serving-kept-certificate'))).toBe(true)
    } finally {
      await source.close()
    }
  }, ORDER_TEST_TIMEOUT_MS)
})
