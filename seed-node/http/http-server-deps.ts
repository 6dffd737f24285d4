/** What the HTTP server needs from the rest of the seed node; every route reads its parts from here. */
import type { HearthTracker } from '../../tracker/tracker-server.ts'
import type { ReachReply } from '../../protocol/api/reach.ts'
import type { StatusReply } from '../../protocol/api/status.ts'
import type { SeedNodeConfig } from '../config.ts'
import type { LibraryRegistry } from '../library/library-registry.ts'
import type { Logger } from '../lib/log.ts'
import type { HouseholdAccess } from '../access/household-access.ts'
import type { DownloadQueue } from '../downloads/download-queue.ts'
import type { EditionService } from '../editions/edition-service.ts'
import type { ArtworkService } from '../artwork/artwork-service.ts'
import type { EmbeddedSubtitleStore } from '../library/subtitles/embedded-subtitle-store.ts'
import type { LiveChannels } from '../live/live-channels.ts'

export interface HttpServerDeps {
  config: Pick<SeedNodeConfig, 'appDir' | 'host' | 'port' | 'libraryName' | 'trackerUrl' | 'webSeed'>
  registry: LibraryRegistry
  tracker: HearthTracker
  access: HouseholdAccess
  log: Logger
  /**
   * The download queue. A getter is accepted while the server is created before the queue
   * exists: until it returns the queue, `/api/downloads` answers 503 HEARTH_E_STARTING.
   */
  downloads: DownloadQueue | (() => DownloadQueue | null)
  /** Browser editions made with ffmpeg (`/api/editions`, and what the catalog says of them). */
  editions: EditionService
  /** Items' pictures, resized and cached in the state folder (`/art/…`, and what the catalog offers). */
  artwork: ArtworkService
  /** Text subtitle streams inside media files, extracted to WebVTT on first request. */
  embeddedSubtitles: EmbeddedSubtitleStore
  /** Live channels (`--live`): `/api/live` and `/live/<token>/…`. */
  live: LiveChannels
  /** Everything `GET /api/status` reports. */
  status: () => StatusReply
  /** A library item's stored .torrent (no trackers), or null when the state folder has none (`/torrent/…`). */
  torrentFile: (infoHash: string) => Promise<Uint8Array | null>
  /** What `GET /api/reach` answers: how other devices reach this node. */
  reach: () => ReachReply
}
