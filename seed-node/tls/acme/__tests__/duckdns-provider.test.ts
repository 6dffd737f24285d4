/**
 * The DuckDNS adapter against a local stand-in for its API (the real duckdns.org is never
 * reached): the URLs it builds, and what it makes of `OK`, `KO`, an HTTP error, an unexpected
 * answer and no answer at all. The token never appears in a message.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { createDuckDnsProvider } from '../duckdns-provider.ts'
import { DnsProviderError } from '../dns-provider.ts'
import { HearthError } from '../../../lib/errors.ts'
import { freeLoopbackPort } from '../testing/free-port.ts'
import { startDuckDnsStandIn, type DuckDnsStandIn } from './duckdns-stand-in.ts'

const TOKEN = 'a7c4d0ad-114e-40ef-ba1d-d217904a50f2'
let standIn: DuckDnsStandIn

beforeAll(async () => { standIn = await startDuckDnsStandIn({ token: TOKEN, subdomain: 'myhome' }) })
afterAll(async () => { await standIn.close() })

function provider (token = TOKEN, domain = 'myhome.duckdns.org'): ReturnType<typeof createDuckDnsProvider> {
  return createDuckDnsProvider({ domain, token, baseUrl: standIn.baseUrl })
}

async function refusal (action: Promise<void>): Promise<DnsProviderError> {
  try { await action } catch (err) { if (err instanceof DnsProviderError) return err; throw err }
  throw new Error('expected a DnsProviderError')
}

describe('DuckDNS adapter', () => {
  it('sets and clears the TXT record and points the name at an address, with the update API\'s parameters', async () => {
    standIn.calls.length = 0
    const duck = provider()
    await duck.addTxt('_acme-challenge.myhome.duckdns.org', 'value-1')
    await duck.removeTxt('_acme-challenge.myhome.duckdns.org', 'value-1')
    await duck.setAddress('myhome.duckdns.org', '192.168.1.20')
    await duck.setAddress('myhome.duckdns.org', 'fd00::20')
    expect(standIn.calls).toEqual([
      { path: '/update', params: { domains: 'myhome', token: TOKEN, txt: 'value-1' } },
      { path: '/update', params: { domains: 'myhome', token: TOKEN, txt: 'value-1', clear: 'true' } },
      { path: '/update', params: { domains: 'myhome', token: TOKEN, ip: '192.168.1.20' } },
      { path: '/update', params: { domains: 'myhome', token: TOKEN, ipv6: 'fd00::20' } }
    ])
  })

  it('takes the subdomain from a name below it too (DuckDNS serves its records for every name below)', async () => {
    standIn.calls.length = 0
    await createDuckDnsProvider({ domain: 'media.myhome.duckdns.org', token: TOKEN, baseUrl: standIn.baseUrl }).addTxt('_acme-challenge.media.myhome.duckdns.org', 'v')
    expect(standIn.calls[0]?.params.domains).toBe('myhome')
  })

  it('says KO means a refused token or a domain the token does not own, without the token', async () => {
    const err = await refusal(provider('wrong-token').addTxt('_acme-challenge.myhome.duckdns.org', 'v'))
    expect(err.message).toBe('DuckDNS refused the token or the domain myhome.duckdns.org (answered KO to set the TXT record): check the token on duckdns.org and that myhome.duckdns.org is one of its domains')
    expect(err.message).not.toContain('wrong-token')
  })

  it('names an HTTP error, an unexpected answer and an unreachable API', async () => {
    standIn.script.push({ status: 503, body: 'busy' }, { status: 200, body: '<html>captive portal</html>' })
    expect((await refusal(provider().addTxt('x', 'v'))).message).toBe('DuckDNS answered HTTP 503 to set the TXT record')
    expect((await refusal(provider().setAddress('x', '10.0.0.2'))).message).toBe('DuckDNS gave an unexpected answer to point myhome.duckdns.org at 10.0.0.2: "<html>captive portal</html>"')
    const nobody = createDuckDnsProvider({ domain: 'myhome.duckdns.org', token: TOKEN, baseUrl: `http://127.0.0.1:${await freeLoopbackPort()}` })
    expect((await refusal(nobody.addTxt('x', 'v'))).message).toBe('DuckDNS cannot be reached to set the TXT record (ECONNREFUSED)')
  })

  it('refuses a domain outside duckdns.org at once', () => {
    expect(() => createDuckDnsProvider({ domain: 'home.example.org', token: TOKEN })).toThrow(HearthError)
  })
})
