/**
 * What this browser cannot decode of an item, in words, before play ("Audio: Dolby Digital
 * (AC-3), which this browser can't play. Hearth will prepare a compatible copy."). Nothing
 * for items that play as they are. Used by the player; the library card has its own line.
 */
import type { Playability } from '../../../lib/codecs/playability.ts'
import { TEST_IDS } from '../../../test-ids.ts'

export function CodecNotice ({ playability }: { playability: Playability }) {
  if (playability.verdict === 'direct' || playability.verdict === 'unknown') return null
  return (
    <p className={`player__codec-notice player__codec-notice--${playability.verdict}`} data-testid={TEST_IDS.codecNotice} data-verdict={playability.verdict}>
      {playability.message}
    </p>
  )
}
