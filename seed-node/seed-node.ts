/**
 * The seed node, assembled so that every part exists before anything uses it:
 *   1. checks and the household: options, library and state folders, key, access (nothing
 *      runs yet; household.ts)
 *   2. stores on disk: the watch-state log, the fingerprint cache (seed-node-network.ts)
 *   3. the certificate source (HTTPS beyond loopback: tls/open-tls.ts), then the port, bound
 *      before the parts behind it (why: port-listener.ts; seed-node-network.ts)
 *   4. seeder, tracker (the port serves it from here: seed-node-network.ts), hash pool,
 *      ingest, download queue, sync swarm
 *   5. the HTTP app, built with every part, takes over the port
 *   6. the first scan, the library watcher and the downloads start
 * Every part is pushed on a TeardownStack as it starts: `close()`, and a start-up failure at any
 * step, stop them newest first, so a failed start leaves no port open and no thread running.
 * `startSeedNode` is what the CLI and the tests call.
 */
import type { ReachReply } from '../protocol/api/reach.ts'
import type { StatusReply } from '../protocol/api/status.ts'
import type { HearthTracker } from '../tracker/tracker-server.ts'
import { pairingLink } from '../protocol/pairing-link.ts'
import type { HouseholdAccess } from './access/household-access.ts'
import { resolveConfig, type SeedNodeConfig, type SeedNodeOptions } from './config.ts'
import { DownloadQueue } from './downloads/download-queue.ts'
import { checkLibrary, openHousehold, prepareState, type Household } from './household.ts'
import { createHttpServer } from './http/http-server.ts'
import { createLogger, type Logger } from './lib/log.ts'
import { defaultHashThreads, HashPool } from './library/hash-pool.ts'
import { LibraryIngest } from './library/library-ingest.ts'
import { openEditions } from './editions/open-editions.ts'
import { detectFfmpeg } from './editions/ffmpeg-tools.ts'
import { LiveChannels } from './live/live-channels.ts'
import type { EditionService } from './editions/edition-service.ts'
import { ArtworkService } from './artwork/artwork-service.ts'
import type { EditionsAhead } from './editions/edition-ahead.ts'
import { EmbeddedSubtitleStore } from './library/subtitles/embedded-subtitle-store.ts'
import { LibraryRegistry } from './library/library-registry.ts'
import { watchLibrary } from './library/library-watcher.ts'
import type { TorrentSeeder } from './library/torrent-seeder.ts'
import type { WatchStateLog } from './sync/watch-state-log.ts'
import { joinSyncSwarm, type SyncSwarmMember } from './sync/sync-swarm-member.ts'
import { appHandler } from './port-listener.ts'
import { embeddedAnnounceUrls, startNetwork, type NetworkParts } from './seed-node-network.ts'
import { TeardownStack } from './teardown-stack.ts'
import { trimHeapAfterChange } from './lib/heap-trim.ts'
import { runtimeStats } from './lib/runtime-stats.ts'
import { webrtcStats, webrtcUsable } from './webrtc/webrtc-runtime.ts'
import type { CertificateSource } from './tls/certificate-source.ts'

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
  /** Live channels (`--live`), with OBS's settings for the ones it pushes to. */
  live: LiveChannels
  close (): Promise<void>
}


/** Everything behind the port, built (steps 2 to 4). */
interface Parts extends NetworkParts {
  registry: LibraryRegistry
  ingest: LibraryIngest
  downloads: DownloadQueue
  sync: SyncSwarmMember
  editions: EditionService
  artwork: ArtworkService
  editionsAhead: EditionsAhead
  live: LiveChannels
}




/** Step 4: the rest of the parts, behind a port that already serves the tracker. */
async function buildParts (config: SeedNodeConfig, household: Household, stack: TeardownStack, log: Logger): Promise<Parts> {
  const network = await startNetwork(config, household, stack, log)
  const { seeder, cache } = network
  const registry = new LibraryRegistry()
  const { editions, editionsAhead } = await openEditions(config, registry, stack, log, seeder)
  const artwork = new ArtworkService({ stateDir: config.stateDir, ffmpeg: editions.support() !== 'no-ffmpeg', log })
  const live = await LiveChannels.open(config, stack, log, network.tracker.bans)
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
    // The garbage of a scan that changed items (and of the index load) goes now, not hours later.
    trimHeapAfterChange(parts.registry.changes.version)
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
  void detectFfmpeg() // answered by the time editions ask (ffmpeg-tools.ts)
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
      live: parts.live,
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
