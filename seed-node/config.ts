/**
 * The seed node's options: each has a documented default and a bound, and unknown ones
 * are refused with a message naming them (see cli.ts).
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { HearthError } from './lib/errors.ts'
import type { LogLevel } from './lib/log.ts'

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export interface SeedNodeConfig {
  /** Folder of films, series and music. Read-only to Hearth. Default: the sample library in the repo. */
  libraryDir: string
  /** Where Hearth keeps torrents, fingerprints and (later) watch state. Default `./.hearth-state`. */
  stateDir: string
  /** Address the HTTP server (PWA, API, web seed, tracker) listens on. Default 127.0.0.1. */
  host: string
  /** Port for the HTTP server, 0 for any free one. Default 8787. */
  port: number
  /** Announce URL of an external tracker; when unset the embedded tracker at /announce is used. */
  trackerUrl: string | null
  /** Whether magnet links offer the HTTP web seed as a fallback source. Default true. */
  webSeed: boolean
  /** TCP/uTP port for classic BitTorrent clients, 0 for any free one. Default 0. */
  peerPort: number
  /** Cap on upload to all peers together, in KiB/s, as Transmission's speed limit; 0 = none. Default 0; 0 – 10,000,000. */
  uploadLimitKiBps: number
  /** Seconds between library rescans (new, changed and vanished files). Default 60; 5 – 86400. */
  rescanIntervalSec: number
  /** The built PWA to serve. Default `<repo>/dist`. */
  appDir: string
  logLevel: LogLevel
  /** fail2ban: wrong credentials from one address within `banFindTimeSec` that earn a ban. Default 5; 1 – 100. */
  banMaxRetry: number
  /** fail2ban: the window failures are counted in, seconds. Default 600; 1 – 86400. */
  banFindTimeSec: number
  /** fail2ban: how long a ban lasts, seconds. Default 600; 1 – 604800. */
  banTimeSec: number
  /** fail2ban: never ban loopback addresses (this machine). Default false. */
  banExemptLoopback: boolean
  /** Downloads running at once; the rest wait queued. Default 3; 1 – 20. */
  maxActiveDownloads: number
  /** Name shown in the app. Default: the library folder's name. */
  libraryName: string
}

export const DEFAULTS = {
  libraryDir: path.join(REPO_ROOT, 'sample-library'),
  stateDir: '.hearth-state',
  host: '127.0.0.1',
  port: 8787,
  trackerUrl: null,
  webSeed: true,
  peerPort: 0,
  uploadLimitKiBps: 0,
  rescanIntervalSec: 60,
  appDir: path.join(REPO_ROOT, 'dist'),
  logLevel: 'info',
  banMaxRetry: 5,
  banFindTimeSec: 600,
  banTimeSec: 600,
  banExemptLoopback: false,
  maxActiveDownloads: 3
} as const satisfies Omit<SeedNodeConfig, 'libraryName'>

function badOption (message: string): HearthError {
  return new HearthError('HEARTH_E_BAD_OPTION', message)
}

function port (name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw badOption(`${name} must be an integer 0-65535, got ${value}`)
  return value
}

/** Fills defaults and checks bounds. Throws HEARTH_E_BAD_OPTION naming the option. */
export function resolveConfig (input: Partial<SeedNodeConfig>): SeedNodeConfig {
  const merged = { ...DEFAULTS, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) }
  if (merged.trackerUrl !== null && !/^wss?:\/\/[^\s]+$/.test(merged.trackerUrl)) {
    throw badOption(`--tracker must be a ws:// or wss:// URL, got ${merged.trackerUrl}`)
  }
  if (!Number.isInteger(merged.rescanIntervalSec) || merged.rescanIntervalSec < 5 || merged.rescanIntervalSec > 86400) {
    throw badOption(`--rescan-interval must be 5-86400 seconds, got ${merged.rescanIntervalSec}`)
  }
  if (!Number.isInteger(merged.uploadLimitKiBps) || merged.uploadLimitKiBps < 0 || merged.uploadLimitKiBps > 10_000_000) {
    throw badOption(`--upload-limit must be 0-10000000 KiB/s, got ${merged.uploadLimitKiBps}`)
  }
  for (const [name, value, max] of [['--ban-max-retry', merged.banMaxRetry, 100], ['--ban-find-time', merged.banFindTimeSec, 86400], ['--ban-time', merged.banTimeSec, 604800]] as const) {
    if (!Number.isInteger(value) || value < 1 || value > max) throw badOption(`${name} must be 1-${max}, got ${value}`)
  }
  if (!Number.isInteger(merged.maxActiveDownloads) || merged.maxActiveDownloads < 1 || merged.maxActiveDownloads > 20) {
    throw badOption(`--max-active-downloads must be 1-20, got ${merged.maxActiveDownloads}`)
  }
  if (!['debug', 'info', 'warn', 'error'].includes(merged.logLevel)) throw badOption(`--log-level must be debug, info, warn or error, got ${merged.logLevel}`)
  const libraryDir = path.resolve(merged.libraryDir)
  return {
    ...merged,
    libraryDir,
    stateDir: path.resolve(merged.stateDir),
    appDir: path.resolve(merged.appDir),
    port: port('--port', merged.port),
    peerPort: port('--peer-port', merged.peerPort),
    libraryName: input.libraryName ?? path.basename(libraryDir)
  }
}
