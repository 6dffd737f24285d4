/**
 * Reads a subtitle file's bytes as text in the right character set (subtitle-charset.ts),
 * and turns it into WebVTT.
 */
import { srtToVtt } from '../../../protocol/subtitles/srt-to-vtt.ts'
import { assToVtt } from '../../../protocol/subtitles/ass-to-vtt.ts'
import type { SubtitleFormat } from '../../../protocol/catalog.ts'

/** Subtitle files larger than this are refused: a feature film's SRT is ~100 KiB; ASS with karaoke a few MiB. */
export const MAX_SUBTITLE_BYTES = 16 * 1024 * 1024

/**
 * The file's text, BOM removed, in whatever charset it was written (`charset` as iconv-lite
 * names it). The code-page tables (~0.5 MB of code) load on the first subtitle, not at start.
 */
export async function decodeSubtitle (bytes: Uint8Array): Promise<{ text: string, charset: string }> {
  const { decodeText } = await import('./subtitle-charset.ts')
  return decodeText(bytes)
}

/** WebVTT for any subtitle format the scanner lists. */
export function toWebVtt (text: string, format: SubtitleFormat): string {
  if (format === 'ass' || format === 'ssa') return assToVtt(text)
  if (format === 'srt') return srtToVtt(text)
  const clean = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  return clean.startsWith('WEBVTT') ? clean : srtToVtt(clean)
}
