/**
 * Picks the subtitle track that is on (subtitle-choice.ts), switches the video's text
 * tracks to it, and remembers, per device, what the person switches to in the video's
 * captions menu afterwards. The preferred language can be changed from the player
 * (subtitle-language-setting.tsx); the choice follows at once.
 */
import { useCallback, useEffect, useMemo, useState, type RefObject } from 'react'
import type { SubtitleSource } from './load-subtitles.ts'
import { chooseSubtitle } from './subtitle-choice.ts'
import { chosenLanguage, preferredLanguages, rememberChoice, rememberedChoice, setPreferredLanguage } from './subtitle-preference.ts'

/** Change events this soon after we set the modes ourselves are ours, not a person's. */
const OWN_CHANGE_WINDOW_MS = 500

export interface SubtitleChoice {
  /** Index of the track that is on, or -1. */
  chosen: number
  /** The language set in the player, or null for the browser's. */
  language: string | null
  setLanguage: (language: string | null) => void
}

export function useSubtitleChoice (subtitles: readonly SubtitleSource[], video: RefObject<HTMLVideoElement | null>): SubtitleChoice {
  const [language, setLanguageState] = useState(chosenLanguage)
  // `language` is a dependency: a new preference chooses again.
  const chosen = useMemo(() => chooseSubtitle(subtitles, language === null ? preferredLanguages() : [language], rememberedChoice()), [subtitles, language])
  useEffect(() => {
    const tracks = video.current?.textTracks
    if (!tracks || subtitles.length === 0) return
    let ownChangeUntil = 0
    const apply = (): void => {
      ownChangeUntil = Date.now() + OWN_CHANGE_WINDOW_MS
      Array.from(tracks).forEach((track, index) => { track.mode = index === chosen ? 'showing' : 'disabled' })
    }
    const onChange = (): void => {
      if (Date.now() < ownChangeUntil) return
      const showing = Array.from(tracks).findIndex(track => track.mode === 'showing')
      const source = showing >= 0 ? subtitles[showing] : undefined
      if (showing < 0) rememberChoice('off')
      else if (source && !source.forced) rememberChoice({ language: source.language, sdh: source.sdh })
    }
    // The <track> elements are added in the same render; their TextTracks exist once it is committed.
    apply()
    tracks.addEventListener('addtrack', apply)
    tracks.addEventListener('change', onChange)
    return () => {
      tracks.removeEventListener('addtrack', apply)
      tracks.removeEventListener('change', onChange)
    }
  }, [subtitles, video, chosen])
  const setLanguage = useCallback((next: string | null) => {
    setPreferredLanguage(next)
    setLanguageState(next)
  }, [])
  return { chosen, language, setLanguage }
}
