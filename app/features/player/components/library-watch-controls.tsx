/**
 * Watch state for a library item on the player page: resumes and records the position (see
 * `use-watch-progress.ts`) and offers "Mark as watched / unwatched". Rendered for library
 * items only, so foreign magnets never write watch state.
 */
import type { RefObject } from 'react'
import type { CatalogItem } from '../../../../protocol/catalog.ts'
import { MarkWatchedActions } from '../../../components/watch-state/mark-watched-actions.tsx'
import { useWatchProgress } from '../use-watch-progress.ts'

export function LibraryWatchControls ({ item, video }: { item: CatalogItem, video: RefObject<HTMLVideoElement | null> }) {
  const progress = useWatchProgress(item, video)
  return (
    <MarkWatchedActions
      record={progress.record}
      disabled={!progress.ready}
      onMarkWatched={progress.markWatched}
      onMarkUnwatched={progress.markUnwatched}
    />
  )
}
