import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import parseTorrent from 'parse-torrent'
import { buildMagnet } from '../magnet-link.ts'

const INFO_HASH = '0123456789abcdef0123456789abcdef01234567'

describe('buildMagnet', () => {
  it('round-trips infohash, tracker, web seed and display name through parse-torrent', async () => {
    const parts = {
      infoHash: INFO_HASH,
      displayName: "Film (2026) – Director's Cut [4K] 100% & more",
      trackerUrl: 'wss://hearth.example:8443/announce?token=a1&kind=share',
      webSeedUrl: 'https://hearth.example:8443/webseed/0123/Film (2026).mp4'
    }
    const magnet = buildMagnet(parts)
    expect(magnet.startsWith(`magnet:?xt=urn:btih:${INFO_HASH}&`)).toBe(true)
    const parsed = await parseTorrent(magnet)
    expect(parsed.infoHash).toBe(INFO_HASH)
    expect(parsed.name).toBe(parts.displayName)
    expect(parsed.announce).toEqual([parts.trackerUrl])
    expect(parsed.urlList).toEqual([parts.webSeedUrl])
  })

  it('leaves the web seed out when there is none', async () => {
    const magnet = buildMagnet({ infoHash: INFO_HASH, displayName: 'Song.mp3', trackerUrl: 'ws://127.0.0.1:8000/announce', webSeedUrl: null })
    expect(magnet).not.toContain('ws=')
    const parsed = await parseTorrent(magnet)
    expect(parsed.urlList ?? []).toEqual([])
    expect(parsed.announce).toEqual(['ws://127.0.0.1:8000/announce'])
  })

  it('round-trips any display name and URL path (except `+`, which magnet decoders read as a space)', async () => {
    const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter(s => !s.includes('+'))
    await fc.assert(fc.asyncProperty(text, text, async (displayName, pathPart) => {
      const trackerUrl = `wss://tracker.example/announce?t=${encodeURIComponent(pathPart)}`
      const webSeedUrl = `https://seed.example/webseed/${encodeURIComponent(pathPart)}`
      const parsed = await parseTorrent(buildMagnet({ infoHash: INFO_HASH, displayName, trackerUrl, webSeedUrl }))
      expect(parsed.infoHash).toBe(INFO_HASH)
      expect(parsed.name).toBe(displayName)
      expect(parsed.announce).toEqual([trackerUrl])
      expect(parsed.urlList).toEqual([webSeedUrl])
    }), { numRuns: 200 })
  })
})
