/**
 * Stable hooks for the Playwright tests in `e2e/` (and anyone scripting the UI). Renaming one
 * breaks those tests: treat this list as an API.
 *
 * - `library-item`   each card of the library grid; carries `data-item-id="<infohash>"`
 * - `live-row`       the Live row on the home page; `live-channel` each tile (`data-channel-id`, `data-state`)
 * - `live-player`    a live channel's screen; `live-state` its state badge (`data-state`), `live-latency`
 *                    the latency (`data-seconds`), `live-jump` "Jump to live", `live-offline` the
 *                    offline notice, `live-dvr` the rewind slider, `live-obs` OBS's settings of a push
 *                    channel (`live-obs-server`, `live-obs-key`), `live-peer-bytes` where the bytes came
 *                    from (`data-peer-bytes`, `data-http-bytes`, `data-peers` connected); `live-share` its "Share" button,
 *                    `live-share-link` the friend's link in the Share dialog
 * - `live-guest`     a friend's page for a shared channel (`/shared/channel/<id>#token=…`,
 *                    `data-channel-id`); `live-guest-ended` why the link shows nothing (`data-reason`:
 *                    `revoked`, `gone`, `malformed`)
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
 * - `pairing-link`   the read-only text field with the pairing link on "Add a device" (the
 *                    likeliest address); `pairing-link-other` each link under "Other addresses"
 * - `toast`          a transient notice (e.g. "This device joined the household")
 * - `share-item`     "Share" button (player page, and beside each card); carries `data-item-id`
 * - `share-link`     the read-only field with an item's share magnet link in the Share dialog
 * - `stop-sharing`   "Stop sharing all links" on "Add a device"; then `stop-sharing-confirm`
 *                    confirms, and `stop-sharing-result` reports the outcome
 * - `open-magnet`    "Open a magnet link" in the header (opens the paste dialog)
 * - `magnet-input`   the field a magnet link is pasted into (header dialog, `/open`)
 * - `magnet-error`   why a magnet link was refused (`HEARTH_E_BAD_MAGNET` message)
 * - `dropped-file-magnet` the read-only share link of a file dropped onto the library
 * - `dropped-file`   each dropped file's panel; carries `data-info-hash` once hashed
 * - `downloads-link` "Downloads" in the header (the home server's download queue, `/downloads`)
 * - `download-magnet-input` the field a magnet link to download is pasted into; `download-add` sends it
 * - `download-torrent-input` the `<input type=file>` for .torrent files (the page also takes drops)
 * - `download-row`   each download of the queue; carries `data-info-hash` and `data-state`
 *                    (`queued`, `downloading`, `paused`, `seeding`, `completed`, `error`)
 * - `download-progress` a row's progress bar; `aria-valuenow` is the percent done
 * - `download-pause`, `download-resume`, `download-remove` a row's actions; Remove opens a
 *                    dialog with `download-remove-keep` and `download-remove-delete`
 * - `download-error` why a magnet or .torrent was refused (add form), or inside a row why the
 *                    download stopped or an action failed
 * - `ingest-banner`  "Indexing your library: N items left" on the library page (absent when idle)
 * - `insecure-context` the page shown instead of the app at a plain-HTTP LAN address; its
 *                    `secure-address` link opens the https:// address, `onboarding-link` the CA guide
 * - `switch-household` the dialog a pairing link for another household opens on a paired device;
 *                    `switch-household-confirm` moves the device, `switch-household-cancel` keeps it
 * - `other-addresses` the "Other addresses" disclosure on "Add a device"; `reach-note` each note
 *                    under the link, with `data-kind` (fallback, loopback-only, tls-warning, household-ca)
 * - `show-card`      a show's tile in the library grid; carries `data-series="<name>"`
 * - `poster-image`   a card's picture (poster, cover or frame) once offered; the placeholder has none
 * - `item-details`   under the player: year, genres, plot; `item-extra` each extra (trailer…), `data-item-id`
 * - `library-search` the library's search box; `library-kind`, `library-filter`, `library-sort`
 *                    its selects (all mirrored in the URL)
 * - `up-next`        the "Up next" row (absent when empty); `up-next-item` each episode, `data-item-id`
 * - `recently-added` the "Recently added" row; `recent-item` each item, `data-item-id`
 * - `show-page`      a show's page, `data-series`; `show-season` each season, `data-season`;
 *                    `show-episode` each episode, `data-item-id`; `play-next` "Play next unwatched"
 * - `next-episode`   the countdown offering the next episode at the end of one; `next-episode-cancel`
 *                    cancels it, `next-episode-play` plays at once; carries `data-item-id`, `data-phase`
 * - `player-pip`     picture-in-picture button; `player-cast` the Remote Playback (cast) button, only
 *                    where the browser has devices; `player-shortcuts` opens `shortcut-help`, the list
 *
 * - `codec-notice`   what this browser cannot decode of an item and what happens instead (card and
 *                    player); carries `data-verdict` (edition, blocked, damaged)
 * - `edition-status` the player's line about the compatible copy being prepared or ready
 * - `subtitles-not-shown` the player's list of the file's picture subtitles (PGS, VobSub), with why
 * - `audio-track`    the player's audio track picker (a select; values are the file's track indexes)
 *
 * The numbers behind the stats, and per-piece / per-wire detail, are on `window.__hearth`
 * (see `diagnostics/expose-diagnostics.ts`).
 */
export const TEST_IDS = {
  libraryItem: 'library-item',
  liveRow: 'live-row',
  liveChannel: 'live-channel',
  livePlayer: 'live-player',
  liveState: 'live-state',
  liveLatency: 'live-latency',
  liveJump: 'live-jump',
  liveOffline: 'live-offline',
  liveDvr: 'live-dvr',
  livePeerBytes: 'live-peer-bytes',
  liveObs: 'live-obs',
  liveObsServer: 'live-obs-server',
  liveObsKey: 'live-obs-key',
  liveShare: 'live-share',
  liveShareLink: 'live-share-link',
  liveGuest: 'live-guest',
  liveGuestEnded: 'live-guest-ended',
  showCard: 'show-card',
  posterImage: 'poster-image',
  itemDetails: 'item-details',
  itemExtra: 'item-extra',
  librarySearch: 'library-search',
  libraryKind: 'library-kind',
  libraryFilter: 'library-filter',
  librarySort: 'library-sort',
  upNext: 'up-next',
  upNextItem: 'up-next-item',
  recentlyAdded: 'recently-added',
  recentItem: 'recent-item',
  showPage: 'show-page',
  showSeason: 'show-season',
  showEpisode: 'show-episode',
  playNext: 'play-next',
  nextEpisode: 'next-episode',
  nextEpisodeCancel: 'next-episode-cancel',
  nextEpisodePlay: 'next-episode-play',
  playerPip: 'player-pip',
  playerCast: 'player-cast',
  playerShortcuts: 'player-shortcuts',
  shortcutHelp: 'shortcut-help',
  playerVideo: 'player-video',
  codecNotice: 'codec-notice',
  audioTrack: 'audio-track',
  editionStatus: 'edition-status',
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
  pairingLinkOther: 'pairing-link-other',
  toast: 'toast',
  shareItem: 'share-item',
  shareLink: 'share-link',
  stopSharing: 'stop-sharing',
  stopSharingConfirm: 'stop-sharing-confirm',
  stopSharingResult: 'stop-sharing-result',
  openMagnet: 'open-magnet',
  magnetInput: 'magnet-input',
  magnetError: 'magnet-error',
  droppedFileMagnet: 'dropped-file-magnet',
  droppedFile: 'dropped-file',
  downloadsLink: 'downloads-link',
  downloadMagnetInput: 'download-magnet-input',
  downloadAdd: 'download-add',
  downloadTorrentInput: 'download-torrent-input',
  downloadRow: 'download-row',
  downloadProgress: 'download-progress',
  downloadPause: 'download-pause',
  downloadResume: 'download-resume',
  downloadRemove: 'download-remove',
  downloadRemoveKeep: 'download-remove-keep',
  downloadRemoveDelete: 'download-remove-delete',
  downloadError: 'download-error',
  ingestBanner: 'ingest-banner',
  insecureContext: 'insecure-context',
  secureAddress: 'secure-address',
  onboardingLink: 'onboarding-link',
  switchHousehold: 'switch-household',
  switchHouseholdConfirm: 'switch-household-confirm',
  switchHouseholdCancel: 'switch-household-cancel',
  otherAddresses: 'other-addresses',
  reachNote: 'reach-note'
} as const
