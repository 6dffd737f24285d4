/** Builds catalog items for one caller, with URLs as that caller reaches us (streamed by catalog-stream.ts). */
import type { CatalogItem } from '../../protocol/catalog.ts'
import type { EditionSupport, MediaFacts } from '../../protocol/media-facts.ts'
import type { LibraryItem } from './library-item.ts'
import type { StoredItem } from './stored-item.ts'
import { buildMagnet } from '../../protocol/magnet/build-magnet.ts'
import { webSeedUrl } from '../../protocol/announce-url.ts'

export interface CatalogContext {
  libraryName: string
  /** `http://host:port` as the caller reached the seed node. */
  publicOrigin: string
  /** WebSocket announce URL for the caller. */
  trackerUrl: string
  /** HTTP announce URL for classic BitTorrent clients, or null with an external tracker. */
  classicTrackerUrl: string | null
  /** Whether magnet links name the HTTP web seed. */
  webSeed: boolean
  /** Token the caller's magnets carry in tracker and web-seed URLs (the household credential). */
  token: string
  /** What this seed node can do for a device that cannot play a file as it is. */
  editions: Pick<MediaFacts, 'transcodeVideo'> & {
    support: EditionSupport
    /** × real time the seed node converts a picture of this size to H.264 at, or null when not measured. */
    transcodeSpeed: (width: number | null, height: number | null) => number | null
  }
}

/** The item's web seed URL carrying `token` (protocol/announce-url.ts has the format). */
export function webSeedUrlFor (item: LibraryItem, publicOrigin: string, token: string): string {
  // A single-file torrent's web seed URL is the file itself; a folder torrent's is the folder.
  const singleFilePath = item.stored.torrentFiles.length === 1 ? item.mediaTorrentPath : null
  return webSeedUrl(publicOrigin, token, item.stored.infoHash, singleFilePath)
}

/**
 * A track's artist and album from the `Artist/Album/01 Track.mp3` layout every music library
 * uses (tags, when read at ingest, would come first); null where the folders do not say.
 */
const COLLECTION_FOLDER = /^(music|audio|songs|mp3|flac|podcasts?|audiobooks?)$/i

export function audioFolders (item: LibraryItem): { artist: string | null, album: string | null } {
  if (item.kind !== 'audio') return { artist: null, album: null }
  const folders = item.stored.relativePath.split('/').slice(0, -1)
  // A top folder like `Music` names the collection, not an artist.
  if (COLLECTION_FOLDER.test(folders[0] ?? '')) folders.shift()
  if (folders.length >= 2) return { artist: folders[folders.length - 2] ?? null, album: folders[folders.length - 1] ?? null }
  return { artist: folders[0] ?? null, album: null }
}

/** Where the seed node serves an item's `index`th sidecar subtitle, as WebVTT (subtitle-route.ts). */
export function subtitleUrl (id: string, index: number): string {
  return `/api/catalog/${id}/subtitles/${index}.vtt`
}

export function toCatalogItem (item: LibraryItem, context: CatalogContext): CatalogItem {
  const { stored } = item
  const torrentName = stored.torrentFiles.length === 1 ? item.mediaTorrentPath : item.mediaTorrentPath.split('/')[0] ?? item.title
  return {
    id: stored.infoHash,
    ...(stored.formerIds && stored.formerIds.length > 0 ? { formerIds: stored.formerIds } : {}),
    playable: item.playable,
    title: item.title,
    kind: item.kind,
    series: item.series,
    mediaPath: item.mediaTorrentPath,
    sizeBytes: stored.fingerprints[stored.relativePath]?.sizeBytes ?? 0,
    pieceCount: stored.pieceCount,
    durationSec: stored.probe.durationSec,
    mimeType: item.mimeType,
    container: stored.probe.container,
    videoCodec: stored.probe.videoCodec,
    audioCodec: stored.probe.audioCodec,
    subtitles: item.subtitles.map((subtitle, index) => ({ ...subtitle.track, url: subtitleUrl(stored.infoHash, index) })),
    magnet: buildMagnet({
      infoHash: stored.infoHash,
      displayName: torrentName,
      trackers: context.classicTrackerUrl === null ? [context.trackerUrl] : [context.trackerUrl, context.classicTrackerUrl],
      webSeeds: context.webSeed ? [webSeedUrlFor(item, context.publicOrigin, context.token)] : []
    }),
    posterUrl: null,
    ...audioFolders(item),
    addedAt: stored.addedAt,
    availability: item.availability,
    ...mediaOf(stored.probe.facts, item.kind, context)
  }
}

/**
 * The item's codec facts with what this seed node can do about them. Without ffmpeg there are
 * no facts; the item then says so (no streams, container `unknown`), so the app can tell the
 * household why nothing was checked before play.
 */
function mediaOf (facts: StoredItem['probe']['facts'], kind: LibraryItem['kind'], context: CatalogContext): { media?: MediaFacts } {
  const { support, transcodeVideo, transcodeSpeed } = context.editions
  if (facts !== undefined) {
    const speed = transcodeVideo && facts.video !== null ? transcodeSpeed(facts.video.width, facts.video.height) : null
    return { media: { ...facts, editions: support, transcodeVideo, ...(speed === null ? {} : { transcodeSpeed: speed }) } }
  }
  // Music is not probed with ffprobe (media-probe.ts): every browser plays it.
  if (support !== 'no-ffmpeg' || kind === 'audio') return {}
  return { media: { container: 'unknown', video: null, audio: [], damaged: null, editions: support, transcodeVideo: false } }
}
