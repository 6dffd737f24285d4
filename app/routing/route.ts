/**
 * The app's routes, parsed from and formatted to URL paths (history API routing).
 * `/` is the library, `/watch/<infohash>` the player, `/devices` "Add a device"; anything else
 * is "not found". (`/pair#key=…` is read and replaced before routing: see pairing-fragment.ts.)
 */
import { InfoHash } from '../../protocol/catalog.ts'

export type Route =
  | { readonly name: 'library' }
  | { readonly name: 'watch', readonly itemId: InfoHash }
  | { readonly name: 'devices' }
  | { readonly name: 'not-found', readonly path: string }

const WATCH_PATH = /^\/watch\/([^/]+)\/?$/

export function parseRoute (pathname: string): Route {
  if (pathname === '/' || pathname === '' || pathname === '/index.html') return { name: 'library' }
  if (pathname === '/devices' || pathname === '/devices/') return { name: 'devices' }
  const watch = WATCH_PATH.exec(pathname)
  if (watch?.[1] !== undefined) {
    const itemId = InfoHash.safeParse(decodeURIComponent(watch[1]).toLowerCase())
    if (itemId.success) return { name: 'watch', itemId: itemId.data }
  }
  return { name: 'not-found', path: pathname }
}

export function routePath (route: Route): string {
  switch (route.name) {
    case 'library': return '/'
    case 'watch': return `/watch/${route.itemId}`
    case 'devices': return '/devices'
    case 'not-found': return route.path
  }
}
