/**
 * Picks the subtitle track that starts on (subtitle-choice.ts) and remembers, per device,
 * what the person switches to in the video's captions menu afterwards.
 */
import { useEffect, useMemo, type RefObject } from 'react'
import type { SubtitleSource } from './load-subtitles.ts'
import { chooseSubtitle } from './subtitle-choice.ts'
import { preferredLanguages, rememberChoice, rememberedChoice } from './subtitle-preference.ts'

/** Index of the track rendered with `default` (on), or -1. */
export function useSubtitleChoice (subtitles: readonly SubtitleSource[], video: RefObject<HTMLVideoElement | null>): number {
  const chosen = useMemo(() => chooseSubtitle(subtitles, preferredLanguages(), rememberedChoice()), [subtitles])
  useEffect(() => {
    const tracks = video.current?.textTracks
    if (!tracks || subtitles.length === 0) return
    let settled = false
    // The first change events come from the `default` track turning on, not from a person.
    const settle = window.setTimeout(() => { settled = true }, 1000)
    const onChange = (): void => {
      if (!settled) return
      const showing = Array.from(tracks).findIndex(track => track.mode === 'showing')
      const source = showing >= 0 ? subtitles[showing] : undefined
      if (showing < 0) rememberChoice('off')
      else if (source && !source.forced) rememberChoice({ language: source.language, sdh: source.sdh })
    }
    tracks.addEventListener('change', onChange)
    return () => {
      window.clearTimeout(settle)
      tracks.removeEventListener('change', onChange)
    }
  }, [subtitles, video])
  return chosen
}
