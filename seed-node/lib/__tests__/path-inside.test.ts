import { describe, expect, it } from 'vitest'
import { isInside, isInsideOrSame } from '../path-inside.ts'

describe('isInside and isInsideOrSame', () => {
  it('tell a name beginning with two dots, which is inside, from a step out', () => {
    expect(isInside('/media/library', '/media/library/..rec')).toBe(true)
    expect(isInside('/media/library', '/media/library/Films/..hidden.mkv')).toBe(true)
    expect(isInsideOrSame('/media/library', '/media/library/..state')).toBe(true)
    expect(isInside('/media/library', '/media/other')).toBe(false)
    expect(isInside('/media/library', '/media')).toBe(false)
    expect(isInside('/media/library', '/media/library-2/film.mkv')).toBe(false)
  })

  it('count the root itself only as the same folder', () => {
    expect(isInside('/media/library', '/media/library')).toBe(false)
    expect(isInsideOrSame('/media/library', '/media/library')).toBe(true)
    expect(isInsideOrSame('/media/library', '/media/library/Films')).toBe(true)
    expect(isInsideOrSame('/media/library', '/srv/state')).toBe(false)
  })
})
