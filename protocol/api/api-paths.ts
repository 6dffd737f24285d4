/**
 * Where each API endpoint lives, built in one place for the seed node's router and the app's
 * client. Every `/api/*` call is a household member's (`Authorization: Bearer <credential>`).
 */

export const API_PATHS = {
  catalog: '/api/catalog',
  status: '/api/status',
  downloads: '/api/downloads',
  shareRotate: '/api/share/rotate',
  reach: '/api/reach',
  live: '/api/live'
} as const

/** `GET /api/catalog/<itemId>`: one catalog item. */
export function catalogItemPath (itemId: string): string {
  return `${API_PATHS.catalog}/${encodeURIComponent(itemId)}`
}

/** `GET /api/share/<infohash>`: a share magnet for one item. */
export function shareLinkPath (infoHash: string): string {
  return `/api/share/${encodeURIComponent(infoHash)}`
}

/** `/api/downloads/<infohash>[/pause|/resume]`. */
export function downloadPath (infoHash: string, action?: 'pause' | 'resume'): string {
  return `${API_PATHS.downloads}/${encodeURIComponent(infoHash)}${action === undefined ? '' : `/${action}`}`
}

/** `GET /api/live/<channelId>/share`: a friend's link to one live channel. */
export function liveSharePath (channelId: string): string {
  return `${API_PATHS.live}/${encodeURIComponent(channelId)}/share`
}
