/**
 * While the library (grid, show page) is on screen: a card the pointer rests on for
 * `DWELL_MS`, that gets keyboard focus for as long, or that is pressed, has its torrent
 * warmed (warm-torrents.ts), so the click that follows finds it added. One listener per kind
 * on the document, finding the card by its link's `data-item-id`; nothing per card.
 * Leaving the library removes every warm torrent the player did not take, after
 * `LEAVE_GRACE_MS` (the player, mounted in the same commit, claims its item first).
 */
import { useEffect, useRef } from 'react'
import type { CatalogItem } from '../../../protocol/catalog.ts'
import { browserDecoders } from '../codecs/browser-decoders.ts'
import { decidePlayability } from '../codecs/playability.ts'
import { releaseWarmTorrents, warmTorrent } from './warm-torrents.ts'

/** Long enough that sweeping the pointer across a grid warms nothing; short beside a human's pause before a click. */
export const DWELL_MS = 150
const LEAVE_GRACE_MS = 1000
const CARD_SELECTOR = 'a[data-item-id]'
/** The release scheduled by the last leave; coming back within the grace keeps what is warm (still bounded). */
let leaving: ReturnType<typeof setTimeout> | undefined

/** True for items the player would stream straight from their torrent (not through a browser edition, not offline). */
export function warmable (item: CatalogItem): boolean {
  if (item.availability === 'offline') return false
  const verdict = decidePlayability(item.media, item.mimeType, browserDecoders, { durationSec: item.durationSec }).verdict
  return verdict === 'direct' || verdict === 'unknown' || verdict === 'unchecked'
}

function cardOf (target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? target.closest<HTMLElement>(CARD_SELECTOR) : null
}

export function useWarmOnHover (items: readonly CatalogItem[]): void {
  const itemsRef = useRef(items)
  itemsRef.current = items

  useEffect(() => {
    clearTimeout(leaving)
    let pendingCard: HTMLElement | null = null
    let dwell: ReturnType<typeof setTimeout> | undefined
    const warmCard = (card: HTMLElement): void => {
      const id = card.dataset.itemId
      const item = itemsRef.current.find(candidate => candidate.id === id)
      if (item === undefined || !warmable(item)) return
      warmTorrent({ infoHash: item.id, magnet: item.magnet, announce: [], pieceCount: item.pieceCount ?? null })
    }
    const cancel = (): void => {
      clearTimeout(dwell)
      pendingCard = null
    }
    const arm = (card: HTMLElement | null): void => {
      if (card === pendingCard) return
      cancel()
      if (card === null) return
      pendingCard = card
      dwell = setTimeout(() => { pendingCard = null; warmCard(card) }, DWELL_MS)
    }
    const onOver = (event: Event): void => arm(cardOf(event.target))
    const onOut = (event: Event): void => {
      const related = event instanceof PointerEvent || event instanceof FocusEvent ? event.relatedTarget : null
      if (cardOf(related) !== pendingCard) cancel()
    }
    const onDown = (event: Event): void => {
      const card = cardOf(event.target)
      if (card === null) return
      cancel()
      warmCard(card)
    }
    document.addEventListener('pointerover', onOver)
    document.addEventListener('pointerout', onOut)
    document.addEventListener('focusin', onOver)
    document.addEventListener('focusout', onOut)
    document.addEventListener('pointerdown', onDown)
    return () => {
      cancel()
      document.removeEventListener('pointerover', onOver)
      document.removeEventListener('pointerout', onOut)
      document.removeEventListener('focusin', onOver)
      document.removeEventListener('focusout', onOut)
      document.removeEventListener('pointerdown', onDown)
      leaving = setTimeout(releaseWarmTorrents, LEAVE_GRACE_MS)
    }
  }, [])
}
