import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { parseRange } from '../byte-range.ts'

describe('parseRange', () => {
  it('serves the whole resource when there is no Range header', () => {
    expect(parseRange(undefined, 1000)).toEqual({ kind: 'full' })
  })

  it('reads a closed range', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual({ kind: 'partial', start: 0, end: 99 })
    expect(parseRange('bytes=0-0', 1000)).toEqual({ kind: 'partial', start: 0, end: 0 })
    expect(parseRange('bytes=999-999', 1000)).toEqual({ kind: 'partial', start: 999, end: 999 })
    expect(parseRange('  bytes=10-20 ', 1000)).toEqual({ kind: 'partial', start: 10, end: 20 })
  })

  it('reads an open-ended range to the last byte', () => {
    expect(parseRange('bytes=500-', 1000)).toEqual({ kind: 'partial', start: 500, end: 999 })
    expect(parseRange('bytes=0-', 1)).toEqual({ kind: 'partial', start: 0, end: 0 })
  })

  it('clamps an end past the resource to its last byte', () => {
    expect(parseRange('bytes=900-5000', 1000)).toEqual({ kind: 'partial', start: 900, end: 999 })
  })

  it('reads a suffix range as the last N bytes, clamped to the resource', () => {
    expect(parseRange('bytes=-200', 1000)).toEqual({ kind: 'partial', start: 800, end: 999 })
    expect(parseRange('bytes=-1000', 1000)).toEqual({ kind: 'partial', start: 0, end: 999 })
    expect(parseRange('bytes=-5000', 1000)).toEqual({ kind: 'partial', start: 0, end: 999 })
  })

  it('refuses ranges that cannot be satisfied', () => {
    expect(parseRange('bytes=1000-', 1000)).toEqual({ kind: 'unsatisfiable' })
    expect(parseRange('bytes=1000-1200', 1000)).toEqual({ kind: 'unsatisfiable' })
    expect(parseRange('bytes=20-10', 1000)).toEqual({ kind: 'unsatisfiable' })
    expect(parseRange('bytes=-0', 1000)).toEqual({ kind: 'unsatisfiable' })
    expect(parseRange('bytes=99999999999999999999-', 1000)).toEqual({ kind: 'unsatisfiable' })
  })

  it('refuses any range of an empty resource', () => {
    expect(parseRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' })
    expect(parseRange('bytes=0-0', 0)).toEqual({ kind: 'unsatisfiable' })
    expect(parseRange('bytes=-10', 0)).toEqual({ kind: 'unsatisfiable' })
  })

  it('falls back to the whole resource for what it does not handle', () => {
    expect(parseRange('bytes=0-1,5-6', 1000)).toEqual({ kind: 'full' })
    expect(parseRange('items=0-5', 1000)).toEqual({ kind: 'full' })
    expect(parseRange('bytes=-', 1000)).toEqual({ kind: 'full' })
    expect(parseRange('bytes=abc-def', 1000)).toEqual({ kind: 'full' })
    expect(parseRange('', 1000)).toEqual({ kind: 'full' })
  })

  it('gives back exactly a valid closed range', () => {
    const closedRange = fc.integer({ min: 1, max: 2 ** 40 }).chain(length =>
      fc.tuple(fc.constant(length), fc.integer({ min: 0, max: length - 1 }), fc.integer({ min: 0, max: length - 1 })))
    fc.assert(fc.property(closedRange, ([length, a, b]) => {
      const [start, end] = a <= b ? [a, b] : [b, a]
      expect(parseRange(`bytes=${start}-${end}`, length)).toEqual({ kind: 'partial', start, end })
    }))
  })

  it('only ever answers with a range inside the resource', () => {
    const header = fc.oneof(
      fc.tuple(fc.option(fc.nat(), { nil: undefined }), fc.option(fc.nat(), { nil: undefined }))
        .map(([first, last]) => `bytes=${first ?? ''}-${last ?? ''}`),
      fc.string()
    )
    fc.assert(fc.property(header, fc.nat({ max: 2 ** 40 }), (value, length) => {
      const result = parseRange(value, length)
      if (result.kind === 'partial') {
        expect(result.start).toBeGreaterThanOrEqual(0)
        expect(result.end).toBeGreaterThanOrEqual(result.start)
        expect(result.end).toBeLessThan(length)
      }
    }))
  })
})
