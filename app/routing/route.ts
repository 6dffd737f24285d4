/**
 * The app's routes, parsed from and formatted to URL paths (history API routing).
 * `/` is the library, `/watch/<infohash>` the player; anything else is "not found".
 */
import { InfoHash } from '../../protocol/catalog.ts'

export type Route =
  | { readonly name: 'library' }
  | { readonly name: 'watch', readonly itemId: InfoHash }
  | { readonly name: 'not-found', readonly path: string }

const WATCH_PATH = /^\/watch\/([^/]+)\/?$/

export function parseRoute (pathname: string): Route {
  if (pathname === '/' || pathname === '' || pathname === '/index.html') return { name: 'library' }
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
    case 'not-found': return route.path
  }
}
