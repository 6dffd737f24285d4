/**
 * The subtitles of an item that plays through a browser edition (no torrent in the page):
 * the seed node serves each track as WebVTT (sidecar files and the file's own text streams
 * alike), so they are loaded from there. Null `tracks`: nothing to load.
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
    loadSubtitles(null, tracks.filter(track => track.url !== undefined)).then(sources => {
      owned = sources.filter(source => source.ownsUrl)
      if (cancelled) owned.forEach(source => URL.revokeObjectURL(source.src))
      else setSubtitles(sources)
    }, (err: unknown) => console.warn('[hearth] subtitles could not be loaded', err))
    return () => {
      cancelled = true
      owned.forEach(source => URL.revokeObjectURL(source.src))
    }
  }, [tracks])
  return subtitles
}
