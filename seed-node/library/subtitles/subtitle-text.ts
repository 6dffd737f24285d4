/**
 * Reads a subtitle file's bytes as text in the right character set, and turns it into
 * WebVTT. People's subtitles come in UTF-8, UTF-16 (with a BOM, from Windows tools) and,
 * from older rips, Windows-1252: "Grüße aus München" saved by Notepad in 2008 must not read
 * "Gr��e aus M�nchen". The rule: a BOM decides; else bytes that are valid UTF-8 are UTF-8;
 * else the legacy code page (`windows-1252` by default, a superset of ISO-8859-1 that also
 * maps 0x80–0x9F to “curly quotes”, € and friends). Node 20's TextDecoder decodes the
 * label `windows-1252` as ISO-8859-1 (0x80–0x9F become invisible C1 controls), so that
 * range is mapped here from the WHATWG Encoding table.
 */
import { srtToVtt } from '../../../protocol/subtitles/srt-to-vtt.ts'
import { assToVtt } from '../../../protocol/subtitles/ass-to-vtt.ts'
import type { SubtitleFormat } from '../../../protocol/catalog.ts'

/** Subtitle files larger than this are refused: a feature film's SRT is ~100 KiB; ASS with karaoke a few MiB. */
export const MAX_SUBTITLE_BYTES = 16 * 1024 * 1024

export type SubtitleCharset = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'

export function detectCharset (bytes: Uint8Array): SubtitleCharset {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8'
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return 'utf-8'
  } catch {
    return 'windows-1252'
  }
}

/** Windows-1252 bytes 0x80–0x9F (WHATWG index-windows-1252); the five it leaves undefined stay as they are. */
const CP1252_HIGH = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ'

function decodeWindows1252 (bytes: Uint8Array): string {
  let text = ''
  for (const byte of bytes) text += byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] ?? '' : String.fromCharCode(byte)
  return text
}

/** The file's text, BOM removed, in whatever charset it was written. */
export function decodeSubtitle (bytes: Uint8Array): { text: string, charset: SubtitleCharset } {
  const charset = detectCharset(bytes)
  if (charset === 'windows-1252') return { text: decodeWindows1252(bytes), charset }
  // TextDecoder drops a matching BOM itself (ignoreBOM defaults to false).
  return { text: new TextDecoder(charset).decode(bytes), charset }
}

/** WebVTT for any subtitle format the scanner lists. */
export function toWebVtt (text: string, format: SubtitleFormat): string {
  if (format === 'ass' || format === 'ssa') return assToVtt(text)
  if (format === 'srt') return srtToVtt(text)
  const clean = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  return clean.startsWith('WEBVTT') ? clean : srtToVtt(clean)
}
