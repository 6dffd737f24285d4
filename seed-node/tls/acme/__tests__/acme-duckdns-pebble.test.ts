/**
 * The DuckDNS way end to end, against pebble: the token given once through HEARTH_DNS_TOKEN
 * is kept 0600 in the state folder, the name is pointed at the LAN address and the TXT record
 * set through the DuckDNS update API (a local stand-in that carries the record on to
 * pebble-challtestsrv), and a refused token fails the first start with one line.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { openAcmeSource, type AcmeConfig } from '../open-acme-source.ts'
import { startPebble, type Pebble } from '../testing/pebble-server.ts'
import { silentLogger } from '../../../lib/log.ts'
import { HearthError } from '../../../lib/errors.ts'
import { startDuckDnsStandIn, type DuckDnsStandIn } from './duckdns-stand-in.ts'

const DOMAIN = 'myhome.duckdns.org'
const TOKEN = 'a7c4d0ad-114e-40ef-ba1d-d217904a50f2'
const ORDER_TEST_TIMEOUT_MS = 60 * 1000

let scratch: string
let pebble: Pebble
let duck: DuckDnsStandIn

async function challtestsrv (route: string, body: unknown): Promise<void> {
  const answer = await fetch(pebble.challtestsrvUrl + route, { method: 'POST', body: JSON.stringify(body) })
  if (!answer.ok) throw new Error(`challtestsrv ${route} answered ${answer.status}`)
}

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'hearth-acme-duck-'))
  pebble = await startPebble({ dir: scratch })
  // DuckDNS answers TXT queries for every name below the subdomain from its one record.
  duck = await startDuckDnsStandIn({ token: TOKEN, subdomain: 'myhome' }, async params => {
    const host = `_acme-challenge.${DOMAIN}.`
    if (params.clear === 'true') await challtestsrv('/clear-txt', { host })
    else if (params.txt !== undefined) await challtestsrv('/set-txt', { host, value: params.txt })
  })
}, ORDER_TEST_TIMEOUT_MS)

afterAll(async () => {
  delete process.env.HEARTH_DNS_TOKEN
  await duck.close()
  await pebble.stop()
  await rm(scratch, { recursive: true, force: true })
})

function config (): AcmeConfig {
  return {
    domain: DOMAIN, dnsProvider: 'duckdns', dnsHook: null, dnsTokenFile: null, domainAddress: 'lan',
    acmeDirectoryUrl: pebble.directoryUrl, acmeEmail: null, dnsPropagationWaitSec: 60, acmeCaFile: pebble.caFile, acmeRenew: false
  }
}

describe('ACME by DuckDNS against pebble', () => {
  it('keeps the token, points the name at the LAN address and obtains a certificate', async () => {
    const stateDir = path.join(scratch, 'state')
    process.env.HEARTH_DNS_TOKEN = TOKEN
    const source = await openAcmeSource(config(), {
      stateDir, log: silentLogger, lanAddress: () => '192.168.1.20', duckDnsBaseUrl: duck.baseUrl, dnsServers: [pebble.dnsServer], acmeHttpRetries: 0
    })
    delete process.env.HEARTH_DNS_TOKEN
    await source.close()
    expect(source.current().names).toEqual([DOMAIN])
    expect(await readFile(path.join(stateDir, 'acme', 'dns-token'), 'utf8')).toBe(`${TOKEN}\n`)
    expect((await stat(path.join(stateDir, 'acme', 'dns-token'))).mode & 0o777).toBe(0o600)
    expect(duck.calls.map(call => Object.keys(call.params).filter(key => key !== 'domains' && key !== 'token').join('+'))).toEqual(['ip', 'txt', 'txt+clear'])
    expect(duck.calls[0]?.params.ip).toBe('192.168.1.20')
  }, ORDER_TEST_TIMEOUT_MS)

  it('fails a first start with one line when DuckDNS refuses the token', async () => {
    process.env.HEARTH_DNS_TOKEN = 'not-the-token'
    let error: unknown = null
    try {
      await openAcmeSource(config(), { stateDir: path.join(scratch, 'state-ko'), log: silentLogger, duckDnsBaseUrl: duck.baseUrl, dnsServers: [pebble.dnsServer], acmeHttpRetries: 0 })
    } catch (err) {
      error = err
    } finally {
      delete process.env.HEARTH_DNS_TOKEN
    }
    expect(error).toBeInstanceOf(HearthError)
    expect((error as HearthError).code).toBe('HEARTH_E_DNS_PROVIDER')
    expect((error as HearthError).message).toMatch(/^DuckDNS refused the token or the domain myhome\.duckdns\.org \(answered KO to set the TXT record\)/)
  }, ORDER_TEST_TIMEOUT_MS)
})
