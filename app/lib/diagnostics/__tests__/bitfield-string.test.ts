import { describe, expect, it } from 'vitest'
import { bitfieldString } from '../bitfield-string.ts'

describe('bitfieldString', () => {
  it('writes one character per piece', () => {
    const have = new Set([0, 2])
    expect(bitfieldString({ get: (i) => have.has(i) }, 4)).toBe('1010')
  })
  it('is all zeros before metadata', () => {
    expect(bitfieldString(undefined, 3)).toBe('000')
  })
})
