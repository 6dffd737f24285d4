/**
 * The time line of one browser edition, fixed before ffmpeg writes a byte, so that a viewer
 * can seek anywhere in the film from the first second (as Jellyfin does):
 *
 *   index.m3u8 (made here, VOD, whole film)     seg-00000 seg-00001 … seg-<N-1>
 *   segment n covers [n·segmentSec, (n+1)·segmentSec)        └─ made by ffmpeg on demand
 *
 * The playlist lists every segment of the whole duration at once (`#EXT-X-ENDLIST`), so the
 * player knows the full length and its seek bar covers the film. A segment that is not made
 * yet is made when asked for: by the running ffmpeg if it will reach it soon, else by a new
 * ffmpeg run started at that segment (`-ss` before `-i`, `-start_number n`, timestamps kept
 * with `-copyts`, so hls.js places it by its own timestamps). Pure, so it is tested alone.
 */

/** Segment length when keyframes allow (converted video has forced keyframes on this grid). */
export const BASE_SEGMENT_SEC = 4
/** Longest segment: a file whose keyframes are further apart than this is cut less exactly. */
export const MAX_SEGMENT_SEC = 12
/** A keyframe gap longer than this is the unread middle of the film (keyframe-probe.ts reads its ends). */
const UNREAD_GAP_SEC = 60

export interface EditionLayout {
  /** Length of every segment but the last, in seconds. */
  readonly segmentSec: number
  /** The whole film, in seconds. */
  readonly durationSec: number
  /**
   * The film's last video keyframe when the video is copied (null otherwise): a tail after it
   * cannot be a segment of its own (ffmpeg cuts copied video at keyframes only), so the
   * segment before it runs to the end.
   */
  readonly lastKeyframeSec: number | null
}

export function segmentCount (layout: EditionLayout): number {
  const count = Math.max(1, Math.ceil(layout.durationSec / layout.segmentSec - 1e-6))
  const tailStart = (count - 1) * layout.segmentSec
  return count > 1 && layout.lastKeyframeSec !== null && layout.lastKeyframeSec < tailStart - 1e-3 ? count - 1 : count
}

/** The segment holding second `sec` of the film (clamped to the film). */
export function segmentAt (layout: EditionLayout, sec: number): number {
  const index = Math.floor(Math.max(0, sec) / layout.segmentSec)
  return Math.min(index, segmentCount(layout) - 1)
}

export function segmentStartSec (layout: EditionLayout, index: number): number {
  return index * layout.segmentSec
}

export function segmentFile (index: number): string {
  return `seg-${String(index).padStart(5, '0')}.m4s`
}

/** The segment index a file name stands for, or null for other files. */
export function segmentIndexOf (file: string): number | null {
  const match = /^seg-(\d{5})\.m4s$/.exec(file)
  return match?.[1] === undefined ? null : Number(match[1])
}

/**
 * Segment length for a file whose video is copied: ffmpeg can cut copied video only at its
 * keyframes, and a segment must hold at least one keyframe, or the numbering falls behind
 * the time line. So: the longest keyframe gap seen, rounded up, within bounds.
 */
export function segmentSecForKeyframes (keyframeTimesSec: readonly number[]): number {
  let longestGap = 0
  for (let i = 1; i < keyframeTimesSec.length; i++) {
    const gap = (keyframeTimesSec[i] ?? 0) - (keyframeTimesSec[i - 1] ?? 0)
    // Longer gaps are between the parts of the film that were read (its first and last minute).
    if (gap <= UNREAD_GAP_SEC) longestGap = Math.max(longestGap, gap)
  }
  // A hair of tolerance: keyframes every 4 s stored at millisecond precision are 4.001 s apart.
  const wanted = Math.ceil(longestGap - 0.05)
  return Math.min(MAX_SEGMENT_SEC, Math.max(BASE_SEGMENT_SEC, wanted))
}

/** The VOD playlist of the whole edition. */
export function layoutPlaylist (layout: EditionLayout): string {
  const count = segmentCount(layout)
  const lines = [
    '#EXTM3U',
    '#EXT-X-VERSION:7',
    `#EXT-X-TARGETDURATION:${Math.ceil(layout.segmentSec)}`,
    '#EXT-X-MEDIA-SEQUENCE:0',
    '#EXT-X-PLAYLIST-TYPE:VOD',
    '#EXT-X-INDEPENDENT-SEGMENTS',
    '#EXT-X-MAP:URI="init.mp4"'
  ]
  for (let index = 0; index < count; index++) {
    const length = index === count - 1 ? layout.durationSec - segmentStartSec(layout, index) : layout.segmentSec
    lines.push(`#EXTINF:${Math.max(0.001, length).toFixed(6)},`, segmentFile(index))
  }
  lines.push('#EXT-X-ENDLIST', '')
  return lines.join('\n')
}

/**
 * Whether a request for segment `wanted` should wait for the running ffmpeg rather than
 * start a new run there: it waits when the run started at or before it and will reach it
 * within `maxWaitSec` at its current speed (× real time; unknown speed counts as real time).
 */
export function waitForRunningJob (input: { wanted: number, runStart: number, runNext: number, segmentSec: number, speed: number | null, maxWaitSec: number }): boolean {
  const { wanted, runStart, runNext, segmentSec, speed, maxWaitSec } = input
  if (wanted < runStart) return false
  if (wanted < runNext) return true // written already, or being written now
  const aheadSec = (wanted - runNext + 1) * segmentSec
  return aheadSec / Math.max(speed ?? 1, 0.05) <= maxWaitSec
}
