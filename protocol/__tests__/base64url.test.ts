import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { decodeBase64url, encodeBase64url } from '../base64url.ts'

describe('base64url', () => {
  it('round-trips any bytes, and matches the RFC 4648 alphabet without padding', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 100 }), bytes => {
      const text = encodeBase64url(bytes)
      expect(text).toMatch(/^[A-Za-z0-9_-]*$/)
      expect(text).toBe(btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''))
      expect(decodeBase64url(text)).toEqual(bytes)
    }))
  })

  it('refuses padding, foreign characters, impossible lengths and non-canonical tails', () => {
    for (const bad of ['AA==', 'A+B/', 'AAA A', 'A', 'AB', 'AAB']) expect(decodeBase64url(bad)).toBeNull()
    expect(decodeBase64url('AA')).toEqual(new Uint8Array([0]))
  })
})
