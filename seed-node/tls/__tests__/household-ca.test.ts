/**
 * The household CA: made once and reused, its key private, its server certificate naming
 * every LAN address, the hostname and `<hostname>.local`, issued again when an address
 * appears, and trusted by a real TLS client that has the CA as its only anchor.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { stat } from 'node:fs/promises'
import tls from 'node:tls'
import { HouseholdCaSource } from '../household-ca-source.ts'
import { hostNames, lanAddresses } from '../lan-addresses.ts'
import { fixedNames } from '../choose-certificate-source.ts'
import { tlsPaths } from '../tls-files.ts'
import { keptLog, scratchDir, tlsHandshake } from './tls-test-kit.ts'

let scratch: Awaited<ReturnType<typeof scratchDir>>

beforeAll(async () => { scratch = await scratchDir('household-ca') })
afterAll(async () => { await scratch.remove() })

async function openSource (stateDir: string, addresses: { list: string[] }): Promise<HouseholdCaSource> {
  return await HouseholdCaSource.open({
    stateDir,
    log: keptLog().log,
    fixedNames: fixedNames({ publicUrl: 'https://media.example.net' }, 'hearthbox'),
    lanAddresses: () => addresses.list,
    hostname: 'hearthbox',
    pollIntervalMs: 60 * 60 * 1000
  })
}

async function serve (source: HouseholdCaSource): Promise<{ port: number, close: () => Promise<void> }> {
  const server = tls.createServer({ cert: source.current().certPem, key: source.current().keyPem }, socket => socket.end())
  source.onChange(() => server.setSecureContext({ cert: source.current().certPem, key: source.current().keyPem }))
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  return { port: typeof address === 'object' && address ? address.port : 0, close: async () => await new Promise<void>(resolve => server.close(() => resolve())) }
}

describe('household CA', () => {
  it('is made on first start with a private key, and reused afterwards', async () => {
    const stateDir = `${scratch.dir}/once`
    const addresses = { list: ['192.168.1.20'] }
    const first = await openSource(stateDir, addresses)
    await first.close()
    const second = await openSource(stateDir, addresses)
    await second.close()
    expect(second.ca.fingerprint).toBe(first.ca.fingerprint)
    expect(second.ca.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)
    expect(second.current().certPem).toBe(first.current().certPem) // the server certificate too, while it covers the names
    const paths = tlsPaths(stateDir)
    expect((await stat(paths.dir)).mode & 0o777).toBe(0o700)
    expect((await stat(paths.caKey)).mode & 0o777).toBe(0o600)
    expect((await stat(paths.serverKey)).mode & 0o777).toBe(0o600)
    expect(second.ca.name).toContain('Hearth household CA hearthbox')
  })

  it('names every LAN address, the hostname, <hostname>.local, localhost and the public URL host', async () => {
    const source = await openSource(`${scratch.dir}/names`, { list: ['192.168.1.20', '10.0.0.7', 'fd00::20'] })
    await source.close()
    expect(source.current().names).toEqual(expect.arrayContaining(['192.168.1.20', '10.0.0.7', 'fd00::20', 'hearthbox', 'hearthbox.local', 'localhost', '127.0.0.1', 'media.example.net']))
  })

  it('is trusted by a TLS client whose only anchor is the household CA, by IP address and by name', async () => {
    const source = await openSource(`${scratch.dir}/trust`, { list: ['192.168.1.20'] })
    const server = await serve(source)
    try {
      const byIp = await tlsHandshake('127.0.0.1', server.port, source.ca.certPem)
      expect(byIp).toMatchObject({ authorized: true, error: null })
      const byName = await tlsHandshake('127.0.0.1', server.port, source.ca.certPem, 'hearthbox.local')
      expect(byName.authorized).toBe(true)
      const stranger = await tlsHandshake('127.0.0.1', server.port, source.ca.certPem, 'bank.example.com')
      expect(stranger.authorized).toBe(false)
    } finally {
      await server.close()
      await source.close()
    }
  })

  it('issues a new server certificate when an address appears, and new connections see it', async () => {
    const addresses = { list: ['192.168.1.20'] }
    const source = await openSource(`${scratch.dir}/moves`, addresses)
    const server = await serve(source)
    try {
      const before = await tlsHandshake('127.0.0.1', server.port, source.ca.certPem)
      expect(await source.refresh()).toBe(false) // nothing changed: nothing issued
      addresses.list = ['192.168.1.20', '192.168.50.2']
      expect(await source.refresh()).toBe(true)
      const after = await tlsHandshake('127.0.0.1', server.port, source.ca.certPem)
      expect(after.serialNumber).not.toBe(before.serialNumber)
      expect(after.subjectAltName).toContain('IP Address:192.168.50.2')
      expect(after.authorized).toBe(true)
    } finally {
      await server.close()
      await source.close()
    }
  })
})

describe('LAN addresses', () => {
  it('puts private IPv4 first, leaves out loopback and link-local, and names the host for mDNS', () => {
    const entry = (address: string, internal = false) => ({ address, internal, family: address.includes(':') ? 'IPv6' as const : 'IPv4' as const, netmask: '', mac: '', cidr: null, scopeid: 0 })
    const table = {
      lo: [entry('127.0.0.1', true), entry('::1', true)],
      tailscale0: [entry('100.101.102.103')],
      eth0: [entry('fe80::1'), entry('2001:db8::5'), entry('10.0.0.7')],
      wlan0: [entry('192.168.1.20'), entry('169.254.3.4')]
    }
    expect(lanAddresses(table)).toEqual(['192.168.1.20', '10.0.0.7', '100.101.102.103', '2001:db8::5'])
    expect(hostNames('HearthBox')).toEqual(['hearthbox', 'hearthbox.local'])
    expect(hostNames('nas.home.arpa')).toEqual(['nas.home.arpa'])
    expect(hostNames('bad_name!')).toEqual([])
  })
})
