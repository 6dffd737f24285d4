import { describe, expect, it } from 'vitest'
import { WEB_SEED_REQUESTS, webSeedSpeedFor } from '../web-seed-pipeline.ts'

/** WebTorrent 3's getPiecePipelineLength at PIPELINE_MIN_DURATION (lib/torrent.js). */
const webSeedPipeline = (speed: number, pieceLength: number): number => 1 + Math.ceil(0.5 * speed / pieceLength)

describe('web seed pipeline floor', () => {
  it('gives the web seed WEB_SEED_REQUESTS requests in flight, whatever the piece length', () => {
    for (const pieceLength of [16 * 1024, 256 * 1024, 4 * 1024 * 1024]) {
      const speed = webSeedSpeedFor(WEB_SEED_REQUESTS, pieceLength)
      expect(webSeedPipeline(speed, pieceLength)).toBe(WEB_SEED_REQUESTS)
      expect(webSeedPipeline(speed / 2, pieceLength)).toBeLessThan(WEB_SEED_REQUESTS)
    }
  })
})
