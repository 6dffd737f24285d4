import { describe, expect, it } from 'vitest'
import { codecName, containerName } from '../codec-names.ts'

describe('codec string → human name', () => {
  it.each([
    ['avc1.64001f', 'H.264 (High profile)'],
    ['avc1.42e01e', 'H.264 (Baseline profile)'],
    ['avc1.4d4028', 'H.264 (Main profile)'],
    ['avc1.6e0028', 'H.264 (High 10 profile)'],
    ['hvc1.1.6.L93.B0', 'HEVC (H.265)'],
    ['hev1.1.6.L120.B0', 'HEVC (H.265)'],
    ['hvc1.2.4.L120.B0', 'HEVC (H.265) 10-bit'],
    ['vp09.00.41.08', 'VP9'],
    ['vp8', 'VP8'],
    ['av01.0.08M.08', 'AV1'],
    ['mp4v.20.9', 'MPEG-4 Part 2 (DivX/Xvid)'],
    ['mp4a.40.2', 'AAC'],
    ['mp4a.40.5', 'HE-AAC'],
    ['mp4a.40.29', 'HE-AAC v2'],
    ['mp4a.69', 'MP3'],
    ['ac-3', 'Dolby Digital (AC-3)'],
    ['ec-3', 'Dolby Digital Plus (E-AC-3)'],
    ['dtsc', 'DTS'],
    ['dtsl', 'DTS-HD Master Audio'],
    ['mlpa', 'Dolby TrueHD'],
    ['opus', 'Opus'],
    ['vorbis', 'Vorbis'],
    ['flac', 'FLAC'],
    ['mp3', 'MP3'],
    ['ffmpeg:truehd', 'Dolby TrueHD'],
    ['ffmpeg:mpeg2video', 'MPEG-2 video'],
    ['ffmpeg:wmv3', 'Windows Media Video 9'],
    ['ffmpeg:wmav2', 'Windows Media Audio'],
    ['ffmpeg:something_new', 'SOMETHING_NEW'],
    ['xyz1.2', 'xyz1.2']
  ])('%s → %s', (codec, name) => {
    expect(codecName(codec)).toBe(name)
  })

  it.each([
    ['matroska,webm', 'Matroska (MKV)'],
    ['mov,mp4,m4a,3gp,3g2,mj2', 'MP4'],
    ['avi', 'AVI'],
    ['mpegts', 'MPEG transport stream (TS)'],
    ['asf', 'Windows Media (WMV/ASF)'],
    ['flv', 'Flash Video (FLV)'],
    ['weird', 'weird']
  ])('container %s → %s', (container, name) => {
    expect(containerName(container)).toBe(name)
  })
})
