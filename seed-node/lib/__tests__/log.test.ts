/**
 * Log lines are inert: whatever a file name, a torrent or a peer puts in a logged value, the
 * line shows it as escaped text. No control character reaches the terminal or the journal,
 * and no bidi override reorders what the reader sees.
 */
import { describe, it, expect } from 'vitest'
import { createLogger, escapeLogText, formatLine } from '../log.ts'

/** C0 (but space), DEL, C1, and the invisible and bidi characters a log viewer would act on. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const DANGEROUS = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/

describe('log escaping', () => {
  it('prints plain names as they are', () => {
    expect(escapeLogText('Films/Meadow_at-Noon.2026.mp4')).toBe('Films/Meadow_at-Noon.2026.mp4')
    expect(formatLine('info', 'ingest.hashed', { path: 'a/b.mp4', pieces: 3, ok: true, none: null })).toMatch(/ INFO {2}ingest\.hashed path=a\/b\.mp4 pieces=3 ok=true none=null$/)
  })

  it('escapes a right-to-left override (U+202E) so the name reads as it is', () => {
    const name = 'Holiday\u202Evom.exe'
    const line = formatLine('warn', 'scan.skipped', { relativePath: name })
    expect(line).not.toMatch(DANGEROUS)
    expect(line).toContain('relativePath="Holiday\\u202evom.exe"')
    expect(JSON.parse(escapeLogText(name))).toBe(name)
  })

  it.each([
    ['newline (a forged second line)', 'x\n2026-01-01T00:00:00.000Z ERROR forged'],
    ['carriage return', 'x\rforged'],
    ['escape sequence', 'x\u001b[2J'],
    ['NUL', 'x\u0000y'],
    ['DEL', 'x\u007fy'],
    ['C1 control (CSI)', 'x\u009b31my'],
    ['line separator', 'x\u2028y'],
    ['bidi isolate', '\u2067x\u2069'],
    ['zero-width joiner', 'a\u200db'],
    ['byte order mark', '\ufeffx'],
    ['lone surrogate', 'x\ud800y']
  ])('escapes %s in values, keys and event names', (_why, text) => {
    const line = formatLine('info', `event${text}`, { [`key${text}`]: text })
    expect(line).not.toMatch(DANGEROUS)
    expect(line.split('\n')).toHaveLength(1)
    expect(line).not.toMatch(/[\ud800-\udfff]/)
    // Every escaped value reads back as the original text.
    expect(JSON.parse(escapeLogText(text))).toBe(text)
  })

  it('escapes what reaches the sink, at every level', () => {
    const lines: string[] = []
    const log = createLogger('debug', line => lines.push(line))
    for (const at of [log.debug, log.info, log.warn, log.error]) at('x', { name: 'a\u202eb\u0085c' })
    expect(lines).toHaveLength(4)
    for (const line of lines) expect(line).not.toMatch(DANGEROUS)
  })
})
