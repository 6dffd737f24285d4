/**
 * The magnet links the household asks the seed node to download, read with protocol's one
 * magnet parser under the seed node's rules (udp trackers kept, unusable trackers refused,
 * web seeds skipped: see protocol/magnet/magnet-rules.ts). A bad link throws `MagnetError`
 * (HEARTH_E_BAD_MAGNET), which the HTTP router answers as 400.
 */
import { parseMagnet, type ParsedMagnet } from '../../protocol/magnet/parse-magnet.ts'
import { SEED_NODE_MAGNET_RULES } from '../../protocol/magnet/magnet-rules.ts'

export type DownloadMagnet = ParsedMagnet

export function parseDownloadMagnet (input: string): DownloadMagnet {
  return parseMagnet(input, SEED_NODE_MAGNET_RULES)
}
