import { describe, expect, it } from 'vitest'
import { liveFfmpegArgs, listSizeFor, RING_FILE, ringFileBound, TESTSRC_FACTS } from '../live-args.ts'
import { newestSegmentOf } from '../live-still.ts'

const RING = { dir: '/state/live/abc', runId: 'k3x9', segmentSec: 2, listSize: 90 }
const after = (args: string[], flag: string): string | undefined => args[args.indexOf(flag) + 1]

describe('live ffmpeg command line', () => {
  it('copies H.264 and AAC from a camera: nothing is decoded', () => {
    const args = liveFfmpegArgs({ kind: 'network', url: 'rtsp://cam/s' }, { videoCodec: 'h264', audioCodec: 'aac' }, RING)
    expect(after(args, '-c:v')).toBe('copy')
    expect(after(args, '-c:a')).toBe('copy')
    expect(after(args, '-rtsp_transport')).toBe('tcp')
    expect(args).not.toContain('libx264')
  })

  it('encodes anything else with a low-CPU preset and a keyframe at every segment', () => {
    const args = liveFfmpegArgs({ kind: 'device', path: '/dev/video0' }, { videoCodec: 'mjpeg', audioCodec: null }, RING)
    expect(after(args, '-c:v')).toBe('libx264')
    expect(after(args, '-preset')).toBe('veryfast')
    expect(after(args, '-tune')).toBe('zerolatency')
    expect(after(args, '-force_key_frames')).toBe('expr:gte(t,n_forced*2)')
    expect(args).toContain('-an')
    expect(after(args, '-f')).toBe('v4l2')
  })

  it('reads what OBS pushes from stdin as FLV, copying its H.264', () => {
    const args = liveFfmpegArgs({ kind: 'push' }, { videoCodec: 'h264', audioCodec: 'aac' }, RING)
    expect(args.slice(args.indexOf('-i') - 2, args.indexOf('-i') + 2)).toEqual(['-f', 'flv', '-i', 'pipe:0'])
    expect(after(args, '-c:v')).toBe('copy')
    expect(args).not.toContain('-re') // the publisher sets the pace
  })

  it('writes fMP4 HLS into a bounded ring with names that are never reused', () => {
    const args = liveFfmpegArgs({ kind: 'testsrc' }, TESTSRC_FACTS, RING)
    expect(after(args, '-hls_segment_type')).toBe('fmp4')
    expect(after(args, '-hls_flags')).toContain('delete_segments')
    expect(after(args, '-hls_flags')).toContain('independent_segments')
    expect(after(args, '-hls_list_size')).toBe('90')
    expect(after(args, '-hls_segment_filename')).toBe('/state/live/abc/k3x9-%d.m4s')
    expect(after(args, '-c:a')).toBe('aac')
    expect(args.at(-1)).toBe('/state/live/abc/index.m3u8')
  })

  it('sizes the ring from the window', () => {
    expect(listSizeFor(180, 1)).toBe(180)
    expect(listSizeFor(10, 4)).toBe(3)
    expect(ringFileBound(10)).toBeGreaterThan(10)
  })

  it('serves ring file names only, never a path', () => {
    for (const good of ['index.m3u8', 'init-k3x9.mp4', 'k3x9-1795953043.m4s']) expect(RING_FILE.test(good)).toBe(true)
    for (const bad of ['../key', 'index.m3u8.tmp', '..%2Fkey', 'k3x9-1.m4s/..', 'share-secret', '.', '']) expect(RING_FILE.test(bad)).toBe(false)
  })

  it('finds the newest segment for the still', () => {
    const playlist = '#EXTM3U\n#EXT-X-MAP:URI="init-k3x9.mp4"\n#EXTINF:1.0,\nk3x9-1.m4s\n#EXTINF:1.0,\nk3x9-2.m4s\n'
    expect(newestSegmentOf(playlist)).toEqual({ init: 'init-k3x9.mp4', segment: 'k3x9-2.m4s' })
    expect(newestSegmentOf('#EXTM3U\n')).toBeNull()
  })
})
