import { describe, expect, it } from 'vitest'
import type { ReachReply } from '../../../../protocol/api/reach.ts'
import { isLoopbackOrigin, reachableOrigins, reachView } from '../reach-view-model.ts'

const linkFor = (origin: string): string => `${origin}/pair#key=K`

function reply (origins: string[], tls: Partial<ReachReply['tls']> = {}, onboardingUrl: string | null = null): ReachReply {
  return { origins, tls: { mode: 'files', expiresAt: null, warning: null, caFingerprint: null, ...tls }, onboardingUrl }
}

describe('reachableOrigins', () => {
  it('keeps the reply\'s order, drops duplicates and paths, and never offers loopback beside other addresses', () => {
    expect(reachableOrigins(['https://hearth.example', 'https://127.0.0.1:8787', 'https://192.168.1.20:8787/', 'https://hearth.example/x', 'https://[::1]:8787']))
      .toEqual(['https://hearth.example', 'https://192.168.1.20:8787'])
  })
  it('keeps loopback when it is all there is', () => {
    expect(reachableOrigins(['http://127.0.0.1:8787'])).toEqual(['http://127.0.0.1:8787'])
  })
  it('ignores what is not a URL', () => {
    expect(reachableOrigins(['not a url', 'https://10.0.0.2:8787'])).toEqual(['https://10.0.0.2:8787'])
  })
  it('knows loopback names', () => {
    for (const origin of ['http://127.0.0.1:1', 'http://127.1.2.3', 'http://localhost:8787', 'http://app.localhost', 'http://[::1]:8787']) expect(isLoopbackOrigin(origin)).toBe(true)
    for (const origin of ['https://192.168.1.2', 'https://hearth.local', 'https://[fd00::1]', 'https://127.0.0.1.nip.io']) expect(isLoopbackOrigin(origin)).toBe(false)
  })
})

describe('reachView', () => {
  it('puts the likeliest address first and the others behind "Other addresses"', () => {
    const view = reachView({ reach: reply(['https://192.168.1.20:8787', 'https://127.0.0.1:8787', 'https://10.8.0.1:8787']), failure: null, pageOrigin: 'http://127.0.0.1:8787', linkFor })
    expect(view.primary).toEqual({ origin: 'https://192.168.1.20:8787', link: 'https://192.168.1.20:8787/pair#key=K' })
    expect(view.others.map(other => other.origin)).toEqual(['https://10.8.0.1:8787'])
    expect(view.notes).toEqual([])
  })

  it('falls back to the page\'s own address when /api/reach fails, and says so', () => {
    const view = reachView({ reach: null, failure: 'This home server does not offer the addresses other devices can reach; update the seed node.', pageOrigin: 'http://127.0.0.1:8787', linkFor })
    expect(view.primary.link).toBe('http://127.0.0.1:8787/pair#key=K')
    expect(view.others).toEqual([])
    expect(view.notes).toHaveLength(1)
    expect(view.notes[0]).toMatchObject({ kind: 'fallback' })
    expect(view.notes[0]?.text).toMatch(/did not say which addresses .* \(This home server does not offer .*update the seed node\)\. This link uses the address this browser opened, which works on this computer only\.$/)
    const lan = reachView({ reach: null, failure: null, pageOrigin: 'https://192.168.1.20:8787', linkFor })
    expect(lan.notes[0]?.text).toBe('The home server did not say which addresses other devices can reach. This link uses the address this browser opened.')
  })

  it('says when the home server listens on loopback only', () => {
    const view = reachView({ reach: reply(['http://127.0.0.1:8787'], { mode: 'off' }), failure: null, pageOrigin: 'http://127.0.0.1:8787', linkFor })
    expect(view.primary.origin).toBe('http://127.0.0.1:8787')
    expect(view.notes.map(note => note.kind)).toEqual(['loopback-only'])
  })

  it('shows the TLS warning and, for the household CA, how to trust it', () => {
    const view = reachView({
      reach: reply(['https://192.168.1.20:8787'], { mode: 'household-ca', warning: 'The certificate expires in 3 days and could not be renewed.', caFingerprint: 'AB:CD' }, 'http://192.168.1.20:8787/onboarding'),
      failure: null,
      pageOrigin: 'https://192.168.1.20:8787',
      linkFor
    })
    expect(view.notes).toEqual([
      { kind: 'tls-warning', text: 'The certificate expires in 3 days and could not be renewed.' },
      expect.objectContaining({ kind: 'household-ca', onboardingUrl: 'http://192.168.1.20:8787/onboarding', fingerprint: 'AB:CD' })
    ])
  })
})
