import { describe, expect, it } from 'vitest'
import { pairingLinkFor, readPairingLink } from '../pairing-fragment.ts'

const KEY = Buffer.alloc(32, 7).toString('base64url')

describe('readPairingLink', () => {
  it('reads the key from /pair#key=…', () => {
    expect(readPairingLink('/pair', `#key=${KEY}`)).toEqual({ status: 'key', libraryKey: KEY })
    expect(readPairingLink('/pair/', `key=${KEY}`)).toEqual({ status: 'key', libraryKey: KEY })
  })

  it('ignores other paths', () => {
    expect(readPairingLink('/', `#key=${KEY}`)).toEqual({ status: 'none' })
    expect(readPairingLink('/pairing', `#key=${KEY}`)).toEqual({ status: 'none' })
  })

  it.each([
    ['no fragment', ''],
    ['no key parameter', '#k=abc'],
    ['two keys', `#key=${KEY}&key=${KEY}`],
    ['a short key', `#key=${KEY.slice(0, 20)}`],
    ['a 33-byte key', `#key=${Buffer.alloc(33, 1).toString('base64url')}`],
    ['padding', `#key=${Buffer.alloc(32, 7).toString('base64')}`],
    ['a key with foreign characters', `#key=${KEY.slice(0, -1)}*`]
  ])('rejects %s with a message', (_, hash) => {
    const result = readPairingLink('/pair', hash)
    expect(result.status).toBe('invalid')
    if (result.status === 'invalid') expect(result.message).toMatch(/^This pairing link does not work: .+\. Copy the whole link again\.$/)
  })

  it('round-trips through pairingLinkFor', () => {
    const url = new URL(pairingLinkFor('http://192.168.1.2:8080', KEY))
    expect(url.pathname).toBe('/pair')
    expect(readPairingLink(url.pathname, url.hash)).toEqual({ status: 'key', libraryKey: KEY })
  })
})
