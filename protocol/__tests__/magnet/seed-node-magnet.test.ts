import { describe, expect, it } from 'vitest'
import { MagnetError, parseMagnet } from '../../magnet/parse-magnet.ts'
import { SEED_NODE_MAGNET_RULES } from '../../magnet/magnet-rules.ts'

const HEX = 'c9e15763f722f23e98a29decdfae341b98d53056'
const parse = (magnet: string): ReturnType<typeof parseMagnet> => parseMagnet(magnet, SEED_NODE_MAGNET_RULES)
const tr = (url: string): string => `tr=${encodeURIComponent(url)}`

describe('parseMagnet with the seed node\'s rules', () => {
  it('keeps udp trackers beside ws, wss, http and https ones', () => {
    const trackers = ['udp://a:6969/announce', 'wss://b/announce', 'http://c/announce']
    expect(parse(`magnet:?xt=urn:btih:${HEX}&${trackers.map(tr).join('&')}`).trackers).toEqual(trackers)
  })

  it('refuses a tracker it cannot use, and more than 20 trackers, instead of dropping them', () => {
    expect(() => parse(`magnet:?xt=urn:btih:${HEX}&${tr('file:///etc/passwd')}`)).toThrow(/tracker "file:\/\/\/etc\/passwd" is file:; trackers must be ws, wss, http, https, udp/)
    const many = Array.from({ length: 21 }, (_, i) => tr(`udp://t${i}.example:6969`)).join('&')
    expect(() => parse(`magnet:?xt=urn:btih:${HEX}&${many}`)).toThrow(MagnetError)
    expect(() => parse(`magnet:?xt=urn:btih:${HEX}&${many}`)).toThrow(/more than 20 trackers/)
  })

  it('skips web seeds, even malformed ones: the seed node fetches from the swarm', () => {
    expect(parse(`magnet:?xt=urn:btih:${HEX}&ws=not-a-url&ws=${encodeURIComponent('https://s/')}`)).toEqual({ infoHash: HEX, displayName: null, trackers: [], webSeeds: [], ignored: [] })
  })
})
