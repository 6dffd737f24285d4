/**
 * Steps 2 and 3 of the assembly (seed-node.ts), and the seeder and tracker of step 4: the
 * stores on disk, the certificate source, the port (bound before the parts behind it), and
 * the tracker served on it, so the sync torrent and woken items can announce before the app
 * is built. Also where the seed node announces: the embedded tracker, or `--tracker`.
 */
import { announceUrls } from '../protocol/announce-url.ts'
import { createTracker, type HearthTracker } from '../tracker/tracker-server.ts'
import type { HouseholdAccess } from './access/household-access.ts'
import type { SeedNodeConfig } from './config.ts'
import type { Household } from './household.ts'
import { clientAddressOf } from './http/request-transport.ts'
import { defaultAllowedHosts } from './http/host-allow-list.ts'
import { plainHttpHandler } from './http/routes/onboarding-routes.ts'
import { checkFdHeadroom } from './lib/fd-headroom.ts'
import type { Logger } from './lib/log.ts'
import { FingerprintCache } from './library/fingerprint-cache.ts'
import { TorrentSeeder } from './library/torrent-seeder.ts'
import { PortListener, trackerOnlyHandler } from './port-listener.ts'
import { WatchStateLog } from './sync/watch-state-log.ts'
import type { TeardownStack } from './teardown-stack.ts'
import { openTls, type TlsSetup } from './tls/open-tls.ts'
import { reachOrigins } from './tls/reach.ts'
import { installWebRTCRuntime } from './webrtc/webrtc-runtime.ts'

/**
 * Tracker message budgets per connection, by role (tracker/message-budget.ts): the seed
 * node's own connection re-announces every library item each interval; a household browser
 * announces what it plays and seeds; a share-token guest one item (the tracker's defaults).
 */
const OWN_MESSAGES_PER_SECOND = 200
const OWN_MESSAGE_BURST = 20_000
const HOUSEHOLD_MESSAGES_PER_SECOND = 50
const HOUSEHOLD_MESSAGE_BURST = 2_000
const MS_PER_SEC = 1000

/** What startNetwork has running when it returns. */
export interface NetworkParts {
  watchState: WatchStateLog
  cache: FingerprintCache
  listener: PortListener
  tls: TlsSetup
  /** `host:port` this machine reaches the node at. */
  selfAddress: string
  /** Where the seed node announces its own torrents and downloads (see `ownAnnounceUrls`). */
  ownAnnounce: string[]
  seeder: TorrentSeeder
  tracker: HearthTracker
}

/** Names beyond the machine's own that the port answers for: the listen host, the public URL's and the household domain. */
function extraHostNames (config: SeedNodeConfig): string[] {
  const names = [config.host]
  if (config.publicUrl !== null) names.push(new URL(config.publicUrl).hostname)
  if (config.domain !== null) names.push(config.domain)
  return names
}

/** `host:port` this machine reaches the node at: a wildcard address is reached over loopback. */
function selfAddressOf (host: string, port: number): string {
  const reachable = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host
  return `${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`
}

/**
 * The embedded tracker, over WebSocket (browsers, WebRTC) and HTTP (classic clients find the
 * TCP/uTP port). Without WebRTC (webrtc-runtime.ts) over HTTP only, so no browser's offer is
 * relayed to a node that cannot answer it.
 */
export function embeddedAnnounceUrls (selfAddress: string, credential: string, webrtc: boolean): string[] {
  const urls = announceUrls(`http://${selfAddress}`, credential)
  return webrtc ? [urls.webSocket, urls.http] : [urls.http]
}

/** Where the seed node announces its own torrents: `--tracker` when given, else the embedded tracker. */
function ownAnnounceUrls (trackerUrl: string | null, selfAddress: string, credential: string, webrtc: boolean): string[] {
  return trackerUrl !== null ? [trackerUrl] : embeddedAnnounceUrls(selfAddress, credential, webrtc)
}

function createSeedNodeTracker (config: SeedNodeConfig, access: HouseholdAccess, seeder: TorrentSeeder, log: Logger): HearthTracker {
  return createTracker({
    authenticate: token => access.authenticate(token),
    // Library items sleep until someone asks: wake one before its announce is processed.
    // An awake item (most announces) returns nothing to wait for, so the tracker answers at once.
    beforeAnnounce: (infoHash, peerId) => {
      if (peerId === seeder.peerId) return
      const waking = seeder.wake(infoHash) // also marks an awake item as just asked for
      return seeder.isAwake(infoHash) ? undefined : waking
    },
    countsAsGuess: token => access.countsAsGuess(token),
    isOwnPeer: peerIdHex => peerIdHex === seeder.peerId,
    log: (level, event, fields) => log[level](event, fields),
    messagesPerSecond: HOUSEHOLD_MESSAGES_PER_SECOND,
    messageBurst: HOUSEHOLD_MESSAGE_BURST,
    ownMessagesPerSecond: OWN_MESSAGES_PER_SECOND,
    ownMessageBurst: OWN_MESSAGE_BURST,
    // Behind a trusted reverse proxy, bans count the client's address, not the proxy's.
    clientAddress: clientAddressOf,
    ban: { maxRetry: config.banMaxRetry, findTimeMs: config.banFindTimeSec * MS_PER_SEC, banTimeMs: config.banTimeSec * MS_PER_SEC, exemptLoopback: config.banExemptLoopback }
  })
}

/** Steps 2 and 3, and the seeder and tracker of step 4: from here the port serves the tracker. */
export async function startNetwork (config: SeedNodeConfig, household: Household, stack: TeardownStack, log: Logger): Promise<NetworkParts> {
  const watchState = await WatchStateLog.open(config.stateDir, log)
  stack.push('watch-state log', async () => await watchState.close())
  const cache = await FingerprintCache.open(config.stateDir, log)
  stack.push('fingerprint cache', async () => await cache.settle())
  const tls = await openTls(config, log)
  const source = tls.source
  if (source !== null) stack.push('certificate source', async () => await source.close())
  const fds = await checkFdHeadroom(log)
  const allowedHosts = defaultAllowedHosts(() => extraHostNames(config))
  const guard = { maxConnections: fds.maxConnections, allowedHosts, log }
  const listener = await PortListener.open(config.host, config.port, { tls: tls.source, trustProxy: config.trustProxy, guard, log })
  stack.push('port', async () => await listener.close())
  // Plain HTTP from other devices, while the port speaks HTTPS: a redirect or the onboarding page.
  listener.servePlain(plainHttpHandler({ ca: tls.ca, fallbackOrigin: () => reachOrigins(tls.facts(listener.port))[0] ?? '', log }))
  const selfAddress = selfAddressOf(config.host, listener.port)
  const webrtc = installWebRTCRuntime(log)
  if (!webrtc && config.trackerUrl !== null && /^wss?:/.test(config.trackerUrl)) {
    log.warn('webrtc.external_tracker_unusable', { tracker: config.trackerUrl, reason: 'a WebSocket tracker relays WebRTC offers, which this node cannot answer; browsers fetch from the web seed' })
  }
  const ownAnnounce = ownAnnounceUrls(config.trackerUrl, selfAddress, household.credential, webrtc)
  const seeder = new TorrentSeeder({
    announce: ownAnnounce,
    wakeOnDemand: config.trackerUrl === null,
    peerPort: config.peerPort,
    uploadLimitBytesPerSec: config.uploadLimitKiBps * 1024,
    maxPeerConnections: fds.maxPeerConnections,
    peerFdCeiling: fds.peerFdCeiling,
    libraryTorrent: async infoHash => await cache.readTorrent(infoHash),
    log
  })
  stack.push('seeder', async () => await seeder.close())
  const tracker = createSeedNodeTracker(config, household.access, seeder, log)
  stack.push('tracker', async () => await tracker.close())
  // The sync torrent and woken items announce to the embedded tracker before the app is built.
  listener.serve(trackerOnlyHandler(tracker))
  return { watchState, cache, listener, tls, selfAddress, ownAnnounce, seeder, tracker }
}
