/**
 * How the player plays a source: decided before play from the catalog's codec facts, this
 * browser's decoders (lib/codecs) and the chosen audio track: directly from the torrent
 * (use-item-stream.ts), through a browser edition from the home server (use-edition-stream.ts),
 * or not at all, saying why. After a switch of audio track the new stream carries on from the
 * second the old one was at.
 */
import { useEffect, useMemo, type RefObject } from 'react'
import type { EditionRequest } from '../../../protocol/api/editions.ts'
import { browserDecoders } from '../../lib/codecs/browser-decoders.ts'
import { decidePlayability, type Playability } from '../../lib/codecs/playability.ts'
import { editionTorrentSource, type PlayableSource } from './playable-source.ts'
import { useEditionStream, type EditionState } from './use-edition-stream.ts'
import { useItemStream, type StreamState } from './use-item-stream.ts'
import type { SubtitleSource } from './load-subtitles.ts'
import { useServedSubtitles } from './use-served-subtitles.ts'
import type { AudioTrackChoice } from './use-audio-track-choice.ts'

const UNKNOWN: Playability = { verdict: 'unknown' }

export interface Playback {
  playability: Playability
  /** The torrent stream's state; an `error` with the reason when the item cannot play here. */
  stream: StreamState
  edition: EditionState
  subtitles: SubtitleSource[]
}

export function usePlayback (source: PlayableSource, video: RefObject<HTMLVideoElement | null>, audio: AudioTrackChoice): Playback {
  const item = source.libraryItem
  const playability = useMemo(() => item === null ? UNKNOWN : decidePlayability(item.media, item.mimeType, browserDecoders, { chosenAudio: audio.chosen, durationSec: item.durationSec }), [item, audio.chosen])
  const direct = playability.verdict === 'direct' || playability.verdict === 'unknown' || playability.verdict === 'unchecked'
  const request = useMemo<Omit<EditionRequest, 'startSec'> | null>(
    () => playability.verdict === 'edition' ? { audioTrack: playability.audioTrack, video: playability.video } : null,
    [playability]
  )
  const edition = useEditionStream(request === null ? null : source.infoHash, request, video, audio.resumeAtRef)
  useCarryOnAfterSwitch(video, audio.resumeAtRef)
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

/** Once the new stream (after an audio switch) has its metadata, it goes to the second the old one was at. */
function useCarryOnAfterSwitch (video: RefObject<HTMLVideoElement | null>, resumeAtRef: RefObject<number | null>): void {
  useEffect(() => {
    const element = video.current
    if (!element) return
    const onMetadata = (): void => {
      const target = resumeAtRef.current
      if (target === null) return
      resumeAtRef.current = null
      if (Math.abs(element.currentTime - target) > 1) element.currentTime = target
    }
    element.addEventListener('loadedmetadata', onMetadata)
    return () => element.removeEventListener('loadedmetadata', onMetadata)
  }, [video, resumeAtRef])
}
