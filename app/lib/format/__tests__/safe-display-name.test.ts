import { describe, expect, it } from 'vitest'
import { MAX_DISPLAY_NAME_CHARS, safeDisplayName, safeTorrentName } from '../safe-display-name.ts'

describe('safeDisplayName', () => {
  it('removes control characters and bidi overrides', () => {
    expect(safeDisplayName('holiday\u202Egpj.exe')).toBe('holiday gpj.exe')
    expect(safeDisplayName('a\u0000b\tc\r\nd\u009b')).toBe('a b c d')
  })
  it('caps the length', () => {
    const name = safeDisplayName('x'.repeat(1000))
    expect(Array.from(name)).toHaveLength(MAX_DISPLAY_NAME_CHARS)
    expect(name.endsWith('…')).toBe(true)
  })
  it('falls back when nothing is left', () => {
    expect(safeDisplayName('\u0000\u0001 ')).toBe('Untitled')
  })
})

describe('safeTorrentName', () => {
  it('can never name a path', () => {
    expect(safeTorrentName('../../etc/passwd')).toBe('__.._etc_passwd')
    expect(safeTorrentName('..')).toBe('_')
    expect(safeTorrentName('C:\\boot.ini')).toBe('C__boot.ini')
    expect(safeTorrentName('.hidden')).toBe('_hidden')
  })
})
