/** Which items `--editions ahead` makes an edition for: a table of real-world files. */
import { describe, expect, it } from 'vitest'
import type { LibraryItem } from '../../library/library-item.ts'
import { toLibraryItem } from '../../library/library-item.ts'
import type { StoredItem } from '../../library/stored-item.ts'
import { editionAhead } from '../edition-need.ts'

function item (relativePath: string, video: string | null, audio: Array<{ codec: string, isDefault?: boolean }>, damaged: string | null = null): LibraryItem {
  const stored: StoredItem = {
    relativePath,
    infoHash: 'a'.repeat(40),
    fingerprints: { [relativePath]: { sizeBytes: 1000, mtimeMs: 0, inode: 1 } },
    torrentFiles: [{ torrentPath: relativePath.split('/').at(-1) ?? relativePath, libraryPath: relativePath }],
    pieceCount: 1,
    probe: {
      durationSec: 60,
      container: 'x',
      videoCodec: video,
      audioCodec: audio[0]?.codec ?? null,
      embeddedTitle: null,
      facts: {
        container: 'x',
        video: video === null ? null : { codec: video, width: 1920, height: 1080 },
        audio: audio.map((track, index) => ({ index, codec: track.codec, language: null, title: null, channels: 2, isDefault: track.isDefault ?? false })),
        subtitles: [],
        damaged
      }
    },
    addedAt: new Date(0).toISOString()
  }
  return toLibraryItem(stored, '/library')
}

const H264 = 'avc1.64001f'

describe('editions made ahead', () => {
  it.each([
    ['an MP4 with H.264 and AAC plays everywhere', item('Films/A.mp4', H264, [{ codec: 'mp4a.40.2' }]), null],
    ['a WebM with VP9 and Opus plays everywhere', item('Films/B.webm', 'vp09.00.41.08', [{ codec: 'opus' }]), null],
    ['an MP4 with AC-3 audio', item('Films/C.mp4', H264, [{ codec: 'ac-3' }]), { audioTrack: 0, video: 'copy', startSec: 0 }],
    ['an MKV, even with AAC (no MKV on Safari)', item('Films/D.mkv', H264, [{ codec: 'mp4a.40.2' }]), { audioTrack: 0, video: 'copy', startSec: 0 }],
    ['an AVI', item('Films/E.avi', H264, [{ codec: 'mp3' }]), { audioTrack: 0, video: 'copy', startSec: 0 }],
    ['the default audio track of an MKV with two', item('Films/F.mkv', H264, [{ codec: 'ac-3' }, { codec: 'dtsc', isDefault: true }]), { audioTrack: 1, video: 'copy', startSec: 0 }],
    ['HEVC in MKV (copied: Safari plays it in MP4)', item('Films/G.mkv', 'hvc1.1.6.L120.B0', [{ codec: 'ec-3' }]), { audioTrack: 0, video: 'copy', startSec: 0 }],
    ['MPEG-2 video needs converting: never ahead', item('Films/H.ts', 'ffmpeg:mpeg2video', [{ codec: 'ac-3' }]), null],
    ['a damaged file', item('Films/I.mkv', H264, [{ codec: 'ac-3' }], 'moov atom not found'), null],
    ['music', item('Music/Artist/Album/01 Song.flac', null, [{ codec: 'flac' }]), null]
  ])('%s', (_name, library, expected) => {
    expect(editionAhead(library)).toEqual(expected)
  })

  it('leaves an item alone while its file cannot be read', () => {
    expect(editionAhead({ ...item('Films/C.mp4', H264, [{ codec: 'ac-3' }]), availability: 'offline' })).toBeNull()
  })
})
