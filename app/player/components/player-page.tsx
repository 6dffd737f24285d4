/**
 * The player: the item's video streamed over WebTorrent, resumed where the profile stopped,
 * its details, the mark-as-watched actions and live transfer stats.
 */
import { useEffect, useRef, useState } from 'react'
import type { CatalogItem } from '../../../protocol/catalog.ts'
import { formatBytes } from '../../format/format-bytes.ts'
import { formatDuration } from '../../format/format-duration.ts'
import { formatEpisode } from '../../format/format-episode.ts'
import { TEST_IDS } from '../../test-ids.ts'
import { MarkWatchedActions } from '../../watch-state/components/mark-watched-actions.tsx'
import { useItemStream, type StreamState } from '../use-item-stream.ts'
import { usePlaybackStats } from '../use-playback-stats.ts'
import { useWatchProgress } from '../use-watch-progress.ts'
import { StatsBar } from './stats-bar.tsx'

interface PlayerPageProps {
  item: CatalogItem
  onBack: () => void
}

export function PlayerPage ({ item, onBack }: PlayerPageProps) {
  const video = useRef<HTMLVideoElement>(null)
  const { state: streamState, subtitles } = useItemStream(item, video)
  const progress = useWatchProgress(item, video)
  const [mediaError, setMediaError] = useState<string | null>(null)
  useEffect(() => setMediaError(null), [item])
  const state: StreamState = mediaError !== null ? { phase: 'error', message: mediaError } : streamState
  const stats = usePlaybackStats(streamState.phase === 'streaming' ? streamState.torrent : null, video)
  const details = [
    item.series ? `${item.series.name} · ${formatEpisode(item.series)}` : null,
    formatDuration(item.durationSec),
    formatBytes(item.sizeBytes),
    [item.container, item.videoCodec, item.audioCodec].filter(Boolean).join(' / ')
  ].filter(Boolean)

  return (
    <main className='player'>
      <nav className='player__nav'>
        <button type='button' className='button button--ghost' onClick={onBack}>← Library</button>
      </nav>
      <div className='player__stage'>
        <video
          ref={video}
          className='player__video'
          data-testid={TEST_IDS.playerVideo}
          controls
          autoPlay
          playsInline
          onError={() => setMediaError(describeMediaError(video.current?.error ?? null, item.mimeType))}
        >
          {subtitles.map((track, index) => (
            <track key={track.src} kind='subtitles' src={track.src} srcLang={track.language} label={track.label} default={index === 0} />
          ))}
        </video>
        <StreamOverlay state={state} />
      </div>
      <section className='player__info'>
        <h1 className='player__title'>{item.title}</h1>
        <p className='player__details'>{details.join('  ·  ')}</p>
        <MarkWatchedActions
          record={progress.record}
          disabled={!progress.ready}
          onMarkWatched={progress.markWatched}
          onMarkUnwatched={progress.markUnwatched}
        />
        {item.availability === 'offline' && (
          <p className='player__note'>The home server cannot read this file right now; it can only play from another device that has it.</p>
        )}
        <StatsBar stats={stats} />
      </section>
    </main>
  )
}

function StreamOverlay ({ state }: { state: StreamState }) {
  if (state.phase === 'streaming') return null
  if (state.phase === 'error') {
    return (
      <div className='player__overlay player__overlay--error' role='alert'>
        <p className='player__overlay-title'>This item cannot play</p>
        <p className='player__overlay-text'>{state.message}</p>
      </div>
    )
  }
  return (
    <div className='player__overlay' role='status'>
      <span className='spinner' aria-hidden='true' />
      <p className='player__overlay-text'>{state.phase === 'starting' ? 'Starting the player…' : 'Connecting to your home server…'}</p>
    </div>
  )
}

function describeMediaError (error: MediaError | null, mimeType: string): string {
  if (error?.code === MediaError.MEDIA_ERR_SRC_NOT_SUPPORTED || error?.code === MediaError.MEDIA_ERR_DECODE) {
    return `This browser cannot play ${mimeType}${error.message ? ` (${error.message})` : ''}.`
  }
  return error?.message || 'The video stopped with an unknown error.'
}
