/**
 * The player's ties to the platform, beside the video: Media Session (the system's media
 * controls), keyboard shortcuts with their list, and the picture-in-picture and cast buttons
 * where this browser offers them (use-platform-playback.ts).
 */
import { useCallback, useState, type RefObject } from 'react'
import type { CatalogItem } from '../../../../protocol/catalog.ts'
import { TEST_IDS } from '../../../test-ids.ts'
import { useMediaSession, type EpisodeControls } from '../use-media-session.ts'
import { usePlatformPlayback } from '../use-platform-playback.ts'
import { usePlayerShortcuts } from '../use-player-shortcuts.ts'
import { ShortcutHelp } from './shortcut-help.tsx'

interface PlayerPlatformControlsProps {
  video: RefObject<HTMLVideoElement | null>
  stage: RefObject<HTMLElement | null>
  title: string
  item: CatalogItem | null
  episodes: EpisodeControls | null
}

const CAST_LABELS: Record<RemotePlaybackState, string> = {
  disconnected: 'Play on another screen',
  connecting: 'Connecting to the other screen…',
  connected: 'Playing on another screen'
}

export function PlayerPlatformControls ({ video, stage, title, item, episodes }: PlayerPlatformControlsProps) {
  const [helpOpen, setHelpOpen] = useState(false)
  const next = episodes?.next ?? null
  const play = episodes?.play
  const onNextEpisode = next !== null && play !== undefined ? () => play(next) : null
  const openHelp = useCallback(() => setHelpOpen(true), [])
  usePlayerShortcuts({ video, stage, onNextEpisode, onHelp: openHelp })
  useMediaSession(video, title, item, episodes)
  const { pictureInPicture, remote } = usePlatformPlayback(video)
  return (
    <div className='player__platform' role='toolbar' aria-label='Player'>
      {pictureInPicture !== null && (
        <button type='button' className='button button--ghost' data-testid={TEST_IDS.playerPip} aria-pressed={pictureInPicture.active} onClick={pictureInPicture.toggle}>
          {pictureInPicture.active ? 'Back from picture-in-picture' : 'Picture-in-picture'}
        </button>
      )}
      {remote !== null && (
        <button type='button' className='button button--ghost' data-testid={TEST_IDS.playerCast} data-state={remote.state} onClick={remote.prompt}>
          {CAST_LABELS[remote.state]}
        </button>
      )}
      {onNextEpisode !== null && next !== null && (
        <button type='button' className='button button--ghost' onClick={onNextEpisode} aria-keyshortcuts='Shift+N'>
          Next episode
        </button>
      )}
      <button type='button' className='button button--ghost' data-testid={TEST_IDS.playerShortcuts} aria-keyshortcuts='?' aria-haspopup='dialog' onClick={openHelp}>
        Keyboard shortcuts
      </button>
      {helpOpen && <ShortcutHelp onClose={() => setHelpOpen(false)} />}
    </div>
  )
}
