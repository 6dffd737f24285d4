/**
 * The player's track settings under the title: the audio track, the subtitle language, and
 * the file's picture subtitles that cannot be shown (with why).
 */
import type { SubtitleNotShown } from '../../../../protocol/catalog.ts'
import type { SubtitleSource } from '../load-subtitles.ts'
import type { AudioTrackChoice } from '../use-audio-track-choice.ts'
import type { SubtitleChoice } from '../use-subtitle-choice.ts'
import { AudioTrackPicker } from './audio-track-picker.tsx'
import { SubtitleLanguageSetting } from './subtitle-language-setting.tsx'
import { SubtitlesNotShown } from './subtitles-not-shown.tsx'

export interface TrackSettingsProps {
  audio: AudioTrackChoice
  subtitleChoice: SubtitleChoice
  subtitles: readonly SubtitleSource[]
  notShown: readonly SubtitleNotShown[]
}

export function TrackSettings ({ audio, subtitleChoice, subtitles, notShown }: TrackSettingsProps) {
  return (
    <>
      <AudioTrackPicker choice={audio} />
      <SubtitleLanguageSetting choice={subtitleChoice} trackLanguages={subtitles.map(track => track.language)} />
      <SubtitlesNotShown tracks={notShown} />
    </>
  )
}
