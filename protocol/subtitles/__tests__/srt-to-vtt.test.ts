import { describe, expect, it } from 'vitest'
import { srtToVtt } from '../srt-to-vtt.ts'

describe('srtToVtt', () => {
  it('converts cues, timestamps and drops cue numbers', () => {
    const srt = '1\r\n00:00:01,500 --> 00:00:03,000\r\nHello <i>there</i>\r\n\r\n2\r\n00:01:02,05 --> 1:02:03,100\r\nTwo\r\nlines\r\n'
    expect(srtToVtt(srt)).toBe(
      'WEBVTT\n\n00:00:01.500 --> 00:00:03.000\nHello <i>there</i>\n\n00:01:02.050 --> 01:02:03.100\nTwo\nlines\n'
    )
  })
  it('strips a byte-order mark and keeps numeric subtitle text', () => {
    const srt = '\uFEFF1\n00:00:00,000 --> 00:00:01,000\n42\n'
    expect(srtToVtt(srt)).toBe('WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n42\n')
  })
  it('gives a valid empty VTT for empty input', () => {
    expect(srtToVtt('')).toBe('WEBVTT\n')
  })
})
