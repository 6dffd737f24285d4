import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { PairingLinkError, pairingLink, parsePairingFragment } from '../pairing-link.ts'
import { encodeLibraryKey } from '../library-key.ts'
import { thrownCode } from './thrown-code.ts'

const KEY = Uint8Array.from({ length: 32 }, (_, i) => 255 - i)

const codeOf = (run: () => unknown): string | undefined => thrownCode(PairingLinkError, run)

describe('pairing link', () => {
  it('puts the key in the fragment of /pair', () => {
    const link = pairingLink('http://192.168.1.2:8080', KEY)
    expect(link).toBe(`http://192.168.1.2:8080/pair#key=${encodeLibraryKey(KEY)}`)
    const url = new URL(link)
    expect(url.pathname).toBe('/pair')
    expect(url.search).toBe('')
    expect(`${url.origin}${url.pathname}`).not.toContain(encodeLibraryKey(KEY))
  })

  it('round-trips any key through the link and location.hash', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), key => {
      const { hash } = new URL(pairingLink('https://home.example.net/', key))
      expect(parsePairingFragment(hash)).toEqual(key)
      expect(parsePairingFragment(hash.slice(1))).toEqual(key)
    }))
  })

  it('refuses origins that are not plain http(s) origins', () => {
    for (const bad of ['not a url', 'ftp://host', 'http://host/app', 'http://host/?x=1', 'http://u:p@host']) {
      expect(codeOf(() => pairingLink(bad, KEY))).toBe('HEARTH_E_BAD_PAIRING_LINK')
    }
  })

  it('refuses a fragment without a key, with two keys, or with a damaged key', () => {
    const key = encodeLibraryKey(KEY)
    for (const bad of ['', '#', '#foo=bar', `#key=${key}&key=${key}`, `#key=${key.slice(0, 20)}`, `#key=${key}!`]) {
      expect(codeOf(() => parsePairingFragment(bad))).toBe('HEARTH_E_BAD_PAIRING_LINK')
    }
  })
})
