/**
 * The seed node, assembled: checks its folders, mounts the tracker and the HTTP server,
 * then ingests the library and seeds every item while watching for changes.
 * `startSeedNode` is what the CLI and the tests call.
 */
import { access, constants, mkdir, opendir } from 'node:fs/promises'
import path from 'node:path'
import { createTracker, type HearthTracker } from '../tracker/tracker-server.ts'
import { announceUrls } from '../protocol/announce-url.ts'
import type { StatusReply } from '../protocol/api/status.ts'
import { HouseholdAccess } from './access/household-access.ts'
import { resolveConfig, type SeedNodeConfig } from './config.ts'
import { HearthError, errnoCode } from './lib/errors.ts'
import { FingerprintCache } from './library/fingerprint-cache.ts'
import { createHttpServer, listen } from './http/http-server.ts'
import { LibraryIngest } from './library/library-ingest.ts'
import { LibraryRegistry } from './library/library-registry.ts'
import { watchLibrary } from './library/library-watcher.ts'
import { createLogger, type Logger } from './lib/log.ts'
import { TorrentSeeder } from './library/torrent-seeder.ts'
import { defaultHashThreads, HashPool } from './library/hash-pool.ts'
import { WatchStateLog } from './sync/watch-state-log.ts'
import { joinSyncSwarm, type SyncSwarmMember } from './sync/sync-swarm-member.ts'
import { loadOrCreateDeviceId, loadOrCreateLibraryKey } from './access/library-key-file.ts'
import { deriveKeys } from '../protocol/library-key.ts'
import { pairingLink } from '../protocol/pairing-link.ts'
import { DownloadQueue } from './downloads/download-queue.ts'

/**
 * Tracker message budget per connection. Browsers send a handful of messages; the seed
 * node's own connection re-announces every library item each interval.
 */
const SEED_NODE_MESSAGES_PER_SECOND = 200
const SEED_NODE_MESSAGE_BURST = 20_000

export interface RunningSeedNode {
  config: SeedNodeConfig
  /** `http://host:port` the node listens on. */
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
  /** The link that pairs a device with this household (the key rides in the fragment). */
  pairingLink (origin?: string): string
  close (): Promise<void>
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

export async function startSeedNode (options: Partial<SeedNodeConfig>, log: Logger = createLogger(options.logLevel ?? 'info')): Promise<RunningSeedNode> {
  const config = resolveConfig(options)
  await checkLibrary(config.libraryDir)
  await prepareState(config.stateDir, config.libraryDir)

  const { key: libraryKey, created: keyCreated } = await loadOrCreateLibraryKey(config.stateDir)
  if (keyCreated) log.info('household.key_created', { state: config.stateDir })
  const keys = await deriveKeys(libraryKey)
  const access = await HouseholdAccess.open(config.stateDir, keys.credential)
  const registry = new LibraryRegistry()
  const tracker = createTracker({
    authenticate: token => access.authenticate(token),
    // Library items sleep until someone asks: wake one before its announce is processed.
    beforeAnnounce: async (infoHash, peerId) => {
      if (seeder !== null && peerId !== seeder.peerId) await seeder.wake(infoHash)
    },
    log: (level, event, fields) => log[level](event, fields),
    // The seed node announces every library item over its one connection.
    messagesPerSecond: SEED_NODE_MESSAGES_PER_SECOND,
    messageBurst: SEED_NODE_MESSAGE_BURST,
    ban: { maxRetry: config.banMaxRetry, findTimeMs: config.banFindTimeSec * 1000, banTimeMs: config.banTimeSec * 1000, exemptLoopback: config.banExemptLoopback }
  })
  const startedAt = Date.now()
  let ingest: LibraryIngest | null = null
  let seeder: TorrentSeeder | null = null
  let sync: SyncSwarmMember | null = null
  let watchState: WatchStateLog | null = null
  let downloads: DownloadQueue | null = null
  const server = createHttpServer({
    config,
    registry,
    tracker,
    access,
    log,
    downloads: () => downloads,
    status: (): StatusReply => ({
      version: 1,
      uptimeSec: Math.round((Date.now() - startedAt) / 1000),
      items: registry.size,
      itemsOffline: registry.offlineCount(),
      ingest: ingest?.stats ?? null,
      seeder: seeder?.stats() ?? null,
      // Spread: TrackerStats is an interface, and only an object type meets the reply's record.
      tracker: { ...tracker.stats() },
      sync: sync ? { infoHash: sync.infoHash, peers: sync.peers(), ...sync.stats } : null,
      watchState: watchState?.stats ?? null,
      webSeed: config.webSeed
    })
  })
  const port = await listen(server, config.host, config.port)
  const listenHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host
  const hostForUrl = listenHost.includes(':') ? `[${listenHost}]` : listenHost
  const url = `http://${hostForUrl}:${port}`
  const resolved = { ...config, port }

  // The seed node announces over WebSocket (browsers find it, WebRTC) and over HTTP (classic
  // clients such as Transmission find its TCP/uTP port).
  // The sync swarm always meets at this embedded tracker, even with --tracker (see sync-swarm-member.ts).
  const ownUrls = announceUrls(url, access.credential)
  const embeddedAnnounce = [ownUrls.webSocket, ownUrls.http]
  const ownAnnounce = config.trackerUrl !== null ? [config.trackerUrl] : embeddedAnnounce
  seeder = new TorrentSeeder({ announce: ownAnnounce, wakeOnDemand: config.trackerUrl === null, peerPort: config.peerPort, uploadLimitBytesPerSec: config.uploadLimitKiBps * 1024, log })
  const deviceId = await loadOrCreateDeviceId(config.stateDir)
  const activeWatchState = await WatchStateLog.open(config.stateDir, log)
  watchState = activeWatchState
  const activeSync = await joinSyncSwarm({ seeder, keys, deviceId, store: activeWatchState, stateDir: config.stateDir, announce: embeddedAnnounce, log })
  sync = activeSync
  const cache = await FingerprintCache.open(config.stateDir, log)
  // The queue is loaded before the first scan, so partial downloads are never ingested.
  let queue: DownloadQueue | null = null
  const hashPool = new HashPool(defaultHashThreads(), log)
  ingest = new LibraryIngest({ libraryRoot: config.libraryDir, cache, registry, seeder, hashPool, log, isBusy: relativePath => queue?.isBusy(relativePath) ?? false })
  const activeIngest = ingest
  queue = await DownloadQueue.open({ libraryDir: config.libraryDir, stateDir: config.stateDir, maxActive: config.maxActiveDownloads, ownAnnounce, seeder, ingest, inLibrary: infoHash => seeder?.isSeeding(infoHash) ?? false, log })
  const activeDownloads = queue
  const firstScan = activeIngest.scan()
  const stopWatching = watchLibrary(config.libraryDir, config.rescanIntervalSec, async () => await activeIngest.scan(), log)
  await activeDownloads.start()
  downloads = activeDownloads
  log.info('seed_node.listening', { url, library: config.libraryDir, state: config.stateDir, webSeed: config.webSeed })

  const activeSeeder = seeder
  let closing: Promise<void> | null = null
  return {
    config: resolved,
    url,
    port,
    registry,
    ingest,
    tracker,
    seeder,
    firstScan,
    watchState: activeWatchState,
    sync: activeSync,
    access,
    downloads: activeDownloads,
    pairingLink: (origin = url) => pairingLink(origin, libraryKey),
    close: async () => {
      closing ??= (async () => {
        stopWatching()
        await firstScan.catch(() => {})
        await activeDownloads.close()
        await cache.flush()
        await hashPool.close()
        await activeSeeder.close()
        await activeWatchState.close()
        await tracker.close()
        server.closeAllConnections()
        await new Promise<void>(resolve => server.close(() => resolve()))
        log.info('seed_node.stopped')
      })()
      await closing
    }
  }
}
