/**
 * The player for any playable source: a library item (resumed where the profile stopped,
 * with mark-as-watched actions and the shell's `renderItemActions`, "Share") or a foreign magnet (no watch state). Both get
 * the same video, overlay and live transfer stats.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react'
import type { CatalogItem } from '../../../../protocol/catalog.ts'
import { formatBytes } from '../../../lib/format/format-bytes.ts'
import { TEST_IDS } from '../../../test-ids.ts'
import type { PlayableSource } from '../playable-source.ts'
import type { StreamState } from '../use-item-stream.ts'
import { usePlayback } from '../use-playback.ts'
import { usePlaybackStats } from '../use-playback-stats.ts'
import { useSubtitleChoice } from '../use-subtitle-choice.ts'
import { LibraryWatchControls } from './library-watch-controls.tsx'
import { StatsBar } from './stats-bar.tsx'
import { TrackSettings } from './track-settings.tsx'
import { StreamOverlay } from './stream-overlay.tsx'
import { CodecNotice } from './codec-notice.tsx'
import { EditionOverlay } from './edition-overlay.tsx'
import { EditionStatus } from './edition-status.tsx'
import { useAudioTrackChoice } from '../use-audio-track-choice.ts'
import { NextEpisodeOffer } from './next-episode-offer.tsx'
import { PlayerPlatformControls } from './player-platform-controls.tsx'
import type { EpisodeControls } from '../use-media-session.ts'

interface PlayerPageProps {
  source: PlayableSource
  onBack: () => void
  /** Shown above the title (e.g. the magnet link's ignored trackers). */
  notice?: string | null
  /** More actions for a library item, beside mark-as-watched ("Share"). */
  renderItemActions?: (item: CatalogItem) => ReactNode
  /** An episode's neighbours in its show, and how to play one (the countdown, Shift+N, the system's next/previous). Keep it memoised. */
  episodes?: EpisodeControls | null
}

export function PlayerPage ({ source, onBack, notice, renderItemActions, episodes = null }: PlayerPageProps) {
  const video = useRef<HTMLVideoElement>(null)
  const stage = useRef<HTMLDivElement>(null)
  const audio = useAudioTrackChoice(source.libraryItem, video)
  const { stream: streamState, subtitles, playability, edition } = usePlayback(source, video, audio)
  const subtitleChoice = useSubtitleChoice(subtitles, video)
  const [mediaError, setMediaError] = useState<string | null>(null)
  useEffect(() => setMediaError(null), [source])
  const state: StreamState = mediaError !== null ? { phase: 'error', message: mediaError } : streamState
  const stats = usePlaybackStats(streamState.phase === 'streaming' ? streamState.torrent : null, video)
  const item = source.libraryItem
  const playing = streamState.phase === 'streaming' ? streamState.file : null
  const details = detailsOf(source, playing)

  return (
    <main className='player'>
      <nav className='player__nav'>
        <button type='button' className='button button--ghost' onClick={onBack}>← Library</button>
      </nav>
      <div className='player__stage' ref={stage}>
        <video
          ref={video}
          className='player__video'
          data-testid={TEST_IDS.playerVideo}
          controls
          autoPlay
          playsInline
          poster={posterOf(item)}
          onError={() => setMediaError(describeMediaError(video.current?.error ?? null, source.mimeType ?? playing?.mimeType ?? 'this file'))}
        >
          {subtitles.map((track, index) => (
            <track key={track.src} kind='subtitles' src={track.src} srcLang={track.language} label={track.label} default={index === subtitleChoice.chosen} />
          ))}
        </video>
        {edition.phase === 'idle' || edition.phase === 'torrent' || mediaError !== null
          ? <StreamOverlay state={state} foreign={item === null} />
          : <EditionOverlay state={edition} />}
        {episodes?.next && <NextEpisodeOffer key={episodes.next.id} video={video} next={episodes.next} play={episodes.play} />}
      </div>
      <section className='player__info'>
        <h1 className='player__title'>{source.title}</h1>
        <p className='player__details'>{details.join('  ·  ')}</p>
        {notice && <p className='player__notice'>{notice}</p>}
        <PlayerPlatformControls video={video} stage={stage} title={source.title} item={item} episodes={episodes} />
        <CodecNotice playability={playability} />
        <EditionStatus state={edition} />
        {item !== null && (
          <div className='player__actions'>
            <LibraryWatchControls item={item} video={video} />
            {renderItemActions?.(item)}
          </div>
        )}
        <AvailabilityNote item={item} />
        <TrackSettings audio={audio} subtitleChoice={subtitleChoice} subtitles={subtitles} notShown={item?.subtitlesNotShown ?? []} />
        <StatsBar stats={stats} />
      </section>
    </main>
  )
}

/** Where the bytes can come from, when it is not the usual: an offline item, or a link from outside the library. */
function AvailabilityNote ({ item }: { item: CatalogItem | null }) {
  if (item === null) return <p className='player__notice'>Not in your library: this device streams it from the link’s peers while the page is open, and does not remember where you stopped.</p>
  if (item.availability !== 'offline') return null
  return <p className='player__note'>The home server cannot read this file right now; it can only play from another device that has it.</p>
}

/** The line under the title: a foreign link's file name and size first, once known. */
function detailsOf (source: PlayableSource, playing: { name: string, sizeBytes: number } | null): readonly string[] {
  return source.libraryItem === null && playing !== null ? [playing.name, formatBytes(playing.sizeBytes), ...source.details] : source.details
}

function describeMediaError (error: MediaError | null, mimeType: string): string {
  // A decode error midway is a broken file far more often than a browser's fault.
  if (error?.code === MediaError.MEDIA_ERR_DECODE) {
    return `This file could not be decoded: it may be damaged or incomplete${error.message ? ` (${error.message})` : ''}.`
  }
  if (error?.code === MediaError.MEDIA_ERR_SRC_NOT_SUPPORTED) {
    return `This browser cannot open this ${mimeType} file, or the file is damaged${error.message ? ` (${error.message})` : ''}.`
  }
  return error?.message || 'The video stopped with an unknown error.'
}

/** Music has no picture of its own: the video box shows the track's cover (or the album's) instead of black. */
function posterOf (item: CatalogItem | null): string | undefined {
  return item?.kind === 'audio' ? item.posterUrl ?? undefined : undefined
}
