/**
 * The seed node's RTMP port for OBS (`--live-rtmp-port`, bound on `--host` like the HTTP
 * port, so that OBS on another machine of the LAN reaches it). Why a listener of our own
 * rather than ffmpeg's `-listen 1`: ffmpeg's RTMP server (libavformat/rtmpproto.c) only
 * *warns* "Unexpected stream KEY, expecting …" and takes any stream key, serves one
 * connection and exits when it ends (no reconnect without a restart, and the port is closed
 * in between). Here the key is checked before a byte of media is taken, a second publisher
 * is refused without touching the first, and the port stays open across publishers.
 *
 * The rules of the HTTP port, where they fit:
 * - a wrong stream key counts as a wrong credential towards a ban of the address (the same
 *   ban list, `--ban-max-retry` etc.); a banned address's connections are closed at once;
 * - connections are bounded in all and per address, must publish within PUBLISH_DEADLINE_MS
 *   and are closed when idle for IDLE_TIMEOUT_MS; a message is at most 8 MB.
 */
import net, { type Socket } from 'node:net'
import type { Logger } from '../../lib/log.ts'
import { peerAddress } from '../../lib/peer-address.ts'
import { PushFeed } from './push-feed.ts'
import type { PushInlet } from './push-inlet.ts'
import { sameKey } from './push-keys.ts'
import { RtmpSession, type PublishDecision } from './rtmp-session.ts'

export const MAX_CONNECTIONS = 16
export const MAX_CONNECTIONS_PER_ADDRESS = 4
const PUBLISH_DEADLINE_MS = 15 * 1000
const IDLE_TIMEOUT_MS = 30 * 1000
/** The application part of the Server URL OBS is given (any is accepted: the key decides). */
export const RTMP_APP = 'live'

/** The part of the seed node's ban list the listener uses. */
export interface AddressBans {
  check: (address: string) => unknown
  recordFailure: (address: string) => unknown
}

export interface RtmpListenerOptions {
  host: string
  port: number
  inlets: readonly PushInlet[]
  bans: AddressBans
  log: Logger
}

export class RtmpListener {
  private readonly sockets = new Set<Socket>()
  private readonly perAddress = new Map<string, number>()

  private constructor (private readonly server: net.Server, private readonly options: RtmpListenerOptions) {}

  get port (): number {
    const address = this.server.address()
    return typeof address === 'object' && address !== null ? address.port : 0
  }

  static async open (options: RtmpListenerOptions): Promise<RtmpListener> {
    const server = net.createServer()
    const listener = new RtmpListener(server, options)
    server.on('connection', socket => listener.accept(socket))
    server.on('error', err => options.log.error('live.rtmp_port_error', { error: err.message }))
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(options.port, options.host, () => { server.off('error', reject); resolve() })
    })
    return listener
  }

  async close (): Promise<void> {
    for (const socket of this.sockets) socket.destroy()
    await new Promise<void>(resolve => this.server.close(() => resolve()))
  }

  private accept (socket: Socket): void {
    const { bans, log } = this.options
    const address = peerAddress(socket)
    const fromAddress = this.perAddress.get(address) ?? 0
    if (bans.check(address) !== null) {
      log.debug('live.push_banned', { address })
      return void socket.destroy()
    }
    if (this.sockets.size >= MAX_CONNECTIONS || fromAddress >= MAX_CONNECTIONS_PER_ADDRESS) {
      log.warn('live.push_refused', { address, reason: 'too many connections' })
      return void socket.destroy()
    }
    this.sockets.add(socket)
    this.perAddress.set(address, fromAddress + 1)
    socket.setNoDelay(true)
    socket.setTimeout(IDLE_TIMEOUT_MS, () => session.close('idle'))
    const session: RtmpSession = new RtmpSession(socket, {
      onPublish: (key, app) => this.decide(session, socket, address, key, app),
      onProtocolError: message => log.warn('live.push_protocol_error', { address, error: message })
    })
    const deadline = setTimeout(() => {
      if (!session.publishing) session.close(`no publish within ${PUBLISH_DEADLINE_MS / 1000} s`)
    }, PUBLISH_DEADLINE_MS)
    socket.once('close', () => {
      clearTimeout(deadline)
      this.sockets.delete(socket)
      const left = (this.perAddress.get(address) ?? 1) - 1
      if (left <= 0) this.perAddress.delete(address)
      else this.perAddress.set(address, left)
    })
  }

  private decide (session: RtmpSession, socket: Socket, address: string, key: string, app: string): PublishDecision {
    const { inlets, bans, log } = this.options
    const inlet = inlets.find(candidate => sameKey(key, candidate.key))
    if (inlet === undefined) {
      // A ban (BanStatus) when this failure earned one, null otherwise.
      const banned = bans.recordFailure(address) !== null
      log.warn('live.push_refused', { address, app, reason: 'wrong stream key', banned })
      return { accept: false, description: 'wrong stream key: copy it again from Hearth' }
    }
    const feed = new PushFeed(address, {
      pause: () => socket.pause(),
      resume: () => socket.resume(),
      close: reason => session.close(reason)
    })
    const delivery = inlet.deliver(feed)
    if (delivery === 'taken') {
      log.info('live.push_started', { channel: inlet.channelName, address })
      return { accept: true, sink: feed }
    }
    feed.end('refused')
    const reason = delivery === 'busy' ? 'another publisher is streaming to this channel' : 'the channel is restarting; try again in a few seconds'
    log.warn('live.push_refused', { channel: inlet.channelName, address, reason })
    return { accept: false, description: reason }
  }
}
