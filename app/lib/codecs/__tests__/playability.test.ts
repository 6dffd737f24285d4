import { describe, expect, it } from 'vitest'
import type { MediaFacts } from '../../../../protocol/media-facts.ts'
import { decidePlayability, type DecoderCheck } from '../playability.ts'

/** Debian's Chromium: H.264, VP9, AV1, AAC, Opus, MP3, FLAC; no HEVC, no Dolby, no DTS; reads MP4 and Matroska. */
const DEBIAN_CHROMIUM: DecoderCheck = {
  canDecode: (_kind, codec) => /^(avc1|vp09|vp8|av01|mp4a\.40|opus|vorbis|mp3|flac)/.test(codec),
  readsContainer: container => /^(mov,mp4|matroska|flac$|mp3$|wav$)/.test(container)
}
/** Chrome with platform decoders (Windows, macOS): adds HEVC and, on some, AC-3/E-AC-3. */
const CHROME_WITH_PLATFORM_DECODERS: DecoderCheck = {
  canDecode: (kind, codec) => DEBIAN_CHROMIUM.canDecode(kind, codec) || /^(hvc1|hev1|ac-3|ec-3)/.test(codec),
  readsContainer: DEBIAN_CHROMIUM.readsContainer
}
/** iOS Safari: H.264, HEVC, AAC, AC-3/E-AC-3; no Matroska at all. */
const IOS_SAFARI: DecoderCheck = {
  canDecode: (_kind, codec) => /^(avc1|hvc1|hev1|mp4a\.40|ac-3|ec-3|opus)/.test(codec),
  readsContainer: (container, mimeType) => /^mov,mp4/.test(container) || (container.startsWith('matroska') && mimeType === 'video/webm')
}

function media (video: string | null, audio: string[], overrides: Partial<MediaFacts> = {}): MediaFacts {
  return {
    container: 'matroska,webm',
    video: video === null ? null : { codec: video, width: 1920, height: 1080 },
    audio: audio.map((codec, index) => ({ index, codec, language: 'eng', title: null, channels: 6, isDefault: index === 0 })),
    damaged: null,
    editions: 'on-demand',
    transcodeVideo: false,
    ...overrides
  }
}

const MKV = 'video/x-matroska'

describe('playability per device', () => {
  it('plays H.264/AAC in MKV directly on Chromium, through an edition on iOS (no MKV there)', () => {
    const facts = media('avc1.64001f', ['mp4a.40.2'])
    expect(decidePlayability(facts, MKV, DEBIAN_CHROMIUM)).toEqual({ verdict: 'direct' })
    expect(decidePlayability(facts, MKV, IOS_SAFARI)).toMatchObject({ verdict: 'edition', video: 'copy', message: "File type: Matroska (MKV), which browsers can't open. Hearth will prepare a compatible copy." })
  })

  it('says AC-3 audio cannot be played and that a copy will be prepared, where the device lacks AC-3', () => {
    const facts = media('avc1.64001f', ['ac-3'])
    expect(decidePlayability(facts, MKV, DEBIAN_CHROMIUM)).toEqual({
      verdict: 'edition',
      audioTrack: 0,
      video: 'copy',
      message: "Audio: Dolby Digital (AC-3), which this browser can't play. Hearth will prepare a compatible copy."
    })
    expect(decidePlayability(facts, MKV, CHROME_WITH_PLATFORM_DECODERS)).toEqual({ verdict: 'direct' })
  })

  it('converts the default audio track, not always the first', () => {
    const facts = media('avc1.64001f', ['mp4a.40.2', 'dtsc'])
    const withDefaultDts = { ...facts, audio: facts.audio.map(track => ({ ...track, isDefault: track.index === 1 })) }
    expect(decidePlayability(facts, MKV, DEBIAN_CHROMIUM)).toEqual({ verdict: 'direct' })
    expect(decidePlayability(withDefaultDts, MKV, DEBIAN_CHROMIUM)).toMatchObject({ verdict: 'edition', audioTrack: 1, message: expect.stringContaining('Audio: DTS') as string })
  })

  it('blocks HEVC on Debian Chromium with a clear message, unless video conversion is on', () => {
    const facts = media('hvc1.1.6.L120.B0', ['mp4a.40.2'])
    const blocked = decidePlayability(facts, MKV, DEBIAN_CHROMIUM)
    expect(blocked).toMatchObject({ verdict: 'blocked' })
    expect(blocked.verdict === 'blocked' && blocked.message).toMatch(/^Video: HEVC \(H\.265\), which this browser can't play\. .*--transcode-video/)
    expect(decidePlayability({ ...facts, transcodeVideo: true }, MKV, DEBIAN_CHROMIUM)).toMatchObject({ verdict: 'edition', video: 'h264' })
    expect(decidePlayability(facts, MKV, CHROME_WITH_PLATFORM_DECODERS)).toEqual({ verdict: 'direct' })
  })

  it('sends AVI, TS and WMV through an edition everywhere', () => {
    for (const container of ['avi', 'mpegts', 'asf']) {
      expect(decidePlayability(media('avc1.64001f', ['mp3'], { container }), 'video/x-msvideo', CHROME_WITH_PLATFORM_DECODERS).verdict).toBe('edition')
    }
  })

  it('names both problems and why no copy comes when editions are off or ffmpeg is missing', () => {
    const off = decidePlayability(media('avc1.64001f', ['ac-3'], { container: 'avi', editions: 'off' }), 'video/x-msvideo', DEBIAN_CHROMIUM)
    expect(off).toEqual({ verdict: 'blocked', message: "File type: AVI, which browsers can't open. Audio: Dolby Digital (AC-3), which this browser can't play. Browser editions are turned off on the home server, so it cannot prepare a compatible copy." })
    const noFfmpeg = decidePlayability(media('avc1.64001f', ['ec-3'], { editions: 'no-ffmpeg' }), MKV, DEBIAN_CHROMIUM)
    expect(noFfmpeg).toMatchObject({ verdict: 'blocked', message: expect.stringContaining('has no ffmpeg') as string })
  })

  it('says "damaged" for a file ffprobe could not read, never blaming the browser', () => {
    const verdict = decidePlayability(media(null, [], { container: 'unknown', damaged: 'moov atom not found' }), 'video/mp4', DEBIAN_CHROMIUM)
    expect(verdict).toEqual({ verdict: 'damaged', message: 'This file is damaged or incomplete (moov atom not found), so it cannot play. Copy it again or replace it.' })
  })

  it('says nothing was checked when the home server has no ffmpeg', () => {
    const verdict = decidePlayability(media(null, [], { container: 'unknown', editions: 'no-ffmpeg' }), MKV, DEBIAN_CHROMIUM)
    expect(verdict).toMatchObject({ verdict: 'unchecked', message: expect.stringContaining('has no ffmpeg') as string })
  })

  it('plays as before when the seed node gave no codec facts', () => {
    expect(decidePlayability(undefined, MKV, DEBIAN_CHROMIUM)).toEqual({ verdict: 'unknown' })
  })

  it('plays WebM on iOS Safari directly but not MKV, and audio-only files without video', () => {
    expect(decidePlayability(media('vp09.00.41.08', ['opus']), 'video/webm', { ...IOS_SAFARI, canDecode: () => true }).verdict).toBe('direct')
    expect(decidePlayability(media(null, ['flac'], { container: 'flac' }), 'audio/flac', DEBIAN_CHROMIUM).verdict).toBe('direct')
  })
})

describe('a chosen audio track', () => {
  it('plays directly when it is the file\'s own, and through an edition carrying it otherwise', () => {
    const facts = media('avc1.64001f', ['mp4a.40.2', 'mp4a.40.2'])
    expect(decidePlayability(facts, MKV, DEBIAN_CHROMIUM, { chosenAudio: 0 })).toEqual({ verdict: 'direct' })
    expect(decidePlayability(facts, MKV, DEBIAN_CHROMIUM, { chosenAudio: 1 })).toMatchObject({ verdict: 'edition', audioTrack: 1, video: 'copy' })
  })

  it('keeps the conversions an edition needs anyway, with the chosen track', () => {
    expect(decidePlayability(media('avc1.64001f', ['ac-3', 'ac-3']), MKV, DEBIAN_CHROMIUM, { chosenAudio: 1 })).toMatchObject({ verdict: 'edition', audioTrack: 1 })
  })

  it('plays the file\'s own track when the home server makes no editions', () => {
    const facts = media('avc1.64001f', ['mp4a.40.2', 'mp4a.40.2'], { editions: 'off' })
    expect(decidePlayability(facts, MKV, DEBIAN_CHROMIUM, { chosenAudio: 1 })).toEqual({ verdict: 'direct' })
  })
})

describe('converting the picture', () => {
  it('says how long it takes here, from the speed the home server measured', () => {
    const facts = media('hvc1.1.6.L120.90', ['mp4a.40.2'], { transcodeVideo: true, transcodeSpeed: 0.5 })
    const verdict = decidePlayability(facts, MKV, DEBIAN_CHROMIUM, { durationSec: 3600 })
    expect(verdict).toMatchObject({ verdict: 'edition', video: 'h264' })
    expect(verdict.verdict === 'edition' && verdict.message).toContain('converting the picture is slow on a small home server. Your home server converts this picture at only 0.5× real time: the whole film takes about 2 hours to convert.')
  })
})
