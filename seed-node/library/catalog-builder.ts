/** Builds catalog items for one caller, with URLs as that caller reaches us (streamed by catalog-stream.ts). */
import type { CatalogItem } from '../../protocol/catalog.ts'
import type { EditionSupport, MediaFacts } from '../../protocol/media-facts.ts'
import type { LibraryItem } from './library-item.ts'
import type { StoredItem } from './stored-item.ts'
import { buildMagnet } from '../../protocol/magnet/build-magnet.ts'
import { webSeedUrl } from '../../protocol/announce-url.ts'
import { artUrl, type ArtRef } from './metadata/art-ref.ts'
import { embeddedSubtitles } from './subtitles/embedded-subtitles.ts'

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
  /** Whether frames of videos can be made into pictures here (ffmpeg): without it no frame URL is offered. */
  frameThumbnails: boolean
  /** The id of the item at a library path (an extra's film); absent: extras name no film. */
  ownerId?: (relativePath: string) => string | undefined
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
    ...subtitlesNotShown(stored),
    magnet: buildMagnet({
      infoHash: stored.infoHash,
      displayName: torrentName,
      trackers: context.classicTrackerUrl === null ? [context.trackerUrl] : [context.trackerUrl, context.classicTrackerUrl],
      webSeeds: context.webSeed ? [webSeedUrlFor(item, context.publicOrigin, context.token)] : []
    }),
    ...describedBy(item, context),
    addedAt: stored.addedAt,
    // A changed item being hashed again is unavailable to the app as an unreadable one is.
    availability: item.availability === 'online' ? 'online' : 'offline',
    ...mediaOf(stored.probe.facts, item.kind, context)
  }
}

function pictureUrl (item: LibraryItem, ref: ArtRef | null, context: CatalogContext): string | null {
  if (ref === null) return null
  // A frame needs ffmpeg, and a video ffprobe could read: a damaged file gives no picture.
  if (ref.kind === 'frame' && (!context.frameThumbnails || item.stored.probe.facts?.damaged != null || item.playable === 'damaged')) return null
  return artUrl(context.token, item.stored.infoHash, ref.key)
}

/**
 * What the NFO, the tags and the folders say (NFO first, then tags, then folders and name;
 * title, series and year are decided in library-item.ts), the pictures, and an extra's film.
 */
function describedBy (item: LibraryItem, context: CatalogContext): Partial<CatalogItem> & Pick<CatalogItem, 'posterUrl'> {
  const { nfo, poster, seriesPoster, extra } = item.metadata
  const tags = item.stored.probe.tags
  const folders = audioFolders(item)
  const runtimeSec = nfo?.runtimeMin === null || nfo?.runtimeMin === undefined ? null : nfo.runtimeMin * 60
  const genres = nfo !== null && nfo.genres.length > 0 ? nfo.genres : (tags?.genres ?? [])
  const owner = extra?.ownerPath === null || extra === null ? undefined : context.ownerId?.(extra.ownerPath)
  return {
    posterUrl: pictureUrl(item, poster, context),
    ...(item.series !== null ? { seriesPosterUrl: pictureUrl(item, seriesPoster, context) } : {}),
    year: item.year,
    artist: item.kind === 'audio' ? (tags?.artist ?? folders.artist) : null,
    album: item.kind === 'audio' ? (tags?.album ?? folders.album) : null,
    ...(item.kind === 'audio' && tags?.trackNumber !== null && tags?.trackNumber !== undefined ? { trackNumber: tags.trackNumber } : {}),
    ...(nfo?.plot ? { plot: nfo.plot } : {}),
    ...(genres.length > 0 ? { genres } : {}),
    ...(nfo?.originalTitle && nfo.originalTitle !== item.title ? { originalTitle: nfo.originalTitle } : {}),
    ...(nfo?.rating !== null && nfo?.rating !== undefined ? { rating: nfo.rating } : {}),
    ...(extra !== null ? { extra: { kind: extra.kind, of: owner ?? null } } : {}),
    ...(item.stored.probe.durationSec === null && runtimeSec !== null ? { durationSec: runtimeSec } : {})
  }
}

/** Picture subtitles inside the file (PGS, VobSub), listed with the reason they are not offered. */
function subtitlesNotShown (stored: StoredItem): Pick<CatalogItem, 'subtitlesNotShown'> {
  const notShown = embeddedSubtitles(stored.probe.facts?.subtitles ?? []).notShown
  return notShown.length > 0 ? { subtitlesNotShown: notShown } : {}
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
