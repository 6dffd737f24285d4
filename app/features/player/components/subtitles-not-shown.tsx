/**
 * Subtitle streams of the file the player cannot show (pictures: PGS from Blu-ray, VobSub
 * from DVD), listed with the seed node's reason, so a missing language is explained rather
 * than silently absent.
 */
import type { SubtitleNotShown } from '../../../../protocol/catalog.ts'

export function SubtitlesNotShown ({ tracks }: { tracks: readonly SubtitleNotShown[] }) {
  if (tracks.length === 0) return null
  return (
    <ul className='player__subtitles-not-shown' data-testid='subtitles-not-shown'>
      {tracks.map((track, index) => (
        <li key={`${track.codec}-${index}`}>Subtitles not shown: {track.label}. {track.reason}.</li>
      ))}
    </ul>
  )
}
