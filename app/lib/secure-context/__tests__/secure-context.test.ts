import { describe, expect, it } from 'vitest'
import { hasSecureContext, InsecureContextError, requireSecureContext } from '../secure-context.ts'
import { secureAddressFor } from '../secure-address.ts'

const subtle = {}

describe('hasSecureContext', () => {
  it('is true only for a secure context that has crypto.subtle', () => {
    expect(hasSecureContext({ isSecureContext: true, crypto: { subtle } })).toBe(true)
    expect(hasSecureContext({ isSecureContext: false, crypto: { subtle: undefined } })).toBe(false)
    expect(hasSecureContext({ isSecureContext: false, crypto: { subtle } })).toBe(false)
    expect(hasSecureContext({ isSecureContext: true, crypto: {} })).toBe(false)
    expect(hasSecureContext({})).toBe(false)
  })

  it('requireSecureContext names what needed it', () => {
    expect(() => requireSecureContext('The household credential', { isSecureContext: false })).toThrow(InsecureContextError)
    expect(() => requireSecureContext('The household credential', { isSecureContext: false })).toThrow(/^The household credential needs a secure \(HTTPS\) page/)
    expect(() => requireSecureContext('x', { isSecureContext: true, crypto: { subtle } })).not.toThrow()
  })
})

describe('secureAddressFor', () => {
  const at = (href: string) => {
    const url = new URL(href)
    return { protocol: url.protocol, host: url.host, pathname: url.pathname, search: url.search, hash: url.hash }
  }

  it('keeps host, port, path and the pairing fragment, with https', () => {
    expect(secureAddressFor(at('http://192.168.1.20:8787/pair#key=abc'))).toEqual({
      secureUrl: 'https://192.168.1.20:8787/pair#key=abc',
      secureOrigin: 'https://192.168.1.20:8787',
      onboardingUrl: 'http://192.168.1.20:8787/onboarding'
    })
    expect(secureAddressFor(at('http://hearth.local/open?magnet=x')).secureUrl).toBe('https://hearth.local/open?magnet=x')
    expect(secureAddressFor(at('http://[fd00::2]:8787/')).secureOrigin).toBe('https://[fd00::2]:8787')
  })

  it('has nothing to offer on a page that is not plain http', () => {
    expect(secureAddressFor(at('https://hearth.example/'))).toEqual({ secureUrl: null, secureOrigin: null, onboardingUrl: null })
    expect(secureAddressFor({ protocol: 'file:', host: '', pathname: '/x', search: '', hash: '' }).secureUrl).toBeNull()
  })
})
