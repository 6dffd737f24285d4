/**
 * React binding for `PositionTracker`: resumes the item, records progress, and offers the
 * "Mark as watched / unwatched" actions along with the item's current record.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react'
import type { CatalogItem } from '../../../protocol/catalog.ts'
import type { WatchRecord } from '../../../protocol/watch-record.ts'
import { useWatchRecord, useWatchStateStore } from '../../lib/watch-state/use-watch-state.ts'
import { PositionTracker } from './position-tracker.ts'

export interface WatchProgress {
  record: WatchRecord | undefined
  /** False until the store is open (the actions do nothing before). */
  ready: boolean
  markWatched: () => void
  markUnwatched: () => void
}

export function useWatchProgress (item: CatalogItem, video: RefObject<HTMLVideoElement | null>): WatchProgress {
  const store = useWatchStateStore()
  const record = useWatchRecord(item.id)
  const storeRef = useRef(store)
  const [tracker] = useState(() => new PositionTracker(item, () => storeRef.current))

  useEffect(() => {
    storeRef.current = store
  }, [store])

  useEffect(() => {
    const element = video.current
    if (!element) return
    return tracker.attach(element)
  }, [tracker, video])

  // The store opened, or this item's record changed (another tab, the swarm): resume or follow.
  useEffect(() => {
    if (video.current) tracker.sync(video.current)
  }, [tracker, video, store, record])

  const markWatched = useCallback(() => tracker.markWatched(video.current), [tracker, video])
  const markUnwatched = useCallback(() => tracker.markUnwatched(video.current), [tracker, video])
  return { record, ready: store !== null, markWatched, markUnwatched }
}
