import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import parseTorrent from 'parse-torrent'
import { buildMagnet } from '../../magnet/build-magnet.ts'
import { parseMagnet } from '../../magnet/parse-magnet.ts'
import { SEED_NODE_MAGNET_RULES } from '../../magnet/magnet-rules.ts'

const INFO_HASH = '0123456789abcdef0123456789abcdef01234567'

describe('buildMagnet', () => {
  it('round-trips infohash, trackers, web seed and display name through parse-torrent (what WebTorrent reads)', async () => {
    const parts = {
      infoHash: INFO_HASH,
      displayName: "Film (2026) – Director's Cut [4K] 100% & more",
      trackers: ['wss://hearth.example:8443/announce?token=a1&kind=share', 'https://hearth.example:8443/announce/a1'],
      webSeeds: ['https://hearth.example:8443/webseed/0123/Film (2026).mp4']
    }
    const magnet = buildMagnet(parts)
    expect(magnet.startsWith(`magnet:?xt=urn:btih:${INFO_HASH}&`)).toBe(true)
    const parsed = await parseTorrent(magnet)
    expect(parsed.infoHash).toBe(INFO_HASH)
    expect(parsed.name).toBe(parts.displayName)
    expect(parsed.announce).toEqual(parts.trackers)
    expect(parsed.urlList).toEqual(parts.webSeeds)
  })

  it('leaves the name and web seed out when there are none', async () => {
    const magnet = buildMagnet({ infoHash: INFO_HASH, displayName: null, trackers: ['ws://127.0.0.1:8000/announce'], webSeeds: [] })
    expect(magnet).not.toContain('ws=')
    expect(magnet).not.toContain('dn=')
    const parsed = await parseTorrent(magnet)
    expect(parsed.urlList ?? []).toEqual([])
    expect(parsed.announce).toEqual(['ws://127.0.0.1:8000/announce'])
  })

  it('round-trips any display name and URL path through parse-torrent (except `+`, which magnet decoders read as a space)', async () => {
    const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter(s => !s.includes('+'))
    await fc.assert(fc.asyncProperty(text, text, async (displayName, pathPart) => {
      const tracker = `wss://tracker.example/announce?t=${encodeURIComponent(pathPart)}`
      const webSeed = `https://seed.example/webseed/${encodeURIComponent(pathPart)}`
      const parsed = await parseTorrent(buildMagnet({ infoHash: INFO_HASH, displayName, trackers: [tracker], webSeeds: [webSeed] }))
      expect(parsed.infoHash).toBe(INFO_HASH)
      expect(parsed.name).toBe(displayName)
      expect(parsed.announce).toEqual([tracker])
      expect(parsed.urlList).toEqual([webSeed])
    }), { numRuns: 200 })
  })

  it('round-trips through the seed node\'s parser too (udp trackers kept, web seeds skipped)', () => {
    const tracker = fc.oneof(fc.webUrl({ validSchemes: ['https', 'http'] }), fc.webUrl().map(u => u.replace(/^https?/, 'udp')))
    fc.assert(fc.property(
      fc.stringMatching(/^[0-9a-f]{40}$/),
      fc.uniqueArray(tracker, { maxLength: 20 }),
      (infoHash, trackers) => {
        const parsed = parseMagnet(buildMagnet({ infoHash, displayName: null, trackers, webSeeds: ['https://seed.example/'] }), SEED_NODE_MAGNET_RULES)
        expect(parsed).toEqual({ infoHash, displayName: null, trackers, webSeeds: [], ignored: [] })
      }
    ), { numRuns: 200 })
  })
})
