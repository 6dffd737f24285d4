/**
 * How the player plays a source: decided before play from the catalog's codec facts and this
 * browser's decoders (lib/codecs): directly from the torrent (use-item-stream.ts), through a
 * browser edition from the home server (use-edition-stream.ts), or not at all, saying why.
 */
import { useMemo, type RefObject } from 'react'
import type { EditionRequest } from '../../../protocol/api/editions.ts'
import { browserDecoders } from '../../lib/codecs/browser-decoders.ts'
import { decidePlayability, type Playability } from '../../lib/codecs/playability.ts'
import { editionTorrentSource, type PlayableSource } from './playable-source.ts'
import { useEditionStream, type EditionState } from './use-edition-stream.ts'
import { useItemStream, type StreamState } from './use-item-stream.ts'
import type { SubtitleSource } from './load-subtitles.ts'
import { useServedSubtitles } from './use-served-subtitles.ts'

const UNKNOWN: Playability = { verdict: 'unknown' }

export interface Playback {
  playability: Playability
  /** The torrent stream's state; an `error` with the reason when the item cannot play here. */
  stream: StreamState
  edition: EditionState
  subtitles: SubtitleSource[]
}

export function usePlayback (source: PlayableSource, video: RefObject<HTMLVideoElement | null>): Playback {
  const item = source.libraryItem
  const playability = useMemo(() => item === null ? UNKNOWN : decidePlayability(item.media, item.mimeType, browserDecoders), [item])
  const direct = playability.verdict === 'direct' || playability.verdict === 'unknown' || playability.verdict === 'unchecked'
  const request = useMemo<EditionRequest | null>(
    () => playability.verdict === 'edition' ? { audioTrack: playability.audioTrack, video: playability.video } : null,
    [playability]
  )
  const edition = useEditionStream(request === null ? null : source.infoHash, request, video)
  // A finished edition seeded as a torrent streams like the item itself, peer to peer.
  const editionTorrent = edition.phase === 'torrent' ? edition.torrent : null
  const editionSource = useMemo(() => editionTorrent === null ? null : editionTorrentSource(source, editionTorrent), [source, editionTorrent])
  const { state, subtitles } = useItemStream(direct ? source : editionSource, video)
  const editionSubtitles = useServedSubtitles(request === null ? null : source.subtitles)
  const stream: StreamState = playability.verdict === 'blocked' || playability.verdict === 'damaged'
    ? { phase: 'error', message: playability.message }
    : state
  return { playability, stream, edition, subtitles: request === null ? subtitles : editionSubtitles }
}
