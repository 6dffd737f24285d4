/**
 * Every seed-node option, once: its flag, doc line, default and bound in one table
 * (`SEED_NODE_OPTIONS`), from which follow the `SeedNodeConfig` type, the `--help` text and
 * the command-line parsing (cli-arguments.ts), and the checks in `resolveConfig`. Unknown
 * keys are refused by name, values out of bounds with a message naming the flag.
 * (The shape of tracker/tracker-options.ts, after aquatic_ws's config.)
 */
import net from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { HearthError } from './lib/errors.ts'
import { normalizeAddress } from './lib/peer-address.ts'
import { parseRecordSpecs } from './live/record/record-spec.ts'
import { parseLiveChannels } from './live/live-source.ts'

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** What every option has: its command-line flag (null: programmatic only) and its line in `--help`. */
interface Described {
  flag: `--${string}` | null
  /** Placeholder shown after the flag in `--help` (`<folder>`). */
  arg?: string
  doc: string
}

/** A folder (resolved against the working directory) or a plain text value. */
export interface TextSpec extends Described {
  kind: 'path' | 'string'
  /** A fixed default, one computed from the options above it in the table, or null for none (the value is then `string | null`). */
  fallback: string | null | ((earlier: Record<string, unknown>) => string)
  /** How `--help` names the default when the value itself says little (an absolute path). */
  shownDefault?: string
}

export interface IntSpec extends Described {
  kind: 'int'
  fallback: number
  min: number
  max: number
  /** Unit named in the bound's error message (`seconds`). */
  unit?: string
}

/** A boolean whose flag sets the opposite of its default (`--no-web-seed`, `--ban-exempt-loopback`). */
export interface SwitchSpec extends Described {
  kind: 'boolean'
  fallback: boolean
}

export interface EnumSpec<V extends string> extends Described {
  kind: 'enum'
  values: readonly V[]
  fallback: V
}

/** A URL with one of `schemes`, or null (the default) for none. */
export interface UrlSpec extends Described {
  kind: 'url'
  schemes: readonly string[]
  /** An origin only (`https://name:port`): no path, query, fragment or user. */
  originOnly?: true
  fallback: null
}

/** A file (resolved against the working directory), or null (the default) for none. */
export interface FileSpec extends Described {
  kind: 'file'
  fallback: null
}

/** Comma-separated IP addresses, as a list; empty (the default) for none. */
export interface AddressListSpec extends Described {
  kind: 'addresses'
  fallback: readonly []
}

/** A repeatable flag (`--live A=… --live B=…`): every value, checked by `check`; empty (the default) for none. */
export interface RepeatedSpec extends Described {
  kind: 'repeated'
  /** A message naming what is wrong with the values, or null when they are good. */
  check: (values: readonly string[]) => string | null
  fallback: readonly []
}

export type OptionSpec = TextSpec | IntSpec | SwitchSpec | EnumSpec<string> | UrlSpec | FileSpec | AddressListSpec | RepeatedSpec

/** An enum entry, keeping its values' literal types (so `logLevel` is `'debug' | 'info' | ...`). */
const enumOption = <const V extends string>(spec: Described & { values: readonly V[], fallback: NoInfer<V> }): EnumSpec<V> => ({ kind: 'enum', ...spec })

export const SEED_NODE_OPTIONS = {
  libraryDir: { kind: 'path', flag: '--library', arg: '<folder>', doc: 'media folder to serve, read-only', fallback: path.join(REPO_ROOT, 'sample-library'), shownDefault: 'the sample library' },
  followSymlinks: { kind: 'boolean', flag: '--follow-symlinks', doc: 'serve symlinked files whose target is outside the library folder', fallback: false },
  stateDir: { kind: 'path', flag: '--state', arg: '<folder>', doc: 'where Hearth keeps its own data', fallback: '.hearth-state' },
  host: { kind: 'string', flag: '--host', arg: '<address>', doc: 'address to listen on; 0.0.0.0 for the whole LAN', fallback: '127.0.0.1' },
  port: { kind: 'int', flag: '--port', arg: '<number>', doc: 'HTTP port for app, API, web seed and tracker; 0 = any', fallback: 8787, min: 0, max: 65535 },
  trackerUrl: { kind: 'url', flag: '--tracker', arg: '<ws-url>', doc: 'use an external tracker instead of the embedded one at /announce', schemes: ['ws:', 'wss:'], fallback: null },
  webSeed: { kind: 'boolean', flag: '--no-web-seed', doc: 'do not offer the HTTP web seed: WebRTC/BitTorrent peers only', fallback: true },
  peerPort: { kind: 'int', flag: '--peer-port', arg: '<number>', doc: 'TCP/uTP port for classic BitTorrent clients; 0 = any', fallback: 0, min: 0, max: 65535 },
  uploadLimitKiBps: { kind: 'int', flag: '--upload-limit', arg: '<KiB/s>', doc: 'cap on upload to all peers together; 0 = none', fallback: 0, min: 0, max: 10_000_000, unit: 'KiB/s' },
  rescanIntervalSec: { kind: 'int', flag: '--rescan-interval', arg: '<sec>', doc: 'seconds between library rescans', fallback: 60, min: 5, max: 24 * 60 * 60, unit: 'seconds' },
  appDir: { kind: 'path', flag: '--app', arg: '<folder>', doc: 'built PWA to serve', fallback: path.join(REPO_ROOT, 'dist'), shownDefault: 'dist/ in the repo' },
  banMaxRetry: { kind: 'int', flag: '--ban-max-retry', arg: '<n>', doc: 'wrong credentials from one address that earn a ban', fallback: 5, min: 1, max: 100 },
  banFindTimeSec: { kind: 'int', flag: '--ban-find-time', arg: '<sec>', doc: 'window in which those failures are counted', fallback: 10 * 60, min: 1, max: 24 * 60 * 60, unit: 'seconds' },
  banTimeSec: { kind: 'int', flag: '--ban-time', arg: '<sec>', doc: 'how long a ban lasts', fallback: 10 * 60, min: 1, max: 7 * 24 * 60 * 60, unit: 'seconds' },
  banExemptLoopback: { kind: 'boolean', flag: '--ban-exempt-loopback', doc: "never ban this machine's own addresses (127.0.0.1, ::1)", fallback: false },
  maxActiveDownloads: { kind: 'int', flag: '--max-active-downloads', arg: '<n>', doc: 'downloads running at once; the rest wait', fallback: 3, min: 1, max: 20 },
  https: enumOption({ flag: '--https', arg: '<mode>', doc: 'when the port speaks HTTPS (auto: when listening beyond loopback)', values: ['auto', 'on', 'off'], fallback: 'auto' }),
  publicUrl: { kind: 'url', flag: '--public-url', arg: '<https-url>', doc: 'the address other devices use (your name, a reverse proxy); links name it', schemes: ['https:'], originOnly: true, fallback: null },
  tlsCert: { kind: 'file', flag: '--tls-cert', arg: '<file>', doc: 'certificate (PEM, with its chain) instead of the household CA; reloaded on change', fallback: null },
  tlsKey: { kind: 'file', flag: '--tls-key', arg: '<file>', doc: "the certificate's private key (PEM); give both or neither", fallback: null },
  trustProxy: { kind: 'addresses', flag: '--trust-proxy', arg: '<addresses>', doc: 'reverse proxies (comma-separated IPs) whose X-Forwarded-Proto/Host/For count', fallback: [] },
  editions: enumOption({ flag: '--editions', arg: '<mode>', doc: 'browser editions (ffmpeg: audio to AAC, container to MP4) for files a device cannot play; ahead: also made in the background for every file that needs one', values: ['on-demand', 'ahead', 'off'], fallback: 'on-demand' }),
  editionsMaxGb: { kind: 'int', flag: '--editions-max-gb', arg: '<GB>', doc: 'disk space for finished editions; least recently used removed first', fallback: 20, min: 1, max: 100_000, unit: 'GB' },
  transcodeVideo: { kind: 'boolean', flag: '--transcode-video', doc: 'editions may also convert video (HEVC etc. to H.264): heavy, slow on a router', fallback: false },
  logLevel: enumOption({ flag: '--log-level', arg: '<level>', doc: 'how much to log', values: ['debug', 'info', 'warn', 'error'], fallback: 'info' }),
  // A name people chose, not the folder's ("sample-library", "lib", "media"), which says nothing.
  libraryName: { kind: 'string', flag: '--name', arg: '<text>', doc: "the library's name, shown atop the app", fallback: 'Home library' },
  // Your own name, automatic certificates (ACME DNS-01, seed-node/tls/acme/): a domain turns it on.
  domain: { kind: 'string', flag: '--domain', arg: '<name>', doc: 'your own domain (myhome.duckdns.org): a certificate by ACME DNS-01', fallback: null },
  dnsProvider: enumOption({ flag: '--dns-provider', arg: '<name>', doc: "who sets the domain's DNS records", values: ['duckdns', 'hook'], fallback: 'duckdns' }),
  dnsHook: { kind: 'path', flag: '--dns-hook', arg: '<file>', doc: 'executable that sets DNS records for --dns-provider hook (see README)', fallback: null },
  dnsTokenFile: { kind: 'path', flag: '--dns-token-file', arg: '<file>', doc: 'DNS provider token to keep in the state folder (or HEARTH_DNS_TOKEN)', fallback: null },
  domainAddress: { kind: 'string', flag: '--domain-address', arg: '<address>', doc: "point the domain at this IP, lan (this machine's LAN address) or off", fallback: 'lan' },
  acmeDirectoryUrl: { kind: 'url', flag: '--acme-directory', arg: '<url>', doc: "ACME server's directory (default: Let's Encrypt)", schemes: ['https:'], fallback: null },
  acmeEmail: { kind: 'string', flag: '--acme-email', arg: '<address>', doc: "contact for the ACME server's notices", fallback: null },
  dnsPropagationWaitSec: { kind: 'int', flag: '--dns-wait', arg: '<sec>', doc: 'longest wait for the TXT record to show in DNS; 0 = no check', fallback: 120, min: 0, max: 15 * 60, unit: 'seconds' },
  acmeCaFile: { kind: 'path', flag: '--acme-ca-file', arg: '<file>', doc: 'extra CA (PEM) to trust for the ACME server, e.g. a test server', fallback: null },
  acmeRenew: { kind: 'boolean', flag: '--acme-renew', doc: 'renew the certificate at start even if it is still fresh', fallback: false },
  // Live channels (seed-node/live/): one supervised ffmpeg per channel, fMP4 HLS in a ring in the state folder.
  live: { kind: 'repeated', flag: '--live', arg: '<Name=source>', doc: 'a live channel, repeatable; source: /dev/video0, rtsp://…, loop:<file>, <file>, testsrc or rtmp-push (OBS)', check: values => { const parsed = parseLiveChannels(values); return typeof parsed === 'string' ? parsed : null }, fallback: [] },
  liveP2p: { kind: 'repeated', flag: '--live-p2p', arg: '<Name>', doc: 'viewers of this channel share its segments peer to peer (repeatable): less upload, a few seconds more latency', check: values => values.some(value => value.trim() === '') ? 'needs a channel name' : null, fallback: [] },
  liveWindowSec: { kind: 'int', flag: '--live-window', arg: '<sec>', doc: 'how far back viewers of a live channel can rewind (the segment ring)', fallback: 180, min: 10, max: 60 * 60, unit: 'seconds' },
  liveSegmentSec: { kind: 'int', flag: '--live-segment', arg: '<sec>', doc: 'live segment length; shorter is closer to live, longer costs fewer requests', fallback: 1, min: 1, max: 6, unit: 'seconds' },
  liveRecord: { kind: 'repeated', flag: '--live-record', arg: '<Name=24h>', doc: 'keep the last hours (or minutes: 90m) of a channel as MP4 files in --live-record-dir (repeatable)', check: values => { const parsed = parseRecordSpecs(values); return typeof parsed === 'string' ? parsed : null }, fallback: [] },
  liveRecordDir: { kind: 'path', flag: '--live-record-dir', arg: '<folder>', doc: 'where recordings go, a folder per channel; outside the library (add it to a library yourself)', fallback: earlier => path.join(String(earlier.stateDir), 'recordings'), shownDefault: '<state>/recordings' },
  liveRtmpPort: { kind: 'int', flag: '--live-rtmp-port', arg: '<number>', doc: 'RTMP port (on --host) that OBS pushes rtmp-push channels to, with their stream keys; 0 = any', fallback: 1935, min: 0, max: 65535 }
} as const satisfies Record<string, OptionSpec>

type Table = typeof SEED_NODE_OPTIONS
export type OptionKey = keyof Table

/** The value type an entry of the table resolves to. */
type ValueOf<S> = S extends { kind: 'int' } ? number
  : S extends { kind: 'boolean' } ? boolean
    : S extends EnumSpec<infer V> ? V
      : S extends { kind: 'url' | 'file' } ? string | null
        : S extends { kind: 'addresses' | 'repeated' } ? string[]
          : S extends { fallback: null } ? string | null
            : string

/** The resolved options: every key of the table, defaults filled in, bounds checked. */
export type SeedNodeConfig = { -readonly [K in OptionKey]: ValueOf<Table[K]> }
/** What `startSeedNode` accepts: any subset of the options; `undefined` means the default. */
export type SeedNodeOptions = { [K in OptionKey]?: ValueOf<Table[K]> | undefined }

export const OPTION_KEYS = Object.keys(SEED_NODE_OPTIONS) as OptionKey[]
const SPECS: ReadonlyArray<[OptionKey, OptionSpec]> = OPTION_KEYS.map(key => [key, SEED_NODE_OPTIONS[key]])

function badOption (message: string): HearthError {
  return new HearthError('HEARTH_E_BAD_OPTION', message)
}

/** How messages name an option: by its flag, which is what a user typed. */
export function optionName (key: OptionKey): string {
  return SEED_NODE_OPTIONS[key].flag ?? key
}

/** "a, b or c" */
export function alternatives (values: readonly string[]): string {
  return values.length <= 1 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values.at(-1) ?? ''}`
}

function checkUrl (name: string, spec: UrlSpec, value: unknown): string | null {
  if (value === null) return null
  const shape = alternatives(spec.schemes.map(scheme => `${scheme}//`))
  const got = typeof value === 'string' ? value : String(value)
  if (typeof value !== 'string' || !/^\S+$/.test(value) || !spec.schemes.some(scheme => value.startsWith(`${scheme}//`))) {
    throw badOption(`${name} must be a ${shape} URL, got ${got}`)
  }
  if (spec.originOnly !== true) return value
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw badOption(`${name} must be a ${shape} URL, got ${got}`)
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '' || !/^[^/]+\/\/[^/?#]+\/?$/.test(value)) {
    throw badOption(`${name} must be an address alone (${shape}name[:port]), without path, query or user, got ${got}`)
  }
  return url.origin
}

/** A list given as "a,b" on the command line, or as an array by a programmatic caller. */
function checkAddresses (name: string, value: unknown): string[] {
  const items = typeof value === 'string' ? value.split(',') : value
  if (!Array.isArray(items)) throw badOption(`${name} must be comma-separated IP addresses, got ${String(value)}`)
  const addresses = items.map(item => typeof item === 'string' ? item.trim() : '').filter(item => item !== '')
  const bad = addresses.filter(address => net.isIP(address) === 0)
  if (bad.length > 0 || addresses.length !== items.length) {
    throw badOption(`${name} must be comma-separated IP addresses, got ${bad.length > 0 ? bad.join(', ') : JSON.stringify(value)}`)
  }
  // Bans and limits key IPv4-mapped IPv6 as IPv4 (tracker/request-gate.ts): compare alike.
  return addresses.map(normalizeAddress)
}

function checkValue (name: string, spec: OptionSpec, value: unknown): unknown {
  const got = typeof value === 'string' ? value : String(value)
  switch (spec.kind) {
    case 'int':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < spec.min || value > spec.max) {
        throw badOption(`${name} must be an integer ${spec.min}-${spec.max}${spec.unit === undefined ? '' : ` ${spec.unit}`}, got ${got}`)
      }
      return value
    case 'boolean':
      if (typeof value !== 'boolean') throw badOption(`${name} must be true or false, got ${got}`)
      return value
    case 'enum':
      if (typeof value !== 'string' || !spec.values.includes(value)) throw badOption(`${name} must be ${alternatives(spec.values)}, got ${got}`)
      return value
    case 'url':
      return checkUrl(name, spec, value)
    case 'file':
      if (value === null) return null
      if (typeof value !== 'string' || value === '') throw badOption(`${name} must name a file, got ${value === '' ? '""' : got}`)
      return path.resolve(value)
    case 'addresses':
      return checkAddresses(name, value)
    case 'repeated': {
      if (!Array.isArray(value) || !value.every(item => typeof item === 'string')) throw badOption(`${name} takes text values, got ${got}`)
      const problem = spec.check(value)
      if (problem !== null) throw badOption(`${name} ${problem}`)
      return [...value]
    }
    case 'path':
    case 'string':
      if (value === null && spec.fallback === null) return null
      if (typeof value !== 'string' || value === '') throw badOption(`${name} must be a non-empty text, got ${value === '' ? '""' : got}`)
      return spec.kind === 'path' ? path.resolve(value) : value
  }
}

/** The first name (of `--live-p2p`, `--live-record`) that is no `--live` channel's (names compare without regard to case), or null. */
function unknownChannelName (live: unknown, p2p: unknown): string | null {
  if (!Array.isArray(live) || !Array.isArray(p2p)) return null
  const names = new Set(live.map(value => String(value).split('=')[0]?.trim().toLowerCase()))
  const unknown = p2p.map(String).find(name => !names.has(name.trim().toLowerCase()))
  return unknown ?? null
}

/**
 * Fills defaults and checks every value against its entry in the table. Throws
 * HEARTH_E_BAD_OPTION naming unknown keys, or the flag of a value out of bounds.
 */
export function resolveConfig (input: SeedNodeOptions): SeedNodeConfig {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw badOption('seed node options must be an object')
  const unknown = Object.keys(input).filter(key => !Object.hasOwn(SEED_NODE_OPTIONS, key))
  if (unknown.length > 0) {
    throw badOption(`unknown seed node option${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')} (known: ${OPTION_KEYS.join(', ')})`)
  }
  const given: Record<string, unknown> = input
  const resolved: Record<string, unknown> = {}
  for (const [key, spec] of SPECS) {
    const value = given[key] !== undefined ? given[key] : typeof spec.fallback === 'function' ? spec.fallback(resolved) : spec.fallback
    resolved[key] = checkValue(optionName(key), spec, value)
  }
  if ((resolved.tlsCert === null) !== (resolved.tlsKey === null)) {
    throw badOption(`${optionName('tlsCert')} and ${optionName('tlsKey')} go together: give both or neither`)
  }
  const unknownP2p = unknownChannelName(resolved.live, resolved.liveP2p)
  if (unknownP2p !== null) throw badOption(`${optionName('liveP2p')} names "${unknownP2p}", which is no --live channel`)
  const recorded = Array.isArray(resolved.liveRecord) ? resolved.liveRecord.map(value => String(value).slice(0, String(value).lastIndexOf('='))) : []
  const unknownRecord = unknownChannelName(resolved.live, recorded)
  if (unknownRecord !== null) throw badOption(`${optionName('liveRecord')} names "${unknownRecord.trim()}", which is no --live channel`)
  // Each entry was checked against the spec its type comes from.
  return resolved as SeedNodeConfig
}
