/**
 * The audio track picker's state for one item (audio-track-choice.ts): which track plays,
 * chosen again when the item changes, remembered per device when the person picks one
 * (audio-track-preference.ts). Picking records the second the film is at, so the player
 * carries on from there with the new track (`resumeAtRef`, read by the edition stream and by
 * the seek after the switch).
 */
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react'
import type { CatalogItem } from '../../../protocol/catalog.ts'
import type { AudioTrackFacts } from '../../../protocol/media-facts.ts'
import { chooseAudioTrack } from './audio-track-choice.ts'
import { rememberAudio, rememberedAudio } from './audio-track-preference.ts'

export interface AudioTrackChoice {
  /** The file's audio tracks, when there is more than one to choose from (else empty). */
  tracks: readonly AudioTrackFacts[]
  /** The track that plays (MediaFacts numbering), or null. */
  chosen: number | null
  /** Whether another track can be played here (the home server makes editions). */
  switchable: boolean
  choose: (index: number) => void
  /** The second to carry on from after a switch, until the new stream has used it. */
  resumeAtRef: RefObject<number | null>
}

export function useAudioTrackChoice (item: CatalogItem | null, video: RefObject<HTMLVideoElement | null>): AudioTrackChoice {
  const media = item?.media
  const all = useMemo(() => media?.audio ?? [], [media])
  const initial = useMemo(() => chooseAudioTrack(all, rememberedAudio()), [all])
  const [chosen, setChosen] = useState<number | null>(initial)
  const resumeAtRef = useRef<number | null>(null)
  useEffect(() => {
    setChosen(initial)
    resumeAtRef.current = null
  }, [initial])
  const choose = useCallback((index: number) => {
    const track = all.find(candidate => candidate.index === index)
    if (track === undefined) return
    rememberAudio({ language: track.language, title: track.title })
    const element = video.current
    resumeAtRef.current = element !== null && Number.isFinite(element.currentTime) ? element.currentTime : null
    setChosen(index)
  }, [all, video])
  return { tracks: all.length > 1 ? all : [], chosen, switchable: media?.editions === 'on-demand', choose, resumeAtRef }
}
