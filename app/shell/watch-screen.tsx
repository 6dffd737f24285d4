/**
 * `/watch/<id>`: the library item's player, found by its id or, for a saved link from before
 * the item's id changed, by a former id; a clear message when it is gone or offline.
 */
import type { CatalogItem } from '../../protocol/catalog.ts'
import { StatusMessage } from '../components/status-message.tsx'
import { LibraryPlayer } from './player-screen.tsx'

export interface WatchScreenProps {
  itemId: string
  items: readonly CatalogItem[]
  onHome: () => void
  onBack: () => void
  /** Opens another item (an extra of the film). */
  onOpen: (item: CatalogItem) => void
  /** Plays another item in this one's place (the next episode). */
  onPlay: (item: CatalogItem) => void
}

export function WatchScreen ({ itemId, items, onHome, onBack, onOpen, onPlay }: WatchScreenProps) {
  const item = items.find(candidate => candidate.id === itemId || candidate.formerIds?.includes(itemId) === true)
  if (!item) {
    return <StatusMessage tone='error' title='Not in the library' action={{ label: 'Go to the library', onClick: onHome }}>This item is no longer in the catalog.</StatusMessage>
  }
  if (item.availability === 'offline') {
    return (
      <StatusMessage tone='error' title={`${item.title} is offline`} action={{ label: 'Go to the library', onClick: onHome }}>
        This item's file can't be read right now (disk unplugged?). It plays again once the home server can read it.
      </StatusMessage>
    )
  }
  return <LibraryPlayer key={item.id} item={item} items={items} onBack={onBack} onOpen={onOpen} onPlay={onPlay} />
}
