import { describe, expect, it } from 'vitest'
import { decodeSubtitle, toWebVtt } from '../subtitle-text.ts'

const SRT = '1\r\n00:00:01,000 --> 00:00:02,500\r\nGrüße aus München – “quoted” €\r\n'

describe('subtitle text', () => {
  it('reads Windows-1252 bytes as Windows-1252', async () => {
    const bytes = Buffer.from(SRT, 'latin1')
    // latin1 cannot hold – “ ” €: write them as their cp1252 bytes.
    const cp1252 = Buffer.from(SRT.replace('–', '\x96').replace('“', '\x93').replace('”', '\x94').replace('€', '\x80'), 'latin1')
    expect(bytes.length).toBeGreaterThan(0)
    const decoded = await decodeSubtitle(cp1252)
    expect(decoded.charset).toBe('windows-1252')
    expect(decoded.text).toContain('Grüße aus München – “quoted” €')
  })
  it('reads UTF-8 with and without a BOM, and UTF-16 with a BOM', async () => {
    expect((await decodeSubtitle(Buffer.from(SRT, 'utf8'))).text).toBe(SRT)
    expect((await decodeSubtitle(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SRT, 'utf8')]))).text).toBe(SRT)
    expect((await decodeSubtitle(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SRT, 'utf16le')]))).text).toBe(SRT)
  })
  it('turns ASS dialogue into WebVTT cues, text only, in time order', () => {
    const ass = [
      '[Script Info]', 'Title: x', '', '[V4+ Styles]', 'Format: Name, Fontname', 'Style: Default,Arial', '',
      '[Events]', 'Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text',
      'Dialogue: 0,0:00:05.00,0:00:06.20,Default,,0,0,0,,Second, with a comma',
      'Dialogue: 0,0:00:01.50,0:00:03.00,Default,,0,0,0,,{\\an8\\i1}First{\\i0} line\\NNext line'
    ].join('\r\n')
    expect(toWebVtt(ass, 'ass')).toBe('WEBVTT\n\n00:00:01.500 --> 00:00:03.000\nFirst line\nNext line\n\n00:00:05.000 --> 00:00:06.200\nSecond, with a comma\n')
  })
  it('passes WebVTT through and converts SRT', () => {
    expect(toWebVtt('WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n', 'vtt')).toBe('WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n')
    expect(toWebVtt(SRT, 'srt')).toContain('00:00:01.000 --> 00:00:02.500')
  })
})
