import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildMagnet, withDisplayName } from '../../magnet/build-magnet.ts'
import { base32ToHex, MAX_MAGNET_LENGTH_CHARS, MagnetError, parseMagnet } from '../../magnet/parse-magnet.ts'
import { thrownCode } from '../thrown-code.ts'

const HEX = 'c9e15763f722f23e98a29decdfae341b98d53056'
// The same 20 bytes in RFC 4648 base32.
const BASE32 = 'ZHQVOY7XELZD5GFCTXWN7LRUDOMNKMCW'

const codeOf = (run: () => unknown): string | undefined => thrownCode(MagnetError, run)

describe('parseMagnet', () => {
  it('reads a hex infohash, dn, trackers and web seeds', () => {
    const magnet = `magnet:?xt=urn:btih:${HEX.toUpperCase()}&dn=Big+Buck%20Bunny&tr=${encodeURIComponent('wss://t.example/announce')}&ws=${encodeURIComponent('https://seed.example/f.mp4')}`
    expect(parseMagnet(magnet)).toEqual({
      infoHash: HEX,
      displayName: 'Big Buck Bunny',
      trackers: ['wss://t.example/announce'],
      webSeeds: ['https://seed.example/f.mp4'],
      ignored: []
    })
  })

  it('converts a base32 infohash to hex', () => {
    expect(base32ToHex(BASE32)).toBe(HEX)
    expect(parseMagnet(`magnet:?xt=urn:btih:${BASE32.toLowerCase()}`).infoHash).toBe(HEX)
  })

  it('keeps ws, wss, http and https trackers and reports the others', () => {
    const trackers = ['ws://a/announce', 'wss://b/announce', 'http://c/announce', 'https://d/announce', 'udp://e:6969', 'ftp://f/']
    const parsed = parseMagnet(`magnet:?xt=urn:btih:${HEX}&${trackers.map(t => `tr=${encodeURIComponent(t)}`).join('&')}`)
    expect(parsed.trackers).toEqual(trackers.slice(0, 4))
    expect(parsed.ignored).toHaveLength(2)
    expect(parsed.ignored[0]).toMatch(/udp:\/\/e:6969 \(browsers cannot use UDP trackers\)/)
  })

  it('accepts numbered keys (tr.1) and ignores parameters it does not use', () => {
    const parsed = parseMagnet(`magnet:?xt=urn:btih:${HEX}&tr.1=wss%3A%2F%2Fa%2F&xl=1234&x.pe=1.2.3.4:5`)
    expect(parsed.trackers).toEqual(['wss://a/'])
  })

  it('allows a v2 xt beside the v1 one, and the same btih twice', () => {
    expect(parseMagnet(`magnet:?xt=urn:btih:${HEX}&xt=urn:btmh:1220abcd&xt=urn:btih:${BASE32}`).infoHash).toBe(HEX)
  })

  it('cleans the display name', () => {
    expect(parseMagnet(`magnet:?xt=urn:btih:${HEX}&dn=${encodeURIComponent('a\u0000b\u202Ec\n')}`).displayName).toBe('a b c')
    expect(parseMagnet(`magnet:?xt=urn:btih:${HEX}&dn=`).displayName).toBeNull()
  })

  it.each([
    ['not a magnet', 'https://example.com/', /does not start with "magnet:\?"/],
    ['no xt', 'magnet:?dn=x', /no "xt=urn:btih:/],
    ['two torrents', `magnet:?xt=urn:btih:${HEX}&xt=urn:btih:${'0'.repeat(40)}`, /names 2 different torrents/],
    ['short hash', `magnet:?xt=urn:btih:${HEX.slice(1)}`, /neither 40 hexadecimal nor 32 base32/],
    ['bad base32', `magnet:?xt=urn:btih:${'1'.repeat(32)}`, /neither 40 hexadecimal nor 32 base32/],
    ['tracker not a URL', `magnet:?xt=urn:btih:${HEX}&tr=nope`, /tracker "nope" is not a URL/],
    ['bad escape', `magnet:?xt=urn:btih:${HEX}&dn=%E0%A4%A`, /not valid percent-encoding/],
    ['too long', `magnet:?xt=urn:btih:${HEX}&dn=${'a'.repeat(MAX_MAGNET_LENGTH_CHARS)}`, /at most 8192 are accepted/]
  ])('refuses %s with HEARTH_E_BAD_MAGNET and a reason', (_name, input, reason) => {
    expect(codeOf(() => parseMagnet(input))).toBe('HEARTH_E_BAD_MAGNET')
    expect(() => parseMagnet(input)).toThrow(reason)
  })

  it('caps the number of trackers kept', () => {
    const many = Array.from({ length: 30 }, (_, i) => `tr=${encodeURIComponent(`wss://t${i}.example/`)}`).join('&')
    const parsed = parseMagnet(`magnet:?xt=urn:btih:${HEX}&${many}`)
    expect(parsed.trackers).toHaveLength(20)
    expect(parsed.ignored).toHaveLength(10)
  })

  it('round-trips through buildMagnet', () => {
    const url = fc.webUrl({ validSchemes: ['https', 'http'] })
    fc.assert(fc.property(
      fc.stringMatching(/^[0-9a-f]{40}$/),
      // Names as the parser leaves them: display-safe, single spaces, trimmed.
      fc.option(fc.string({ minLength: 1, maxLength: 40 }).map(s => s.replace(/[^a-zA-Z0-9 ]/g, 'x').replace(/\s+/g, ' ').trim()).filter(s => s !== ''), { nil: null }),
      fc.uniqueArray(url.map(u => u.replace(/^http/, 'ws')), { maxLength: 5 }),
      fc.uniqueArray(url, { maxLength: 5 }),
      (infoHash, displayName, trackers, webSeeds) => {
        const parts = { infoHash, displayName, trackers, webSeeds }
        expect(parseMagnet(buildMagnet(parts))).toEqual({ ...parts, ignored: [] })
      }
    ), { numRuns: 200 })
  })

  it('renames a link, keeping its trackers and web seeds', () => {
    const renamed = withDisplayName(`magnet:?xt=urn:btih:${HEX}&dn=${HEX}&tr=wss%3A%2F%2Fa%2F&ws=https%3A%2F%2Fb%2F`, 'Holiday clip.mp4')
    expect(parseMagnet(renamed)).toEqual({ infoHash: HEX, displayName: 'Holiday clip.mp4', trackers: ['wss://a/'], webSeeds: ['https://b/'], ignored: [] })
  })

  it('never throws anything but MagnetError on arbitrary input', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), tail => {
      for (const input of [tail, `magnet:?${tail}`, `magnet:?xt=urn:btih:${HEX}&${tail}`]) {
        try {
          parseMagnet(input)
        } catch (err) {
          expect(err).toBeInstanceOf(MagnetError)
        }
      }
    }), { numRuns: 300 })
  })
})
