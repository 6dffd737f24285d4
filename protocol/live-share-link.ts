/**
 * A friend's link to one live channel, opened in the app without pairing:
 * `${origin}/shared/channel/<channelId>#token=<share token>`. The token sits in the fragment,
 * which browsers never send to a server nor put in Referer headers: the seed node's logs see
 * the page path alone. The guest page then puts the token in the channel's file URLs
 * (`/live/<token>/<channelId>/<file>`, protocol/api/live.ts), as every player does.
 */
import { ChannelId } from './api/live.ts'

export const LIVE_GUEST_PATH_PREFIX = '/shared/channel/'

/** Share tokens and household credentials both fit this (a path segment of live file URLs). */
const TOKEN = /^[A-Za-z0-9._-]{1,200}$/

export function liveShareLink (origin: string, channelId: string, token: string): string {
  return `${new URL(origin).origin}${LIVE_GUEST_PATH_PREFIX}${channelId}#token=${encodeURIComponent(token)}`
}

/** The channel id of a guest page's path (`/shared/channel/<id>`), or null for any other path. */
export function guestChannelOfPath (pathname: string): string | null {
  if (!pathname.startsWith(LIVE_GUEST_PATH_PREFIX)) return null
  const id = pathname.slice(LIVE_GUEST_PATH_PREFIX.length).replace(/\/$/, '')
  return ChannelId.safeParse(id).success ? id : null
}

/** The share token in a guest link's fragment (with or without `#`), or null when it has none or a malformed one. */
export function parseLiveShareFragment (hash: string): string | null {
  const tokens = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash).getAll('token')
  const token = tokens.length === 1 ? tokens[0] : undefined
  return token !== undefined && TOKEN.test(token) ? token : null
}
