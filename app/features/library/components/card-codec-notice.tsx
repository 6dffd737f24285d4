/**
 * The card's line about what this browser cannot decode of the item, decided before anyone
 * presses play (lib/codecs): "Audio: Dolby Digital (AC-3), which this browser can't play.
 * Hearth will prepare a compatible copy." Nothing for items that play as they are.
 */
import { useMemo } from 'react'
import type { CatalogItem } from '../../../../protocol/catalog.ts'
import { browserDecoders } from '../../../lib/codecs/browser-decoders.ts'
import { decidePlayability } from '../../../lib/codecs/playability.ts'
import { TEST_IDS } from '../../../test-ids.ts'

export function CardCodecNotice ({ item }: { item: CatalogItem }) {
  const playability = useMemo(() => decidePlayability(item.media, item.mimeType, browserDecoders, { durationSec: item.durationSec }), [item])
  // "Nothing was checked" (no ffmpeg) is said in the player, not on every card.
  if (playability.verdict === 'direct' || playability.verdict === 'unknown' || playability.verdict === 'unchecked') return null
  return (
    <p className={`card__codec-notice card__codec-notice--${playability.verdict}`} data-testid={TEST_IDS.codecNotice} data-verdict={playability.verdict}>
      {playability.message}
    </p>
  )
}
