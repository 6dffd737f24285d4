import { describe, expect, it } from 'vitest'
import { parseTokenList, tokenListAuthenticator } from '../token-list.ts'

const A = 'aaaaaaaaaaaaaaaa-first'
const B = 'bbbbbbbbbbbbbbbb-second'

describe('token list for the standalone tracker', () => {
  it('reads one token per line or comma, ignoring comments and blanks', () => {
    expect(parseTokenList(`# household\n${A}\n\n  ${B}  # phone\n`, 'tokens.txt')).toEqual([A, B])
    expect(parseTokenList(`${A},${B}`, 'HEARTH_TRACKER_TOKENS')).toEqual([A, B])
  })

  it('refuses an empty list and short tokens, naming the source', () => {
    expect(() => parseTokenList('# nothing\n', 'tokens.txt')).toThrow(/tokens\.txt holds no tokens/)
    expect(() => parseTokenList(`${A}\nshort`, 'tokens.txt')).toThrow(/tokens\.txt: token 2 is shorter than 16/)
  })

  it('admits listed tokens as household members and nothing else', () => {
    const authenticate = tokenListAuthenticator([A, B])
    expect(authenticate(A)).toEqual({ kind: 'household' })
    expect(authenticate(B)).toEqual({ kind: 'household' })
    expect(authenticate(null)).toBeNull()
    expect(authenticate(A.slice(0, -1))).toBeNull()
    expect(authenticate('')).toBeNull()
  })
})
