/**
 * What the player plays: a library item, or a foreign magnet (a link from outside the
 * library). Both become the same shape, so one player, one stream hook and one stats bar
 * serve both; only library items record watch progress (`libraryItem`).
 */
import type { EditionReply } from '../../../protocol/api/editions.ts'
import type { CatalogItem, SubtitleTrack } from '../../../protocol/catalog.ts'
import { formatBytes } from '../../lib/format/format-bytes.ts'
import { formatDuration } from '../../lib/format/format-duration.ts'
import { formatEpisode } from '../../lib/format/format-episode.ts'
import { buildMagnet } from '../../../protocol/magnet/build-magnet.ts'
import type { ParsedMagnet } from '../../../protocol/magnet/parse-magnet.ts'

export interface PlayableSource {
  readonly infoHash: string
  readonly title: string
  /** The magnet handed to WebTorrent (for foreign links: the validated parts only). */
  readonly magnet: string
  /** Trackers added at run time besides the magnet's own (`announce` of `client.add`). */
  readonly announce: readonly string[]
  /** The file to play inside the torrent; null: the largest playable file. */
  readonly mediaPath: string | null
  /** Known up front for library items; guessed from the file name for foreign ones. */
  readonly mimeType: string | null
  /** Pieces in the torrent, known up front for library items. */
  readonly pieceCount: number | null
  readonly subtitles: readonly SubtitleTrack[]
  /** One line of facts under the title. */
  readonly details: readonly string[]
  /** Set for library items only: they alone write watch state. */
  readonly libraryItem: CatalogItem | null
}

export function librarySource (item: CatalogItem): PlayableSource {
  return {
    infoHash: item.id,
    title: item.title,
    magnet: item.magnet,
    announce: [],
    mediaPath: item.mediaPath,
    mimeType: item.mimeType,
    pieceCount: item.pieceCount ?? null,
    subtitles: item.subtitles,
    details: [
      item.series ? `${item.series.name} · ${formatEpisode(item.series)}` : null,
      formatDuration(item.durationSec),
      formatBytes(item.sizeBytes),
      [item.container, item.videoCodec, item.audioCodec].filter(Boolean).join(' / ')
    ].filter((detail): detail is string => Boolean(detail)),
    libraryItem: item
  }
}

/**
 * A library item's finished browser edition, seeded by the home server as a torrent: played
 * like the item itself (same title, same watch state), from the edition's one MP4. Its
 * subtitles are the item's, loaded from the home server (use-served-subtitles.ts).
 */
export function editionTorrentSource (item: PlayableSource, torrent: NonNullable<EditionReply['torrent']>): PlayableSource {
  return { ...item, infoHash: torrent.infoHash, magnet: torrent.magnet, announce: [], mediaPath: torrent.fileName, mimeType: 'video/mp4', pieceCount: torrent.pieceCount, subtitles: [] }
}

/**
 * A foreign magnet: only its own trackers, plus the household tracker when this device is
 * paired (so household devices that have it can help); never public default trackers.
 */
export function magnetSource (magnet: ParsedMagnet, householdTracker: string | null): PlayableSource {
  const trackers = magnet.trackers.length === 1 ? '1 tracker' : `${magnet.trackers.length} trackers`
  return {
    infoHash: magnet.infoHash,
    title: magnet.displayName ?? `Magnet ${magnet.infoHash.slice(0, 8)}…`,
    magnet: buildMagnet(magnet),
    announce: householdTracker === null ? [] : [householdTracker],
    mediaPath: null,
    mimeType: null,
    pieceCount: null,
    subtitles: [],
    details: [
      'From a magnet link',
      householdTracker === null ? trackers : `${trackers} + your home server`,
      magnet.webSeeds.length > 0 ? `${magnet.webSeeds.length} web seed${magnet.webSeeds.length === 1 ? '' : 's'}` : null
    ].filter((detail): detail is string => detail !== null),
    libraryItem: null
  }
}
