/**
 * The magnet links the household asks the seed node to download, read with protocol's one
 * magnet parser under the seed node's rules (udp trackers kept, unusable trackers refused,
 * web seeds skipped: see protocol/magnet/magnet-rules.ts). A bad link throws `MagnetError`
 * (HEARTH_E_BAD_MAGNET), which the HTTP router answers as 400.
 */
import { parseMagnet } from '../../protocol/magnet/parse-magnet.ts'
import { SEED_NODE_MAGNET_RULES } from '../../protocol/magnet/magnet-rules.ts'

/** What the queue keeps of a magnet (its web seeds are skipped, what it ignored is not shown). */
export interface DownloadMagnet {
  /** 40 lowercase hex characters. */
  infoHash: string
  displayName: string | null
  trackers: string[]
}

export function parseDownloadMagnet (input: string): DownloadMagnet {
  const { infoHash, displayName, trackers } = parseMagnet(input, SEED_NODE_MAGNET_RULES)
  return { infoHash, displayName, trackers: [...trackers] }
}
