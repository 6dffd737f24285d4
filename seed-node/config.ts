/**
 * Every seed-node option, once: its flag, doc line, default and bound in one table
 * (`SEED_NODE_OPTIONS`), from which follow the `SeedNodeConfig` type, the `--help` text and
 * the command-line parsing (cli-arguments.ts), and the checks in `resolveConfig`. Unknown
 * keys are refused by name, values out of bounds with a message naming the flag.
 * (The shape of tracker/tracker-options.ts, after aquatic_ws's config.)
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { HearthError } from './lib/errors.ts'

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
  /** A fixed default, or one computed from the options above it in the table. */
  fallback: string | ((earlier: Record<string, unknown>) => string)
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
  fallback: null
}

export type OptionSpec = TextSpec | IntSpec | SwitchSpec | EnumSpec<string> | UrlSpec

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
  logLevel: enumOption({ flag: '--log-level', arg: '<level>', doc: 'how much to log', values: ['debug', 'info', 'warn', 'error'], fallback: 'info' }),
  libraryName: { kind: 'string', flag: null, doc: 'name shown in the app', fallback: earlier => path.basename(String(earlier.libraryDir)), shownDefault: "the library folder's name" }
} as const satisfies Record<string, OptionSpec>

type Table = typeof SEED_NODE_OPTIONS
export type OptionKey = keyof Table

/** The value type an entry of the table resolves to. */
type ValueOf<S> = S extends { kind: 'int' } ? number
  : S extends { kind: 'boolean' } ? boolean
    : S extends EnumSpec<infer V> ? V
      : S extends { kind: 'url' } ? string | null
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
      if (value === null) return null
      if (typeof value !== 'string' || !/^\S+$/.test(value) || !spec.schemes.some(scheme => value.startsWith(`${scheme}//`))) {
        throw badOption(`${name} must be a ${alternatives(spec.schemes.map(scheme => `${scheme}//`))} URL, got ${got}`)
      }
      return value
    case 'path':
    case 'string':
      if (typeof value !== 'string' || value === '') throw badOption(`${name} must be a non-empty text, got ${value === '' ? '""' : got}`)
      return spec.kind === 'path' ? path.resolve(value) : value
  }
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
  // Each entry was checked against the spec its type comes from.
  return resolved as SeedNodeConfig
}
