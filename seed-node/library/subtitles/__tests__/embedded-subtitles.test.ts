/**
 * Subtitle streams inside a file, from ffprobe's JSON (the shape ffprobe 5 prints for a
 * Blu-ray remux) to what the player is offered: text streams as tracks with their language,
 * title and dispositions; picture streams (PGS, VobSub) listed as not shown, with the reason.
 */
import { describe, expect, it } from 'vitest'
import { factsFromFfprobe } from '../../../editions/ffprobe-output.ts'
import { embeddedSubtitles, embeddedTrack } from '../embedded-subtitles.ts'

const disposition = (flags: Partial<Record<'default' | 'forced' | 'hearing_impaired', number>>) => ({ default: 0, forced: 0, hearing_impaired: 0, attached_pic: 0, ...flags })

const FFPROBE = {
  streams: [
    { index: 0, codec_name: 'h264', codec_type: 'video', profile: 'High', level: 41, width: 1920, height: 1080, disposition: disposition({ default: 1 }) },
    { index: 1, codec_name: 'ac3', codec_type: 'audio', channels: 6, tags: { language: 'eng' }, disposition: disposition({ default: 1 }) },
    { index: 2, codec_name: 'subrip', codec_type: 'subtitle', tags: { language: 'eng' }, disposition: disposition({ default: 1 }) },
    { index: 3, codec_name: 'subrip', codec_type: 'subtitle', tags: { language: 'eng', title: 'English (foreign parts)' }, disposition: disposition({ forced: 1 }) },
    { index: 4, codec_name: 'ass', codec_type: 'subtitle', tags: { language: 'ger', title: 'Deutsch SDH' }, disposition: disposition({ hearing_impaired: 1 }) },
    { index: 5, codec_name: 'hdmv_pgs_subtitle', codec_type: 'subtitle', tags: { language: 'fre' }, disposition: disposition({}) },
    { index: 6, codec_name: 'dvd_subtitle', codec_type: 'subtitle', tags: { language: 'spa' }, disposition: disposition({}) },
    { index: 7, codec_name: 'mov_text', codec_type: 'subtitle', tags: { language: 'und' }, disposition: disposition({}) },
    { index: 8, codec_type: 'subtitle', tags: { language: 'ita' } }
  ],
  format: { format_name: 'matroska,webm', duration: '5400.000' }
}

describe('embedded subtitle streams', () => {
  const facts = factsFromFfprobe(FFPROBE)

  it('reads every subtitle stream ffprobe names, with its index, language, title and dispositions', () => {
    expect(facts.subtitles.map(stream => [stream.stream, stream.codec, stream.language])).toEqual([
      [2, 'subrip', 'eng'], [3, 'subrip', 'eng'], [4, 'ass', 'ger'], [5, 'hdmv_pgs_subtitle', 'fre'], [6, 'dvd_subtitle', 'spa'], [7, 'mov_text', null]
    ])
    expect(facts.subtitles[0]).toMatchObject({ isDefault: true, forced: false, hearingImpaired: false, title: null })
    expect(facts.subtitles[1]).toMatchObject({ forced: true, title: 'English (foreign parts)' })
    expect(facts.subtitles[2]).toMatchObject({ hearingImpaired: true })
  })

  it('offers text streams as tracks in the player\'s words', () => {
    const { text } = embeddedSubtitles(facts.subtitles)
    const tracks = text.map(stream => embeddedTrack(stream, 'Film.mkv'))
    expect(tracks.map(track => [track.path, track.language, track.label, track.format, track.forced, track.sdh, track.default])).toEqual([
      ['Film.mkv#2', 'en', 'English', 'srt', false, false, true],
      ['Film.mkv#3', 'en', 'English (foreign parts) (forced)', 'srt', true, false, false],
      ['Film.mkv#4', 'de', 'Deutsch SDH (SDH)', 'ass', false, true, false],
      ['Film.mkv#7', 'und', 'Unknown language', 'vtt', false, false, false]
    ])
    expect(tracks[0]?.embedded).toEqual({ stream: 2, codec: 'subrip' })
  })

  it('lists PGS and VobSub as not shown, with the reason, never drops them silently', () => {
    expect(embeddedSubtitles(facts.subtitles).notShown).toEqual([
      { language: 'fr', label: 'French', codec: 'hdmv_pgs_subtitle', reason: 'PGS (Blu-ray) subtitles are pictures, and Hearth shows text subtitles only' },
      { language: 'es', label: 'Spanish', codec: 'dvd_subtitle', reason: 'VobSub (DVD) subtitles are pictures, and Hearth shows text subtitles only' }
    ])
  })
})
