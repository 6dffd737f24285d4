import { describe, expect, it } from 'vitest'
import { codecStringOf, type ProbedStream } from '../codec-string.ts'
import { editionArgs, progressOutSec } from '../edition-args.ts'

const stream = (codecName: string, more: Partial<ProbedStream> = {}): ProbedStream =>
  ({ codecName, profile: null, level: null, codecTag: null, bitDepth: null, ...more })

describe('ffprobe stream → RFC 6381 codec string', () => {
  it.each<[ProbedStream, string]>([
    [stream('h264', { profile: 'High', level: 31 }), 'avc1.64001f'],
    [stream('h264', { profile: 'Main', level: 30 }), 'avc1.4d401e'],
    [stream('h264', { profile: 'Constrained Baseline', level: 30 }), 'avc1.42e01e'],
    [stream('h264', { profile: 'High 10', level: 40 }), 'avc1.6e0028'],
    [stream('h264'), 'avc1.640028'],
    [stream('hevc', { profile: 'Main', level: 93 }), 'hvc1.1.6.L93.B0'],
    [stream('hevc', { profile: 'Main 10', level: 120, codecTag: 'hev1' }), 'hev1.2.4.L120.B0'],
    [stream('vp9', { profile: 'Profile 0' }), 'vp09.00.41.08'],
    [stream('vp9', { profile: 'Profile 2', bitDepth: 10 }), 'vp09.02.41.10'],
    [stream('av1', { profile: 'Main', level: 8 }), 'av01.0.08M.08'],
    [stream('aac', { profile: 'LC' }), 'mp4a.40.2'],
    [stream('aac', { profile: 'HE-AAC' }), 'mp4a.40.5'],
    [stream('aac', { profile: 'HE-AACv2' }), 'mp4a.40.29'],
    [stream('ac3'), 'ac-3'],
    [stream('eac3'), 'ec-3'],
    [stream('dts', { profile: 'DTS' }), 'dtsc'],
    [stream('truehd'), 'ffmpeg:truehd'],
    [stream('opus'), 'opus'],
    [stream('mp3'), 'mp3'],
    [stream('mpeg2video'), 'ffmpeg:mpeg2video'],
    [stream('wmv3'), 'ffmpeg:wmv3']
  ])('%o → %s', (input, expected) => {
    expect(codecStringOf(input)).toBe(expected)
  })
})

describe('edition ffmpeg arguments', () => {
  const run = { startSegment: 0, segmentSec: 4 }

  it('copies the video, converts AC-3 to stereo AAC and writes fMP4 HLS on the edition time line', () => {
    const args = editionArgs({ absolutePath: '/lib/Film.mkv', videoCodec: 'avc1.64001f', audioCodec: 'ac-3' }, { audioTrack: 1, video: 'copy', startSec: 0 }, '/state/editions/x/a1-copy', run)
    expect(args.join(' ')).toContain('-map 1:v:0 -c:v copy -map 0:a:1 -c:a aac -b:a 192k -ac 2 -sn -dn')
    expect(args.join(' ')).toContain('-hls_segment_type fmp4 -hls_segment_options movflags=+frag_discont')
    expect(args.at(-1)).toBe('/state/editions/x/a1-copy/run.m3u8')
  })

  it('starts a later run at its segment: audio from the boundary, copied video from the keyframe at it, timestamps kept', () => {
    const args = editionArgs({ absolutePath: 'f', videoCodec: 'avc1.64001f', audioCodec: 'ac-3' }, { audioTrack: 0, video: 'copy', startSec: 0 }, 'd', { startSegment: 150, segmentSec: 4 }).join(' ')
    expect(args).toContain('-copyts -ss 600.000 -i f -copyts -ss 600.250 -i f')
    expect(args).toContain('-start_number 150')
    expect(args).toContain('-avoid_negative_ts disabled')
  })

  it('copies AAC, tags HEVC hvc1, and converts video only when asked, with keyframes on the segment grid', () => {
    expect(editionArgs({ absolutePath: 'f', videoCodec: 'hev1.1.6.L93.B0', audioCodec: 'mp4a.40.2' }, { audioTrack: 0, video: 'copy', startSec: 0 }, 'd', run).join(' '))
      .toContain('-c:v copy -tag:v hvc1 -map 0:a:0 -c:a copy')
    const converting = editionArgs({ absolutePath: 'f', videoCodec: 'ffmpeg:mpeg2video', audioCodec: null }, { audioTrack: 0, video: 'h264', startSec: 0 }, 'd', run).join(' ')
    expect(converting).toContain('-map 0:v:0 -c:v libx264')
    expect(converting).toContain('-force_key_frames expr:gte(t,n_forced*4)')
    expect(converting).not.toContain(' 1:v:0')
  })

  it('reads how much film a run wrote from ffmpeg\'s progress lines', () => {
    expect(progressOutSec('frame=10\nout_time_us=2500000\nspeed=2x\nout_time_us=4000000\nprogress=continue\n')).toBe(4)
    expect(progressOutSec('progress=continue\n')).toBeNull()
  })
})
