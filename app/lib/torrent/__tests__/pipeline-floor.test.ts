import { describe, expect, it } from 'vitest'
import { peerSpeedFor, SEEDER_BLOCKS, WEB_SEED_REQUESTS, webSeedSpeedFor } from '../pipeline-floor.ts'

/** WebTorrent 3's getPiecePipelineLength and getBlockPipelineLength at PIPELINE_MIN_DURATION (lib/torrent.js). */
const webSeedPipeline = (speed: number, pieceLength: number): number => 1 + Math.ceil(0.5 * speed / pieceLength)
const peerPipeline = (speed: number): number => 2 + Math.ceil(0.5 * speed / (16 * 1024))

describe('pipeline floors', () => {
  it('give the web seed WEB_SEED_REQUESTS requests in flight, whatever the piece length', () => {
    for (const pieceLength of [16 * 1024, 256 * 1024, 4 * 1024 * 1024]) {
      const speed = webSeedSpeedFor(WEB_SEED_REQUESTS, pieceLength)
      expect(webSeedPipeline(speed, pieceLength)).toBe(WEB_SEED_REQUESTS)
      expect(webSeedPipeline(speed / 2, pieceLength)).toBeLessThan(WEB_SEED_REQUESTS)
    }
  })
  it('give a seeder wire SEEDER_BLOCKS block requests in flight', () => {
    expect(peerPipeline(peerSpeedFor(SEEDER_BLOCKS))).toBe(SEEDER_BLOCKS)
    expect(peerPipeline(0)).toBe(2)
  })
})
