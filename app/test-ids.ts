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
 * - `continue-watching` the "Continue watching" row on the library page (absent when empty)
 * - `continue-item`  each item of that row; carries `data-item-id="<infohash>"`
 * - `watch-progress` a watched-so-far bar (cards, row); carries `data-position-sec`
 * - `watched-badge`  the "Watched" tick on a finished item's card
 * - `mark-watched`   "Mark as watched" button (player page, and beside each card)
 * - `mark-unwatched` "Mark as unwatched" button (same places; for finished or started items)
 * - `pairing-link`   the read-only text field with the pairing link on "Add a device"
 * - `toast`          a transient notice (e.g. "This device joined the household")
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
  statProgress: 'stat-progress',
  continueWatching: 'continue-watching',
  continueItem: 'continue-item',
  watchProgress: 'watch-progress',
  watchedBadge: 'watched-badge',
  markWatched: 'mark-watched',
  markUnwatched: 'mark-unwatched',
  pairingLink: 'pairing-link',
  toast: 'toast'
} as const
