import { describe, expect, it } from 'vitest'
import { TAIL_BYTES, tailPieces } from '../prefetch-tail.ts'

const PIECE = 256 * 1024

describe('tailPieces', () => {
  it('covers the last MiB of an MP4, in the pieces of its own bytes', () => {
    const file = { offset: 0, length: 200 * 1024 * 1024 }
    const pieces = tailPieces(file, PIECE, 'video/mp4')
    const last = Math.floor((file.length - 1) / PIECE)
    expect(pieces).toEqual({ start: last - TAIL_BYTES / PIECE + 1, end: last })
  })

  it('covers the end of a WebM too (its Cues sit there)', () => {
    expect(tailPieces({ offset: 0, length: 5 * TAIL_BYTES }, PIECE, 'video/webm')).toEqual({ start: 16, end: 19 })
  })

  it('never reaches before the file in a torrent of several files', () => {
    const file = { offset: 10 * PIECE + 5, length: 1000 }
    expect(tailPieces(file, PIECE, 'video/quicktime')).toEqual({ start: 10, end: 10 })
  })

  it('leaves types whose index is never at the end, unknown types and empty files alone', () => {
    expect(tailPieces({ offset: 0, length: 5 * TAIL_BYTES }, PIECE, 'video/ogg')).toBeNull()
    expect(tailPieces({ offset: 0, length: 5 * TAIL_BYTES }, PIECE, null)).toBeNull()
    expect(tailPieces({ offset: 0, length: 0 }, PIECE, 'video/mp4')).toBeNull()
  })
})
