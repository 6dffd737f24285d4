/** The picture cache's key: a changed source (size, mtime, inode, path, frame time) is a new key, so a stale picture is never served. */
import { describe, it, expect } from 'vitest'
import { artRef, frameTimeSec } from '../art-ref.ts'

const FINGERPRINT = { sizeBytes: 1000, mtimeMs: 1_700_000_000_000, inode: 42 }

describe('artRef keys', () => {
  it('are stable for the same source, and URL-safe', () => {
    expect(artRef('file', '/lib/a/poster.jpg', FINGERPRINT).key).toBe(artRef('file', '/lib/a/poster.jpg', { ...FINGERPRINT }).key)
    expect(artRef('file', '/lib/a/poster.jpg', FINGERPRINT).key).toMatch(/^[A-Za-z0-9_-]{22}$/)
  })

  it('change when the file changes, moves, or the picture is taken another way', () => {
    const base = artRef('frame', '/lib/film.mp4', FINGERPRINT, 12).key
    const others = [
      artRef('frame', '/lib/film.mp4', { ...FINGERPRINT, mtimeMs: FINGERPRINT.mtimeMs + 1 }, 12),
      artRef('frame', '/lib/film.mp4', { ...FINGERPRINT, sizeBytes: 1001 }, 12),
      artRef('frame', '/lib/film.mp4', { ...FINGERPRINT, inode: 43 }, 12),
      artRef('frame', '/lib/other.mp4', FINGERPRINT, 12),
      artRef('frame', '/lib/film.mp4', FINGERPRINT, 13),
      artRef('embedded', '/lib/film.mp4', FINGERPRINT, 12)
    ].map(ref => ref.key)
    expect(new Set([base, ...others]).size).toBe(others.length + 1)
  })
})

describe('frameTimeSec', () => {
  it('takes a tenth of the way in, or 5 s when the duration is unknown', () => {
    expect(frameTimeSec(3600)).toBe(360)
    expect(frameTimeSec(4)).toBe(0.4)
    expect(frameTimeSec(null)).toBe(5)
    expect(frameTimeSec(Number.NaN)).toBe(5)
  })
})
