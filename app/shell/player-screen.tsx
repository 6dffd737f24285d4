/**
 * The player as the shell puts it together: for a library item, or for what `/open` opened
 * (a library item or a foreign magnet), with "Share" beside a library item's watch controls.
 * Sources are memoised so a re-render does not restart the stream.
 */
import { useMemo } from 'react'
import type { CatalogItem } from '../../protocol/catalog.ts'
import { episodeNeighbours } from '../lib/catalog/show-order.ts'
import type { EpisodeControls } from '../features/player/use-media-session.ts'
import type { OpenedMagnet } from '../features/open/components/open-magnet-page.tsx'
import { PlayerPage } from '../features/player/components/player-page.tsx'
import { librarySource, magnetSource } from '../features/player/playable-source.ts'
import { ShareButton } from '../features/sharing/components/share-button.tsx'
import { ItemDetails } from '../features/library/components/item-details.tsx'
import { extrasOf } from '../features/library/browsable-items.ts'

interface LibraryPlayerProps {
  item: CatalogItem
  /** The whole catalog: a film's extras, and an episode's show (so its next episode), are found in it. */
  items: readonly CatalogItem[]
  onBack: () => void
  /** Opens an extra of the film. */
  onOpen: (item: CatalogItem) => void
  /** Plays another item in this player's place (the next episode): Back still leads to the library. */
  onPlay: (item: CatalogItem) => void
}

/** A library item's player, with "Share", then its details (NFO, tags) and extras under it. */
export function LibraryPlayer ({ item, items, onBack, onOpen, onPlay }: LibraryPlayerProps) {
  const source = useMemo(() => librarySource(item), [item])
  const extras = useMemo(() => extrasOf(item, items), [item, items])
  const episodes = useMemo<EpisodeControls | null>(() => {
    const { previous, next } = episodeNeighbours(items, item)
    return previous === null && next === null ? null : { previous, next, play: onPlay }
  }, [items, item, onPlay])
  const renderActions = (shown: CatalogItem) => (
    <>
      {renderPlayerShare(shown)}
      <ItemDetails item={shown} extras={shown.id === item.id ? extras : []} onOpen={onOpen} />
    </>
  )
  return <PlayerPage source={source} onBack={onBack} renderItemActions={renderActions} episodes={episodes} />
}

export function OpenedPlayer ({ opened, onBack }: { opened: OpenedMagnet, onBack: () => void }) {
  const source = useMemo(
    () => opened.kind === 'library' ? librarySource(opened.item) : magnetSource(opened.magnet, opened.householdTracker),
    [opened]
  )
  const notice = opened.kind === 'magnet' ? opened.notice : null
  return <PlayerPage source={source} onBack={onBack} notice={notice} renderItemActions={renderPlayerShare} />
}

function renderPlayerShare (item: CatalogItem) {
  return <ShareButton infoHash={item.id} title={item.title} />
}
