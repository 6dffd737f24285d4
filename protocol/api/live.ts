/**
 * Live channels (`--live "Name=source"` on the seed node): `GET /api/live` lists them with
 * their state, under the household credential. A channel's files are
 * `GET /live/<token>/<channelId>/<file>`, the token in the path (the household credential or
 * a share token for that channel) so that hls.js, Safari's native HLS and a friend's link all
 * work without headers, as the web seed does. `GET /api/live/<channelId>/share` gives a
 * friend's link to one channel; `channel.json` under a channel's token is that channel's entry
 * alone (for a friend's guest page). The playlist is fMP4 HLS with `#EXT-X-PROGRAM-DATE-TIME`,
 * whose segments are kept for `windowSec` (the DVR window).
 */
import { z } from 'zod'

export const LIVE_FILES_PREFIX = '/live'

/** A channel's id: 40 hex characters derived from its name (stable across restarts). */
export const ChannelId = z.string().regex(/^[0-9a-f]{40}$/)

/**
 * `starting`: ffmpeg is starting and no segment has come yet; `online`: segments are fresh;
 * `offline`: the source cannot be read or stopped sending (the seed node retries by itself).
 */
export const LiveChannelState = z.enum(['starting', 'online', 'offline'])
export type LiveChannelState = z.infer<typeof LiveChannelState>

/** What OBS needs to push to a channel (`--live "Name=rtmp-push"`): Settings → Stream, service "Custom…". */
export const ObsSettings = z.object({
  /** `rtmp://<host the device reached the seed node at>:<--live-rtmp-port>/live`. */
  serverUrl: z.string().startsWith('rtmp://').max(300),
  /** The channel's stream key, a household secret (only in `/api/live`, never to a share token). */
  streamKey: z.string().min(1).max(100)
})
export type ObsSettings = z.infer<typeof ObsSettings>

export const LiveChannel = z.object({
  id: ChannelId,
  name: z.string().min(1).max(40),
  state: LiveChannelState,
  /** Why the channel is offline, in words (the source's or ffmpeg's last complaint); null when online. */
  reason: z.string().max(300).nullable(),
  /** When the state last changed (ISO 8601). */
  since: z.string(),
  windowSec: z.number().int().positive(),
  segmentSec: z.number().int().positive(),
  /** Viewers share segments peer to peer (`--live-p2p`), announcing to the household tracker. */
  p2p: z.boolean(),
  /** Times ffmpeg was started again after it stopped. */
  restarts: z.number().int().nonnegative(),
  /** For a channel OBS pushes to: where and with which key; null (or absent, from an older seed node) for other sources. */
  obs: ObsSettings.nullable().optional()
})
export type LiveChannel = z.infer<typeof LiveChannel>

export const LiveListReply = z.object({ channels: z.array(LiveChannel).max(64) })
export type LiveListReply = z.infer<typeof LiveListReply>

export const LiveShareReply = z.object({
  channelId: ChannelId,
  /** Admits this channel's files alone, until "Stop sharing" rotates the share secret. */
  token: z.string().min(1).max(200),
  /** Origin-relative URL of the channel's playlist under that token. */
  playlistUrl: z.string().startsWith(`${LIVE_FILES_PREFIX}/`),
  /** The link a friend opens: the app's guest page for this channel (protocol/live-share-link.ts). */
  link: z.string().url()
})
export type LiveShareReply = z.infer<typeof LiveShareReply>

export const LIVE_PLAYLIST = 'index.m3u8'

/**
 * The playlist URL's `?viewer=<id>`: a random name a player gives itself, so the seed node
 * counts players (`/api/status` live viewers), not addresses. Optional; never a credential.
 */
export const LIVE_VIEWER_PARAM = 'viewer'
export const LiveViewerId = z.string().regex(/^[A-Za-z0-9_-]{8,32}$/)
export const LIVE_STILL = 'still.jpg'
/**
 * The channel as `/api/live` lists it (`LiveChannel`), under the channel's own token: what a
 * friend's guest page shows (name, state, why offline) without the household's channel list.
 */
export const LIVE_CHANNEL_INFO = 'channel.json'

/** `/live/<token>/<channelId>/<file>`: the playlist, a segment, or the still. */
export function liveFilePath (token: string, channelId: string, file: string): string {
  return `${LIVE_FILES_PREFIX}/${encodeURIComponent(token)}/${encodeURIComponent(channelId)}/${file}`
}
