/**
 * The app's routes, parsed from and formatted to URL paths (history API routing).
 * `/` is the library (`?q=&kind=&show=&sort=`: library-query.ts), `/show/<series name>` a show's seasons and episodes, `/watch/<infohash>` the player, `/devices` "Add a device", `/downloads` the seed node's download queue, `/channel/<id>` a live channel, `/shared/channel/<id>#token=…` a friend's page for a shared channel, `/open?magnet=…`
 * (also `?url=` / `?text=` from the share target) a magnet link; anything else is "not found". (`/pair#key=…` is read and replaced before routing: see pairing-fragment.ts.)
 */
import { InfoHash } from '../../../protocol/catalog.ts'
import { guestChannelOfPath, LIVE_GUEST_PATH_PREFIX } from '../../../protocol/live-share-link.ts'
import { findMagnet, type MagnetSearch } from '../../../protocol/magnet/find-magnet.ts'
import { formatLibraryQuery, parseLibraryQuery, type LibraryQuery } from './library-query.ts'

export type Route =
  | { readonly name: 'library', readonly query?: LibraryQuery }
  | { readonly name: 'show', readonly series: string }
  | { readonly name: 'watch', readonly itemId: InfoHash }
  | { readonly name: 'devices' }
  | { readonly name: 'downloads' }
  | { readonly name: 'live', readonly channelId: string }
  /** A friend's page for a shared channel; its token is in the fragment (protocol/live-share-link.ts), read by the page. */
  | { readonly name: 'live-guest', readonly channelId: string }
  | { readonly name: 'open', readonly search: MagnetSearch }
  | { readonly name: 'not-found', readonly path: string }

const WATCH_PATH = /^\/watch\/([^/]+)\/?$/
const SHOW_PATH = /^\/show\/([^/]+)\/?$/
/** A live channel's screen (not `/live/…`: that is where the seed node serves the channel's files). */
const CHANNEL_PATH = /^\/channel\/([0-9a-f]{40})\/?$/

function decodeSegment (segment: string): string | null {
  try {
    return decodeURIComponent(segment)
  } catch {
    return null
  }
}

export function parseRoute (pathname: string, search = ''): Route {
  if (pathname === '/' || pathname === '' || pathname === '/index.html') {
    return search === '' || search === '?' ? { name: 'library' } : { name: 'library', query: parseLibraryQuery(search) }
  }
  if (pathname === '/devices' || pathname === '/devices/') return { name: 'devices' }
  if (pathname === '/downloads' || pathname === '/downloads/') return { name: 'downloads' }
  if (pathname === '/open' || pathname === '/open/') return { name: 'open', search: findMagnet(new URLSearchParams(search)) }
  const watch = WATCH_PATH.exec(pathname)
  if (watch?.[1] !== undefined) {
    const itemId = InfoHash.safeParse(decodeURIComponent(watch[1]).toLowerCase())
    if (itemId.success) return { name: 'watch', itemId: itemId.data }
  }
  const guestChannel = guestChannelOfPath(pathname)
  if (guestChannel !== null) return { name: 'live-guest', channelId: guestChannel }
  const channel = CHANNEL_PATH.exec(pathname)
  if (channel?.[1] !== undefined) return { name: 'live', channelId: channel[1] }
  const show = SHOW_PATH.exec(pathname)
  const series = show?.[1] === undefined ? null : decodeSegment(show[1])
  if (series !== null && series.trim() !== '') return { name: 'show', series }
  return { name: 'not-found', path: pathname }
}

export function routePath (route: Route): string {
  switch (route.name) {
    case 'library': return route.query ? `/${formatLibraryQuery(route.query)}` : '/'
    case 'show': return `/show/${encodeURIComponent(route.series)}`
    case 'watch': return `/watch/${route.itemId}`
    case 'devices': return '/devices'
    case 'downloads': return '/downloads'
    case 'live': return `/channel/${route.channelId}`
    case 'live-guest': return `${LIVE_GUEST_PATH_PREFIX}${route.channelId}`
    case 'open': return route.search.status === 'found' ? `/open?magnet=${encodeURIComponent(route.search.magnet)}` : '/open'
    case 'not-found': return route.path
  }
}
