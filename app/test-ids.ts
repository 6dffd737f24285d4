/**
 * Stable hooks for the Playwright tests in `e2e/` (and anyone scripting the UI). Renaming one
 * breaks those tests: treat this list as an API.
 *
 * - `library-item`   each card of the library grid; carries `data-item-id="<infohash>"`
 * - `player-video`   the `<video>` element of the player page
 * - `stat-peers`     number of connected wires (`torrent.numPeers`)
 * - `stat-speed`     download speed, human units (`12 MB/s`)
 * - `stat-buffered`  seconds buffered ahead of the playhead (`12.5 s`)
 * - `stat-progress`  overall torrent progress (`42%`)
 *
 * The numbers behind the stats, and per-piece / per-wire detail, are on `window.__hearth`
 * (see `diagnostics/expose-diagnostics.ts`).
 */
export const TEST_IDS = {
  libraryItem: 'library-item',
  playerVideo: 'player-video',
  statPeers: 'stat-peers',
  statSpeed: 'stat-speed',
  statBuffered: 'stat-buffered',
  statProgress: 'stat-progress'
} as const
