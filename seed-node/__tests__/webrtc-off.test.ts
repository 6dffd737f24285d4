/**
 * Where WebRTC cannot load (musl, armv7, old glibc), the seed node still runs: forced here
 * with `HEARTH_WEBRTC=off`, the compiled node starts, says once why WebRTC is off, serves
 * the library and its web seed, and never loads WebRTC, even when a browser-like peer asks
 * for an item (it announces over HTTP only, so no offer is relayed to it). Playback in
 * Chromium through the web seed: e2e/webrtc-off.spec.ts. A value other than auto or off is
 * refused by name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebTorrent from 'webtorrent'
import { parseCatalog } from '../../protocol/catalog.ts'
import { StatusReply } from '../../protocol/api/status.ts'
import { api } from '../testing/seed-node-api.ts'
import { makeStateDir, removeDir, startSeedNodeProcess, type SeedNodeProcess } from '../testing/seed-node-process.ts'
import { webrtcModeFrom, webrtcPlatformProblem } from '../webrtc/webrtc-platform.ts'

const WAKE_TIMEOUT_MS = 30 * 1000
const POLL_INTERVAL_MS = 100

let stateDir: string
let node: SeedNodeProcess

async function fullStatus (): Promise<StatusReply> {
  return StatusReply.parse((await api(node, 'GET', '/api/status')).json)
}

beforeAll(async () => {
  stateDir = await makeStateDir()
  node = await startSeedNodeProcess({ stateDir, compiled: true, env: { HEARTH_WEBRTC: 'off' } })
})

afterAll(async () => {
  await node?.stop()
  await removeDir(stateDir)
})

describe('HEARTH_WEBRTC', () => {
  it('is auto or off; anything else is refused by name', () => {
    expect(webrtcModeFrom({})).toBe('auto')
    expect(webrtcModeFrom({ HEARTH_WEBRTC: 'auto' })).toBe('auto')
    expect(webrtcModeFrom({ HEARTH_WEBRTC: 'off' })).toBe('off')
    expect(() => webrtcModeFrom({ HEARTH_WEBRTC: 'no' })).toThrow(/HEARTH_WEBRTC must be auto or off, not "no"/)
    expect(webrtcPlatformProblem('off')).toBe('turned off by HEARTH_WEBRTC=off')
    // This machine (linux-x64, glibc 2.36) is one where it loads.
    expect(webrtcPlatformProblem('auto')).toBeNull()
  })
})

describe('a seed node without WebRTC', () => {
  it('starts, says once why WebRTC is off, and serves the library and its web seed', async () => {
    expect(node.output().match(/WARN\s+webrtc\.unavailable reason="turned off by HEARTH_WEBRTC=off"/g)).toHaveLength(1)
    const { webrtc } = await fullStatus()
    expect(webrtc).toMatchObject({ state: 'unavailable', loaded: false, reason: 'turned off by HEARTH_WEBRTC=off' })

    const items = parseCatalog((await api(node, 'GET', '/api/catalog')).json).items
    expect(items).toHaveLength(3)
    for (const item of items) {
      const webSeed = new URL(item.magnet).searchParams.get('ws')
      if (webSeed === null) throw new Error(`no web seed in ${item.magnet}`)
      const res = await fetch(webSeed, { headers: { range: 'bytes=0-1023' } })
      expect(res.status).toBe(206)
      expect((await res.arrayBuffer()).byteLength).toBe(1024)
    }
  })

  it('wakes an item a WebRTC peer asks for, and still loads no WebRTC', async () => {
    const item = parseCatalog((await api(node, 'GET', '/api/catalog')).json).items[0]
    if (!item) throw new Error('the catalog is empty')
    const client = new WebTorrent({ dht: false, lsd: false, utPex: false, natUpnp: false, natPmp: false, webSeeds: false, tracker: { rtcConfig: { iceServers: [] } } })
    client.on('error', () => {})
    try {
      client.add(item.magnet, { path: stateDir + '-peer' })
      const deadline = Date.now() + WAKE_TIMEOUT_MS
      let status = await fullStatus()
      while ((status.seeder?.wakeups ?? 0) < 1) {
        if (Date.now() > deadline) throw new Error(`the item was never woken: ${JSON.stringify(status.seeder)}`)
        await new Promise(resolve => setTimeout(resolve, POLL_INTERVAL_MS))
        status = await fullStatus()
      }
      expect(status.webrtc.loaded).toBe(false)
      expect(status.seeder?.webrtcPeers).toBe(0)
      expect(node.output()).not.toContain('webrtc.loaded')
    } finally {
      await new Promise<void>(resolve => client.destroy(() => resolve()))
      await removeDir(stateDir + '-peer')
    }
  })
})
