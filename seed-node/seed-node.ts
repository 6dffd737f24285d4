/**
 * The seed node, assembled so that every part exists before anything uses it:
 *   1. checks and the household: options, library and state folders, key, access (nothing runs yet)
 *   2. stores on disk: the watch-state log, the fingerprint cache
 *   3. the certificate source (HTTPS beyond loopback: tls/open-tls.ts), then the port, bound
 *      before the parts behind it (why: port-listener.ts)
 *   4. seeder, tracker (the port serves it from here), hash pool, ingest, download queue, sync swarm
 *   5. the HTTP app, built with every part, takes over the port
 *   6. the first scan, the library watcher and the downloads start
 * Every part is pushed on a TeardownStack as it starts: `close()`, and a start-up failure at any
 * step, stop them newest first, so a failed start leaves no port open and no thread running.
 * `startSeedNode` is what the CLI and the tests call.
 */
import { access, constants, mkdir, opendir } from 'node:fs/promises'
import path from 'node:path'
import { announceUrls } from '../protocol/announce-url.ts'
import type { ReachReply } from '../protocol/api/reach.ts'
import type { StatusReply } from '../protocol/api/status.ts'
import { createTracker, type HearthTracker } from '../tracker/tracker-server.ts'
import { deriveKeys, type DerivedKeys } from '../protocol/library-key.ts'
import { pairingLink } from '../protocol/pairing-link.ts'
import { HouseholdAccess } from './access/household-access.ts'
import { loadOrCreateDeviceId, loadOrCreateLibraryKey } from './access/library-key-file.ts'
import { secureStateFolder } from './access/state-folder-security.ts'
import { resolveConfig, type SeedNodeConfig, type SeedNodeOptions } from './config.ts'
import { DownloadQueue } from './downloads/download-queue.ts'
import { createHttpServer } from './http/http-server.ts'
import { clientAddressOf } from './http/request-transport.ts'
import { plainHttpHandler } from './http/routes/onboarding-routes.ts'
import { HearthError, errnoCode } from './lib/errors.ts'
import { createLogger, type Logger } from './lib/log.ts'
import { FingerprintCache } from './library/fingerprint-cache.ts'
import { defaultHashThreads, HashPool } from './library/hash-pool.ts'
import { LibraryIngest } from './library/library-ingest.ts'
import { openEditions } from './editions/open-editions.ts'
import { LiveChannels } from './live/live-channels.ts'
import type { EditionService } from './editions/edition-service.ts'
import { ArtworkService } from './artwork/artwork-service.ts'
import type { EditionsAhead } from './editions/edition-ahead.ts'
import { EmbeddedSubtitleStore } from './library/subtitles/embedded-subtitle-store.ts'
import { LibraryRegistry } from './library/library-registry.ts'
import { watchLibrary } from './library/library-watcher.ts'
import { TorrentSeeder } from './library/torrent-seeder.ts'
import { WatchStateLog } from './sync/watch-state-log.ts'
import { joinSyncSwarm, type SyncSwarmMember } from './sync/sync-swarm-member.ts'
import { checkFdHeadroom } from './lib/fd-headroom.ts'
import { defaultAllowedHosts } from './http/host-allow-list.ts'
import { appHandler, PortListener, trackerOnlyHandler } from './port-listener.ts'
import { TeardownStack } from './teardown-stack.ts'
import { runtimeStats } from './lib/runtime-stats.ts'
import { installWebRTCRuntime, webrtcStats, webrtcUsable } from './webrtc/webrtc-runtime.ts'
import type { CertificateSource } from './tls/certificate-source.ts'
import { openTls, type TlsSetup } from './tls/open-tls.ts'
import { reachOrigins } from './tls/reach.ts'

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

export interface RunningSeedNode {
  config: SeedNodeConfig
  /** `http://host:port` this machine reaches the node at (plain HTTP from the machine itself is always served). */
  url: string
  port: number
  registry: LibraryRegistry
  ingest: LibraryIngest
  tracker: HearthTracker
  seeder: TorrentSeeder
  /** Resolves when the first library scan has finished. */
  firstScan: Promise<void>
  watchState: WatchStateLog
  sync: SyncSwarmMember
  /** Who may use this node; `credential` is what paired devices send. */
  access: HouseholdAccess
  /** The download queue into `<library>/Downloads`. */
  downloads: DownloadQueue
  /** The link that pairs a device with this household (the key rides in the fragment); by default at the likeliest origin. */
  pairingLink (origin?: string): string
  /** How other devices reach the node: origins likeliest first, the certificate in service (`GET /api/reach`). */
  reach (): ReachReply
  /** The certificate source when the port speaks HTTPS, else null. */
  tls: CertificateSource | null
  close (): Promise<void>
}

interface Household {
  libraryKey: Uint8Array
  keys: DerivedKeys
  /** What paired devices present to the API, the web seed and the tracker. */
  credential: string
  access: HouseholdAccess
  deviceId: string
}

/** Everything behind the port, built (steps 2 to 4). */
interface Parts {
  registry: LibraryRegistry
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
  ingest: LibraryIngest
  downloads: DownloadQueue
  sync: SyncSwarmMember
  editions: EditionService
  artwork: ArtworkService
  editionsAhead: EditionsAhead
  live: LiveChannels
}

/** Names beyond the machine's own that the port answers for: the listen host, the public URL's and the household domain. */
function extraHostNames (config: SeedNodeConfig): string[] {
  const names = [config.host]
  if (config.publicUrl !== null) names.push(new URL(config.publicUrl).hostname)
  if (config.domain !== null) names.push(config.domain)
  return names
}

async function checkLibrary (dir: string): Promise<void> {
  try {
    const handle = await opendir(dir)
    await handle.close()
  } catch (err) {
    const code = errnoCode(err)
    if (code === 'ENOENT') throw new HearthError('HEARTH_E_LIBRARY_MISSING', `library folder not found: ${dir}`)
    if (code === 'ENOTDIR') throw new HearthError('HEARTH_E_LIBRARY_MISSING', `library path is not a folder: ${dir}`)
    throw new HearthError('HEARTH_E_LIBRARY_UNREADABLE', `library folder cannot be read (${code ?? String(err)}): ${dir}`)
  }
}

async function prepareState (stateDir: string, libraryDir: string): Promise<void> {
  const relative = path.relative(libraryDir, stateDir)
  if (relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))) {
    throw new HearthError('HEARTH_E_BAD_OPTION', `state folder ${stateDir} is inside the library ${libraryDir}; the library is read-only to Hearth, choose another --state`)
  }
  try {
    await mkdir(stateDir, { recursive: true })
    await access(stateDir, constants.W_OK)
  } catch (err) {
    throw new HearthError('HEARTH_E_STATE_UNWRITABLE', `state folder cannot be written (${errnoCode(err) ?? String(err)}): ${stateDir}`)
  }
}

async function openHousehold (stateDir: string, log: Logger): Promise<Household> {
  await secureStateFolder(stateDir, log)
  const { key: libraryKey, created } = await loadOrCreateLibraryKey(stateDir)
  if (created) log.info('household.key_created', { state: stateDir })
  const keys = await deriveKeys(libraryKey)
  const credential = keys.credential
  const access = await HouseholdAccess.open(stateDir, credential)
  return { libraryKey, keys, credential, access, deviceId: await loadOrCreateDeviceId(stateDir) }
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
function embeddedAnnounceUrls (selfAddress: string, credential: string, webrtc: boolean): string[] {
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
async function startNetwork (config: SeedNodeConfig, household: Household, stack: TeardownStack, log: Logger): Promise<Pick<Parts, 'watchState' | 'cache' | 'listener' | 'tls' | 'selfAddress' | 'ownAnnounce' | 'seeder' | 'tracker'>> {
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
    log
  })
  stack.push('seeder', async () => await seeder.close())
  const tracker = createSeedNodeTracker(config, household.access, seeder, log)
  stack.push('tracker', async () => await tracker.close())
  // The sync torrent and woken items announce to the embedded tracker before the app is built.
  listener.serve(trackerOnlyHandler(tracker))
  return { watchState, cache, listener, tls, selfAddress, ownAnnounce, seeder, tracker }
}

/** Step 4: the rest of the parts, behind a port that already serves the tracker. */
async function buildParts (config: SeedNodeConfig, household: Household, stack: TeardownStack, log: Logger): Promise<Parts> {
  const network = await startNetwork(config, household, stack, log)
  const { seeder, cache } = network
  const registry = new LibraryRegistry()
  const { editions, editionsAhead } = await openEditions(config, registry, stack, log, seeder)
  const artwork = new ArtworkService({ stateDir: config.stateDir, ffmpeg: editions.support() !== 'no-ffmpeg', log })
  const live = await LiveChannels.open(config, stack, log)
  const hashPool = new HashPool(defaultHashThreads(), log)
  stack.push('hash pool', async () => await hashPool.close())
  // Ingest skips what a download is still writing, and a finished download is admitted by
  // ingest: the two refer to each other. Ingest asks the queue only while scanning, and the
  // first scan starts after the queue exists (step 6).
  const ingest = new LibraryIngest({ libraryRoot: config.libraryDir, cache, registry, seeder, hashPool, log, followSymlinks: config.followSymlinks, isBusy: relativePath => downloads.isBusy(relativePath) })
  // The queue is loaded before the first scan, so partial downloads are never ingested.
  const downloads = await DownloadQueue.open({
    libraryDir: config.libraryDir,
    stateDir: config.stateDir,
    maxActive: config.maxActiveDownloads,
    ownAnnounce: network.ownAnnounce,
    seeder,
    ingest,
    inLibrary: infoHash => seeder.isSeeding(infoHash),
    log
  })
  stack.push('download queue', async () => await downloads.close())
  // The sync swarm always meets at the embedded tracker, even with --tracker (see sync-swarm-member.ts).
  const announce = embeddedAnnounceUrls(network.selfAddress, household.credential, webrtcUsable())
  // Offers of our own (each a WebRTC peer: webrtc-runtime.ts) only while a browser is in the swarm to take them.
  const wantsOffers = (infoHash: string): boolean => network.tracker.webRtcPeers(infoHash, seeder.peerId) > 0
  const sync = await joinSyncSwarm({ seeder, keys: household.keys, deviceId: household.deviceId, store: network.watchState, stateDir: config.stateDir, announce, wantsOffers, log })
  return { ...network, registry, ingest, downloads, sync, editions, editionsAhead, artwork, live }
}

function statusOf (parts: Parts, config: SeedNodeConfig, startedAtMs: number): StatusReply {
  const { registry, ingest, seeder, tracker, sync, watchState } = parts
  return {
    version: 1,
    uptimeSec: Math.round((Date.now() - startedAtMs) / MS_PER_SEC),
    items: registry.size,
    itemsOffline: registry.offlineCount(),
    ingest: ingest.stats,
    seeder: seeder.stats(),
    // Spread: TrackerStats is an interface, and only an object type meets the reply's record.
    tracker: { ...tracker.stats() },
    sync: { infoHash: sync.infoHash, peers: sync.peers(), ...sync.stats },
    watchState: watchState.stats,
    webSeed: config.webSeed,
    webrtc: webrtcStats(),
    runtime: runtimeStats(),
    editions: parts.editionsAhead.status(),
    live: parts.live.statuses()
  }
}

function pictureKeysInUse (registry: LibraryRegistry): Set<string> {
  const keys = new Set<string>()
  for (const item of registry.list()) {
    if (item.metadata.poster !== null) keys.add(item.metadata.poster.key)
    if (item.metadata.seriesPoster !== null) keys.add(item.metadata.seriesPoster.key)
  }
  return keys
}

/**
 * Step 6: the catalog from the index (served at once: the app handler is already in place),
 * then the first scan, the watcher and the downloads; `firstScan` settles when that scan ends.
 * Folders are watched only once the first scan has listed them, so serving waits for neither.
 */
async function startLibrary (parts: Parts, config: SeedNodeConfig, stack: TeardownStack, log: Logger): Promise<{ firstScan: Promise<void> }> {
  await parts.ingest.restore()
  const scan = async (): Promise<readonly string[]> => {
    await parts.ingest.scan()
    // Pictures of what is gone or changed are removed once the scan knows what is current.
    await parts.artwork.prune(pictureKeysInUse(parts.registry)).catch((err: unknown) => log.warn('artwork.prune_failed', { error: err instanceof Error ? err.message : String(err) }))
    return parts.ingest.folders
  }
  const firstScan = scan()
  const watcher = watchLibrary(config.libraryDir, config.rescanIntervalSec, scan, log)
  firstScan.then(folders => watcher.sync(folders), () => {})
  stack.push('library watcher', async () => {
    watcher.stop()
    await firstScan.catch(() => {})
  })
  await parts.downloads.start()
  return { firstScan: firstScan.then(() => {}) }
}

export async function startSeedNode (options: SeedNodeOptions, log: Logger = createLogger(options.logLevel ?? 'info')): Promise<RunningSeedNode> {
  const startedAtMs = Date.now()
  const requested = resolveConfig(options)
  await checkLibrary(requested.libraryDir)
  await prepareState(requested.stateDir, requested.libraryDir)
  const household = await openHousehold(requested.stateDir, log)
  const stack = new TeardownStack(log)
  try {
    const parts = await buildParts(requested, household, stack, log)
    const config = { ...requested, port: parts.listener.port }
    const { registry, tracker, downloads } = parts
    const reach = (): ReachReply => parts.tls.reach(config.port)
    const app = createHttpServer({ config, registry, tracker, access: household.access, log, downloads, editions: parts.editions, artwork: parts.artwork, live: parts.live, embeddedSubtitles: new EmbeddedSubtitleStore(config.stateDir, log), status: () => statusOf(parts, config, startedAtMs), reach, torrentFile: async infoHash => parts.cache.hasTorrent(infoHash) ? await parts.cache.readTorrent(infoHash) : null })
    parts.listener.serve(appHandler(app))
    const { firstScan } = await startLibrary(parts, config, stack, log)
    const url = `http://${parts.selfAddress}`
    log.info('seed_node.listening', { url, origins: reach().origins.join(','), tls: reach().tls.mode, library: config.libraryDir, state: config.stateDir, webSeed: config.webSeed })
    const { ingest, seeder, watchState, sync } = parts
    let closing: Promise<void> | null = null
    return {
      config, url, port: config.port, registry, ingest, tracker, seeder, firstScan, watchState, sync, access: household.access, downloads,
      pairingLink: (origin = reach().origins[0] ?? url) => pairingLink(origin, household.libraryKey),
      reach,
      tls: parts.tls.source,
      close: async () => {
        closing ??= stack.closeAll().then(() => log.info('seed_node.stopped'))
        await closing
      }
    }
  } catch (err) {
    // The caller reports the error itself; this says what was stopped again because of it.
    const started = stack.names.join(', ')
    await stack.closeAll()
    log.info('seed_node.start_undone', { stopped: started, error: err instanceof Error ? err.message : String(err) })
    throw err
  }
}
