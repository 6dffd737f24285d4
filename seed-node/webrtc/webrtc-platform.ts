/**
 * Whether @roamhq/wrtc can load on this machine, judged without loading it (no dlopen, no
 * memory): it ships binaries for linux-x64, linux-arm64, darwin and win32-x64 only, and the
 * Linux ones need glibc 2.34 or newer. So OpenWrt (musl), Alpine (musl), 32-bit Raspberry Pi
 * OS (armv7) and Debian Bullseye (glibc 2.31) run the seed node without WebRTC: browsers are
 * served through the web seed (README, "Where it runs").
 *
 * `HEARTH_WEBRTC=off` in the environment turns WebRTC off on any machine (tests use it to
 * play through the web seed alone); `auto` (or unset) loads it when the first WebRTC peer
 * appears.
 */
import { createRequire } from 'node:module'
import { HearthError } from '../lib/errors.ts'

/** Platforms @roamhq/wrtc 0.10 ships a binary for (its optionalDependencies). */
const WRTC_TRIPLES = new Set(['linux-x64', 'linux-arm64', 'darwin-x64', 'darwin-arm64', 'win32-x64'])
/** The oldest glibc the Linux binaries load on (they link GLIBC_2.34 symbols). */
const MIN_GLIBC: readonly [number, number] = [2, 34]

export type WebRTCMode = 'auto' | 'off'

/** Reads `HEARTH_WEBRTC` (the environment is a boundary: an unknown value is refused by name). */
export function webrtcModeFrom (env: NodeJS.ProcessEnv): WebRTCMode {
  const value = env.HEARTH_WEBRTC
  if (value === undefined || value === '' || value === 'auto') return 'auto'
  if (value === 'off') return 'off'
  throw new HearthError('HEARTH_E_BAD_OPTION', `HEARTH_WEBRTC must be auto or off, not ${JSON.stringify(value)}`)
}

/** The glibc version this process runs on, or null when the C library is another (musl). */
function glibcVersion (): string | null {
  const report = process.report.getReport() as { header?: { glibcVersionRuntime?: string } }
  return report.header?.glibcVersionRuntime ?? null
}

function olderThan (version: string, min: readonly [number, number]): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number)
  return major < min[0] || (major === min[0] && minor < min[1])
}

/** Why WebRTC cannot load here, in words for the log; null when nothing stands in the way. */
export function webrtcPlatformProblem (mode: WebRTCMode): string | null {
  if (mode === 'off') return 'turned off by HEARTH_WEBRTC=off'
  const triple = `${process.platform}-${process.arch}`
  if (!WRTC_TRIPLES.has(triple)) return `@roamhq/wrtc ships no binary for ${triple} (only ${[...WRTC_TRIPLES].join(', ')})`
  if (process.platform === 'linux') {
    const glibc = glibcVersion()
    if (glibc === null) return 'the C library is not glibc (musl, as on OpenWrt and Alpine); @roamhq/wrtc needs glibc 2.34 or newer'
    if (olderThan(glibc, MIN_GLIBC)) return `glibc ${glibc} is older than the 2.34 @roamhq/wrtc needs`
  }
  try {
    createRequire(import.meta.url).resolve(`@roamhq/wrtc-${triple}`)
  } catch {
    return `the package @roamhq/wrtc-${triple} (the WebRTC binary) is not installed`
  }
  return null
}

/** The loader's own words when the binary is there but does not load (@roamhq/wrtc's binding.js hides them). */
export function binaryLoadError (): string | null {
  try {
    createRequire(import.meta.url)(`@roamhq/wrtc-${process.platform}-${process.arch}`)
    return null
  } catch (err) {
    return err instanceof Error ? err.message.split('\n')[0] ?? err.message : String(err)
  }
}
