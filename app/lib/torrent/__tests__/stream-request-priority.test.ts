import { describe, expect, it } from 'vitest'
import { JUMP_BYTES, jumpPieces, parseStreamRequest } from '../stream-request-priority.ts'

const HASH = 'b5414e50622976c63699a7bdd5b2b4b212c61dfa'
const url = `https://h.example/webtorrent/${HASH}/Films/A%20Film%20(2025).mp4`

describe('parseStreamRequest', () => {
  it('reads the file path and the first byte of the range', () => {
    expect(parseStreamRequest({ type: 'webtorrent', url, headers: { range: 'bytes=1048576-' } })).toEqual({ infoHash: HASH, path: 'Films/A Film (2025).mp4', start: 1048576 })
    expect(parseStreamRequest({ type: 'webtorrent', url, headers: { range: 'bytes=10-20' } })?.start).toBe(10)
  })
  it('starts at 0 without a usable Range header', () => {
    expect(parseStreamRequest({ type: 'webtorrent', url })?.start).toBe(0)
    expect(parseStreamRequest({ type: 'webtorrent', url, headers: { range: 'bytes=-500' } })?.start).toBe(0)
    expect(parseStreamRequest({ type: 'webtorrent', url, headers: { range: 7 } })?.start).toBe(0)
  })
  it('ignores other messages, paths without a file and bad escapes', () => {
    expect(parseStreamRequest({ type: 'webtorrent', url: `https://h/webtorrent/${HASH}` })).toBeNull()
    expect(parseStreamRequest({ type: 'webtorrent', url: `https://h/webtorrent/${HASH}/%E0%A4%A` })).toBeNull()
    expect(parseStreamRequest({ type: 'other', url })).toBeNull()
  })
})

describe('jumpPieces', () => {
  const piece = 256 * 1024
  it('covers the first MiB from the asked byte, in torrent coordinates', () => {
    expect(jumpPieces({ offset: 0, length: 100 * piece }, piece, 0)).toEqual({ start: 0, end: JUMP_BYTES / piece - 1 })
    expect(jumpPieces({ offset: piece / 2, length: 100 * piece }, piece, 10 * piece)).toEqual({ start: 10, end: 14 })
  })
  it('stops at the end of the file, and is null past it', () => {
    expect(jumpPieces({ offset: 0, length: 10 * piece }, piece, 9 * piece + 5)).toEqual({ start: 9, end: 9 })
    expect(jumpPieces({ offset: 0, length: 10 * piece }, piece, 10 * piece)).toBeNull()
    expect(jumpPieces({ offset: 0, length: 10 * piece }, 0, 0)).toBeNull()
  })
})
