/**
 * Subtitles for a video that does not come from the item's torrent (a browser edition): the
 * tracks the seed node serves as WebVTT, loaded once per item and released on leaving it.
 */
import { useEffect, useState } from 'react'
import type { SubtitleTrack } from '../../../protocol/catalog.ts'
import { loadSubtitles, type SubtitleSource } from './load-subtitles.ts'

export function useServedSubtitles (tracks: readonly SubtitleTrack[] | null): SubtitleSource[] {
  const [subtitles, setSubtitles] = useState<SubtitleSource[]>([])
  useEffect(() => {
    setSubtitles([])
    if (tracks === null || tracks.length === 0) return
    let cancelled = false
    let owned: SubtitleSource[] = []
    loadSubtitles(null, tracks).then(sources => {
      owned = sources.filter(subtitle => subtitle.ownsUrl)
      if (cancelled) for (const subtitle of owned) URL.revokeObjectURL(subtitle.src)
      else setSubtitles(sources)
    }).catch((err: unknown) => { console.warn('[hearth] subtitles could not be loaded', err) })
    return () => {
      cancelled = true
      for (const subtitle of owned) URL.revokeObjectURL(subtitle.src)
    }
  }, [tracks])
  return subtitles
}
