import { describe, expect, it } from 'vitest'
import { parseRoute, routePath } from '../route.ts'

const HASH = '0123456789abcdef0123456789abcdef01234567'

describe('parseRoute', () => {
  it('maps / to the library', () => {
    expect(parseRoute('/')).toEqual({ name: 'library' })
    expect(parseRoute('/index.html')).toEqual({ name: 'library' })
  })
  it('maps /watch/<infohash> to the player', () => {
    expect(parseRoute(`/watch/${HASH}`)).toEqual({ name: 'watch', itemId: HASH })
    expect(parseRoute(`/watch/${HASH}/`)).toEqual({ name: 'watch', itemId: HASH })
    expect(parseRoute(`/watch/${HASH.toUpperCase()}`)).toEqual({ name: 'watch', itemId: HASH })
  })
  it('maps /devices to "Add a device"', () => {
    expect(parseRoute('/devices')).toEqual({ name: 'devices' })
  })
  it('maps /downloads to the download queue', () => {
    expect(parseRoute('/downloads')).toEqual({ name: 'downloads' })
    expect(parseRoute('/downloads/')).toEqual({ name: 'downloads' })
  })
  it('rejects malformed ids and unknown paths', () => {
    expect(parseRoute('/watch/xyz')).toEqual({ name: 'not-found', path: '/watch/xyz' })
    expect(parseRoute(`/watch/${HASH}/extra`).name).toBe('not-found')
    expect(parseRoute('/settings').name).toBe('not-found')
  })
  it('maps /open to a magnet search over magnet, url and text', () => {
    const magnet = `magnet:?xt=urn:btih:${HASH}&tr=${encodeURIComponent('wss://t/announce')}`
    expect(parseRoute('/open', `?magnet=${encodeURIComponent(magnet)}`)).toEqual({ name: 'open', search: { status: 'found', magnet } })
    expect(parseRoute('/open', `?title=x&text=${encodeURIComponent(`see ${magnet}`)}`)).toEqual({ name: 'open', search: { status: 'found', magnet } })
    expect(parseRoute('/open')).toEqual({ name: 'open', search: { status: 'empty' } })
    expect(routePath(parseRoute('/open', `?magnet=${encodeURIComponent(magnet)}`))).toBe(`/open?magnet=${encodeURIComponent(magnet)}`)
  })
  it('maps /channel/<id> to a live channel, and /shared/channel/<id> to a friend\'s page for one', () => {
    expect(parseRoute(`/channel/${HASH}`)).toEqual({ name: 'live', channelId: HASH })
    expect(parseRoute(`/shared/channel/${HASH}`)).toEqual({ name: 'live-guest', channelId: HASH })
    expect(parseRoute('/shared/channel/xyz').name).toBe('not-found')
  })
  it('round-trips through routePath', () => {
    for (const path of ['/', `/watch/${HASH}`, '/devices', '/downloads', `/channel/${HASH}`, `/shared/channel/${HASH}`]) expect(routePath(parseRoute(path))).toBe(path)
  })
})
