import { describe, expect, it } from 'vitest'
import { normalizeAddress, peerAddress } from '../peer-address.ts'

describe('address normalization', () => {
  it('writes an IPv4-mapped IPv6 address as IPv4, in either case', () => {
    expect(normalizeAddress('::ffff:192.0.2.1')).toBe('192.0.2.1')
    expect(normalizeAddress('::FFFF:198.18.0.7')).toBe('198.18.0.7')
  })

  it('leaves IPv4, other IPv6 and a mapped prefix without an IPv4 address as they are', () => {
    expect(normalizeAddress('192.0.2.1')).toBe('192.0.2.1')
    expect(normalizeAddress('::1')).toBe('::1')
    expect(normalizeAddress('fe80::ffff:1')).toBe('fe80::ffff:1')
    expect(normalizeAddress('::ffff:c000:201')).toBe('::ffff:c000:201')
  })

  it("names a socket without a remote address 'unknown'", () => {
    expect(peerAddress({ remoteAddress: undefined })).toBe('unknown')
    expect(peerAddress({ remoteAddress: '::ffff:127.0.0.1' })).toBe('127.0.0.1')
  })
})
