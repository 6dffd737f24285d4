/**
 * Stored torrents lose their trackers and web seeds, and keep their info dictionary byte for
 * byte (so the infohash), even one whose keys are not in canonical order. Malformed bytes
 * are refused, never half-rewritten.
 */
import { describe, it, expect } from 'vitest'
import { createHash } from 'node:crypto'
import { BencodeError, withoutAnnounce } from '../torrent-announce-strip.ts'

const text = (value: string): Uint8Array => new TextEncoder().encode(value)
const str = (value: string): string => `${Buffer.byteLength(value)}:${value}`
// Keys out of canonical order ("pieces" before "name"): a decode and re-encode would reorder them.
const INFO = `d6:pieces20:${'x'.repeat(20)}4:name5:a.mp46:lengthi10e12:piece lengthi16384ee`
const sha1 = (bytes: Uint8Array): string => createHash('sha1').update(bytes).digest('hex')
const infoOf = (torrent: Uint8Array): Uint8Array => {
  const at = Buffer.from(torrent).indexOf('4:infod') + '4:info'.length
  return torrent.subarray(at, at + INFO.length)
}

describe('withoutAnnounce', () => {
  it('drops announce, announce-list, url-list and httpseeds; keeps the info bytes and other keys', () => {
    const tracker = 'ws://127.0.0.1:8787/announce/SECRET'
    const torrent = text(`d${str('announce')}${str(tracker)}${str('announce-list')}ll${str(tracker)}ee${str('comment')}${str('hi')}${str('httpseeds')}l${str('http://x/SECRET')}e4:info${INFO}${str('url-list')}${str('http://x/webseed/SECRET/')}e`)
    const stripped = withoutAnnounce(torrent)
    expect(Buffer.from(stripped).includes('SECRET')).toBe(false)
    expect(Buffer.from(stripped).toString()).toBe(`d${str('comment')}${str('hi')}4:info${INFO}e`)
    expect(sha1(infoOf(stripped))).toBe(sha1(text(INFO)))
  })

  it('returns the same bytes when there is nothing to drop', () => {
    const torrent = text(`d4:info${INFO}e`)
    expect(withoutAnnounce(torrent)).toBe(torrent)
  })

  it.each([
    ['not a dictionary', 'l4:infoe'],
    ['a dictionary that never ends', `d4:info${INFO}`],
    ['bytes after the dictionary', `d4:info${INFO}ee`],
    ['a string past the end', 'd4:info99:abce'],
    ['a bad string length', 'd4:info-1:ae'],
    ['nesting past the bound', `d1:a${'l'.repeat(100)}${'e'.repeat(100)}e`]
  ])('refuses %s', (_why, bytes) => {
    expect(() => withoutAnnounce(text(bytes))).toThrow(BencodeError)
  })
})
