/**
 * The WebRTC peer cap on the real native constructor of @roamhq/wrtc: the count, and the
 * ceiling on open descriptors, which the count alone misses on a host whose network
 * interfaces make each peer cost more than the budget assumed (the slowloris-plus-offer
 * flood reached the 1,024-descriptor limit with 25 peers of ~33 descriptors each).
 */
import { createRequire } from 'node:module'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { openFdCountSync } from '../../lib/fd-headroom.ts'
import { createLogger, type LogLevel } from '../../lib/log.ts'
import { capPeerConnections, wrapLoadedWebRTC } from '../peer-connection-cap.ts'

interface PeerConnection { close: () => void }
type PeerConnectionClass = new (config: object) => PeerConnection

const warnings: string[] = []
const log = createLogger('warn', (line: string, level: LogLevel) => { if (level === 'warn') warnings.push(line) })
const made: PeerConnection[] = []
let RTCPeerConnection: PeerConnectionClass

beforeAll(() => {
  const require = createRequire(import.meta.url)
  const wrtc = require('@roamhq/wrtc') as { RTCPeerConnection: PeerConnectionClass }
  wrapLoadedWebRTC(require('@roamhq/wrtc/lib/binding.js'), wrtc.RTCPeerConnection, log)
  RTCPeerConnection = wrtc.RTCPeerConnection
})

afterEach(() => {
  for (const pc of made.splice(0)) pc.close()
  warnings.length = 0
})

function make (): PeerConnection {
  const pc = new RTCPeerConnection({ iceServers: [] })
  made.push(pc)
  return pc
}

describe('the WebRTC peer cap', () => {
  it('refuses a peer past the count, and counts it live until it is closed', () => {
    const stats = capPeerConnections(2, null, log)
    make()
    make()
    expect(() => make()).toThrow(/too many WebRTC peer connections \(2\)/)
    expect(stats()).toMatchObject({ live: 2, max: 2, refused: 1 })
    made[0]?.close()
    expect(stats().live).toBe(1)
    make()
    expect(stats().live).toBe(2)
    expect(warnings.join('\n')).toMatch(/webrtc\.peer_refused by=count live=2 max=2/)
  })

  it('refuses a peer that would take the open descriptors past the ceiling, whatever the count', () => {
    const open = openFdCountSync()
    if (open === null) throw new Error('this test reads /proc/self/fd (Linux)')
    const stats = capPeerConnections(100, open + 10, log)
    const refusedBefore = stats().refused
    expect(() => make()).toThrow(/too few file descriptors left for a WebRTC peer connection \(\d+ open, ceiling \d+\)/)
    expect(stats()).toMatchObject({ live: 0, refused: refusedBefore + 1 })
    capPeerConnections(100, open + 1000, log)
    make()
    expect(stats().live).toBe(1)
  })
})
