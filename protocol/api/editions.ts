/**
 * Browser editions: `POST /api/editions/<itemId>` asks the seed node for a copy of an item
 * this device can play (video copied or converted, audio → AAC, container → fMP4 HLS),
 * starting at `startSec`. The reply names the HLS playlist, which lists the whole film from
 * the start (VOD, `#EXT-X-ENDLIST`): segments not made yet are made when fetched, so the
 * player can seek anywhere (seed-node/editions/edition-layout.ts). Playlist and segments are
 * `GET /api/editions/<itemId>/<editionKey>/<file>`, under the household credential.
 */
import { z } from 'zod'

export const EDITIONS_PATH = '/api/editions'

/** What the device asks for. */
export const EditionRequest = z.object({
  /** Which of the file's audio tracks (`MediaFacts.audio[].index`) the edition carries. */
  audioTrack: z.number().int().nonnegative().max(63).default(0),
  /** `copy`: the device decodes the video as it is; `h264`: convert it (needs `--transcode-video`). */
  video: z.enum(['copy', 'h264']).default('copy'),
  /** Where the device will start playing (the resume point, or the current second when switching audio track). */
  startSec: z.number().nonnegative().max(7 * 24 * 3600).default(0)
}).strict()
export type EditionRequest = z.infer<typeof EditionRequest>

/** A name for one edition of one item: `a<track>-<video>` (`a0-copy`). */
export const EditionKey = z.string().regex(/^a\d{1,2}-(copy|h264)$/)

export function editionKeyOf (request: EditionRequest): string {
  return `a${request.audioTrack}-${request.video}`
}

export const EditionReply = z.object({
  itemId: z.string().min(1),
  key: EditionKey,
  /** `preparing`: ffmpeg is still making it (the playlist grows); `ready`: complete and cached. */
  state: z.enum(['preparing', 'ready']),
  /** Origin-relative URL of the HLS playlist. */
  playlistUrl: z.string().startsWith(`${EDITIONS_PATH}/`),
  /** Seconds already prepared from `startSec` on (at least one segment when `preparing`). */
  preparedSec: z.number().nonnegative(),
  /** The start of the segment holding the asked `startSec`: where the prepared part begins. */
  startSec: z.number().nonnegative(),
  durationSec: z.number().nonnegative().nullable(),
  /** How fast the home server makes this edition, × real time, once measured (null: not yet, or ready). */
  speed: z.number().positive().nullable(),
  /**
   * A finished edition seeded as a torrent (one MP4, index first): a device prefers it to the
   * HLS playlist, so it comes peer to peer from the seed node and from household devices
   * that have it. The magnet names the tracker and web seed as the caller reached the seed
   * node, with the household credential. Absent while the edition is made, and for a short
   * while after (the MP4 is remuxed and hashed in the background).
   */
  torrent: z.object({
    infoHash: z.string().regex(/^[0-9a-f]{40}$/),
    magnet: z.string().startsWith('magnet:?'),
    /** The MP4's name inside the torrent. */
    fileName: z.string().min(1).max(200),
    sizeBytes: z.number().int().nonnegative(),
    pieceCount: z.number().int().positive()
  }).optional()
})
export type EditionReply = z.infer<typeof EditionReply>

export function editionPath (itemId: string): string {
  return `${EDITIONS_PATH}/${encodeURIComponent(itemId)}`
}

/** Files of an edition a client may fetch: the playlist, the init segment, media segments. */
export const EDITION_FILE = /^(index\.m3u8|init\.mp4|seg-\d{5}\.m4s)$/

export function editionFilePath (itemId: string, key: string, file: string): string {
  return `${editionPath(itemId)}/${key}/${file}`
}
