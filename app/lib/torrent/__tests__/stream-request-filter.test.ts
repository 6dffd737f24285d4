import { describe, expect, it } from 'vitest'
import { streamRequestInfoHash } from '../stream-request-filter.ts'

const HASH = 'b5414e50622976c63699a7bdd5b2b4b212c61dfa'

describe('streamRequestInfoHash', () => {
  it('reads the infohash of a stream request', () => {
    expect(streamRequestInfoHash({ type: 'webtorrent', url: `http://127.0.0.1:8787/webtorrent/${HASH}/a%20b/c.mp4` })).toBe(HASH)
    expect(streamRequestInfoHash({ type: 'webtorrent', url: `https://h.example/webtorrent/${HASH}` })).toBe(HASH)
  })
  it('ignores other messages and non-torrent paths', () => {
    expect(streamRequestInfoHash({ type: 'webtorrent', url: 'http://h/webtorrent/keepalive/' })).toBeNull()
    expect(streamRequestInfoHash({ type: 'other', url: `http://h/webtorrent/${HASH}/x` })).toBeNull()
    expect(streamRequestInfoHash('HEARTH_CLAIM')).toBeNull()
    expect(streamRequestInfoHash({ type: 'webtorrent', url: 'not a url' })).toBeNull()
  })
})
