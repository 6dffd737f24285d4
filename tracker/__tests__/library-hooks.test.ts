import { describe, expect, it, vi } from 'vitest'
import type { Server } from 'bittorrent-tracker'
import { startSwarmSweep } from '../library-hooks.ts'

describe('swarm sweep', () => {
  it('expires silent peers through peek and forgets swarms left empty', () => {
    vi.useFakeTimers()
    try {
      const expired = new Set(['stale'])
      const peersOf = (keys: string[]) => ({
        keys,
        get length () { return this.keys.length },
        peek (key: string) {
          if (expired.has(key)) this.keys = this.keys.filter(k => k !== key)
          return undefined
        }
      })
      const server = { torrents: { gone: { peers: peersOf(['stale']) }, kept: { peers: peersOf(['stale', 'live']) } } } as unknown as Server
      const stop = startSwarmSweep(server, 1000)
      vi.advanceTimersByTime(1000)
      expect(Object.keys(server.torrents)).toEqual(['kept'])
      expect(server.torrents.kept?.peers.keys).toEqual(['live'])
      stop()
    } finally {
      vi.useRealTimers()
    }
  })
})
