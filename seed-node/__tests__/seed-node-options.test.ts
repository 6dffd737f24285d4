/**
 * The options table (config.ts) and what follows from it: defaults, bounds, refusal of
 * unknown keys, the `--help` text (and README.md's copy of it), and command-line parsing.
 */
import { describe, it, expect, expectTypeOf } from 'vitest'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { OPTION_KEYS, resolveConfig, SEED_NODE_OPTIONS, type SeedNodeConfig } from '../config.ts'
import { helpText, parseArgsOptions, parseCommandLine } from '../cli-arguments.ts'
import { HearthError } from '../lib/errors.ts'
import type { LogLevel } from '../lib/log.ts'

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

function refusal (action: () => unknown): HearthError {
  try {
    action()
  } catch (err) {
    if (err instanceof HearthError) return err
    throw err
  }
  throw new Error('expected HEARTH_E_BAD_OPTION, nothing was thrown')
}

const INT_KEYS = OPTION_KEYS.filter(key => SEED_NODE_OPTIONS[key].kind === 'int')

describe('seed node options table', () => {
  it('has the type every caller relies on', () => {
    expectTypeOf<SeedNodeConfig>().toEqualTypeOf<{
      libraryDir: string, followSymlinks: boolean, stateDir: string, host: string, port: number, trackerUrl: string | null, webSeed: boolean,
      peerPort: number, uploadLimitKiBps: number, rescanIntervalSec: number, appDir: string, banMaxRetry: number,
      banFindTimeSec: number, banTimeSec: number, banExemptLoopback: boolean, maxActiveDownloads: number,
      editions: 'on-demand' | 'ahead' | 'off', editionsMaxGb: number, transcodeVideo: boolean,
      https: 'auto' | 'on' | 'off', publicUrl: string | null, tlsCert: string | null, tlsKey: string | null, trustProxy: string[],
      logLevel: LogLevel, libraryName: string,
      domain: string | null, dnsProvider: 'duckdns' | 'hook', dnsHook: string | null, dnsTokenFile: string | null, domainAddress: string,
      acmeDirectoryUrl: string | null, acmeEmail: string | null, dnsPropagationWaitSec: number, acmeCaFile: string | null, acmeRenew: boolean,
      live: string[], liveP2p: string[], liveWindowSec: number, liveSegmentSec: number,
      liveRecord: string[], liveRecordDir: string, liveRtmpPort: number
    }>()
  })

  it('fills the documented defaults', () => {
    const config = resolveConfig({})
    expect(config).toEqual({
      libraryDir: path.join(REPO, 'sample-library'),
      followSymlinks: false,
      stateDir: path.resolve('.hearth-state'),
      host: '127.0.0.1',
      port: 8787,
      trackerUrl: null,
      webSeed: true,
      peerPort: 0,
      uploadLimitKiBps: 0,
      rescanIntervalSec: 60,
      appDir: path.join(REPO, 'dist'),
      banMaxRetry: 5,
      banFindTimeSec: 600,
      banTimeSec: 600,
      banExemptLoopback: false,
      maxActiveDownloads: 3,
      editions: 'on-demand',
      editionsMaxGb: 20,
      transcodeVideo: false,
      https: 'auto',
      publicUrl: null,
      tlsCert: null,
      tlsKey: null,
      trustProxy: [],
      logLevel: 'info',
      libraryName: 'Home library',
      domain: null,
      dnsProvider: 'duckdns',
      dnsHook: null,
      dnsTokenFile: null,
      domainAddress: 'lan',
      acmeDirectoryUrl: null,
      acmeEmail: null,
      dnsPropagationWaitSec: 120,
      acmeCaFile: null,
      acmeRenew: false,
      live: [],
      liveP2p: [],
      liveWindowSec: 180,
      liveSegmentSec: 1,
      liveRecord: [],
      liveRecordDir: path.resolve('.hearth-state', 'recordings'),
      liveRtmpPort: 1935
    })
  })

  it('treats undefined as the default, and names the library "Home library" whatever its folder', () => {
    const config = resolveConfig({ port: undefined, libraryDir: '/media/usb/Films' })
    expect(config.port).toBe(8787)
    expect(config.libraryName).toBe('Home library')
    expect(resolveConfig({ libraryDir: '/media/usb/Films', libraryName: 'Our films' }).libraryName).toBe('Our films')
  })

  it.each(INT_KEYS)('accepts %s at its bounds and refuses one past them, naming the flag', key => {
    const spec = SEED_NODE_OPTIONS[key]
    if (spec.kind !== 'int') throw new Error('not an int option')
    expect(resolveConfig({ [key]: spec.min })[key]).toBe(spec.min)
    expect(resolveConfig({ [key]: spec.max })[key]).toBe(spec.max)
    for (const wrong of [spec.min - 1, spec.max + 1, spec.min + 0.5]) {
      const err = refusal(() => resolveConfig({ [key]: wrong }))
      expect(err.code).toBe('HEARTH_E_BAD_OPTION')
      expect(err.message).toMatch(new RegExp(`^${spec.flag} must be an integer ${spec.min}-${spec.max}\\b.*, got ${wrong}$`))
    }
  })

  it('keeps the wording users and scripts see', () => {
    expect(refusal(() => resolveConfig({ port: 70000 })).message).toBe('--port must be an integer 0-65535, got 70000')
    expect(refusal(() => resolveConfig({ rescanIntervalSec: 3 })).message).toBe('--rescan-interval must be an integer 5-86400 seconds, got 3')
    expect(refusal(() => resolveConfig({ trackerUrl: 'http://tracker.example/announce' })).message).toBe('--tracker must be a ws:// or wss:// URL, got http://tracker.example/announce')
    expect(refusal(() => resolveConfig({ logLevel: 'loud' as LogLevel })).message).toBe('--log-level must be debug, info, warn or error, got loud')
  })

  it('checks the types a programmatic caller passes', () => {
    const untyped = (options: Record<string, unknown>): unknown => resolveConfig(options)
    expect(refusal(() => untyped({ webSeed: 'no' })).message).toBe('--no-web-seed must be true or false, got no')
    expect(refusal(() => untyped({ port: '8787' })).message).toBe('--port must be an integer 0-65535, got 8787')
    expect(refusal(() => untyped({ libraryName: '' })).message).toBe('--name must be a non-empty text, got ""')
    expect(refusal(() => untyped({ port: null })).message).toBe('--port must be an integer 0-65535, got null')
    expect(resolveConfig({ trackerUrl: 'wss://tracker.example/announce' }).trackerUrl).toBe('wss://tracker.example/announce')
  })

  it('refuses unknown keys by name', () => {
    const untyped = (options: Record<string, unknown>): unknown => resolveConfig(options)
    const one = refusal(() => untyped({ libary: '/media' }))
    expect(one.code).toBe('HEARTH_E_BAD_OPTION')
    expect(one.message).toMatch(/^unknown seed node option: libary \(known: libraryDir, /)
    expect(refusal(() => untyped({ prot: 1, webseed: false })).message).toMatch(/^unknown seed node options: prot, webseed /)
  })
})

describe('HTTPS options', () => {
  it('takes an https origin for --public-url and refuses anything else with a clear message', () => {
    expect(resolveConfig({ publicUrl: 'https://media.example.net' }).publicUrl).toBe('https://media.example.net')
    expect(resolveConfig({ publicUrl: 'https://media.example.net:8443/' }).publicUrl).toBe('https://media.example.net:8443')
    expect(refusal(() => resolveConfig({ publicUrl: 'http://media.example.net' })).message).toBe('--public-url must be a https:// URL, got http://media.example.net')
    for (const wrong of ['https://media.example.net/hearth', 'https://media.example.net/?a=1', 'https://user@media.example.net', 'https://media.example.net#x']) {
      expect(refusal(() => resolveConfig({ publicUrl: wrong })).message).toBe(`--public-url must be an address alone (https://name[:port]), without path, query or user, got ${wrong}`)
    }
  })

  it('wants --tls-cert and --tls-key together', () => {
    expect(refusal(() => resolveConfig({ tlsCert: '/etc/ssl/hearth.crt' })).message).toBe('--tls-cert and --tls-key go together: give both or neither')
    expect(refusal(() => resolveConfig({ tlsKey: '/etc/ssl/hearth.key' })).message).toBe('--tls-cert and --tls-key go together: give both or neither')
    expect(resolveConfig({ tlsCert: 'a.crt', tlsKey: 'a.key' })).toMatchObject({ tlsCert: path.resolve('a.crt'), tlsKey: path.resolve('a.key') })
  })

  it('reads --trust-proxy as a list of IP addresses', () => {
    const parsed = parseCommandLine(['--trust-proxy', '192.168.1.2, ::1,::ffff:10.0.0.1'])
    if (parsed.help) throw new Error('not help')
    expect(resolveConfig(parsed.options).trustProxy).toEqual(['192.168.1.2', '::1', '10.0.0.1'])
    expect(refusal(() => resolveConfig({ trustProxy: ['proxy.lan'] })).message).toBe('--trust-proxy must be comma-separated IP addresses, got proxy.lan')
  })

  it('takes --https auto, on or off', () => {
    expect(resolveConfig({ https: 'on' }).https).toBe('on')
    expect(refusal(() => resolveConfig({ https: 'yes' as 'on' })).message).toBe('--https must be auto, on or off, got yes')
  })
})

describe('seed node command line', () => {
  it('documents every flag of the table in --help, with its default', () => {
    const help = helpText()
    for (const key of OPTION_KEYS) {
      const spec = SEED_NODE_OPTIONS[key]
      if (spec.flag === null) continue
      expect(help).toMatch(new RegExp(`^  ${spec.flag}\\b.* ${spec.doc.replace(/[()]/g, '\\$&')}`, 'm'))
    }
    expect(help).toContain('--max-active-downloads <n>  downloads running at once; the rest wait (1-20, default: 3)')
    expect(help).toContain('-h, --help')
  })

  it('has README.md show exactly the --help text (regenerate it from `npm start -- --help`)', async () => {
    const readme = await readFile(path.join(REPO, 'README.md'), 'utf8')
    const block = /## Seed node options\n\n```\n([\s\S]*?)\n```/.exec(readme)?.[1]
    expect(block).toBe(helpText())
  })

  it('gives parseArgs every flag, switches as booleans', () => {
    const options = parseArgsOptions()
    expect(options['no-web-seed']).toEqual({ type: 'boolean' })
    expect(options['ban-exempt-loopback']).toEqual({ type: 'boolean' })
    expect(options.port).toEqual({ type: 'string' })
    expect(options.help).toEqual({ type: 'boolean', short: 'h' })
  })

  it('turns flags into options', () => {
    expect(parseCommandLine(['--port', '0', '--no-web-seed', '--ban-exempt-loopback', '--tracker', 'wss://t.example', '--log-level', 'warn'])).toEqual({
      help: false,
      options: { port: 0, webSeed: false, banExemptLoopback: true, trackerUrl: 'wss://t.example', logLevel: 'warn' }
    })
    expect(parseCommandLine([])).toEqual({ help: false, options: {} })
    expect(parseCommandLine(['-h'])).toEqual({ help: true })
  })

  it('collects a repeated --live, and refuses a malformed value or a name used twice with one line', () => {
    const parsed = parseCommandLine(['--live', 'Front door=/dev/video0', '--live', 'Demo=loop:clip.mp4'])
    if (parsed.help) throw new Error('not help')
    expect(resolveConfig(parsed.options).live).toEqual(['Front door=/dev/video0', 'Demo=loop:clip.mp4'])
    expect(parseCommandLine(['--live', 'A=testsrc'])).toEqual({ help: false, options: { live: ['A=testsrc'] } })
    expect(refusal(() => resolveConfig({ live: ['Front door'] })).message).toBe('--live must be "Name=source", got "Front door"')
    expect(refusal(() => resolveConfig({ live: ['Cam=ftp://cam/x'] })).message).toMatch(/^--live channel "Cam": unknown source scheme ftp:\/\//)
    expect(resolveConfig({ live: ['Cam=testsrc'], liveP2p: ['cam'] }).liveP2p).toEqual(['cam'])
    expect(refusal(() => resolveConfig({ live: ['Cam=testsrc'], liveP2p: ['Garden'] })).message).toBe('--live-p2p names "Garden", which is no --live channel')
    expect(refusal(() => resolveConfig({ live: ['Cam=testsrc', 'cam=/dev/video1'] })).message).toBe('--live two channels are named "cam": give each its own name')
  })

  it('accepts whole numbers only', () => {
    for (const text of ['1e3', '0x10', ' 7', '-1', '3.5', '']) {
      expect(refusal(() => parseCommandLine([`--rescan-interval=${text}`])).message).toBe(`--rescan-interval must be a whole number, got "${text}"`)
    }
  })

  it('names an unknown flag', () => {
    const err = refusal(() => parseCommandLine(['--libary', '/tmp']))
    expect(err.code).toBe('HEARTH_E_BAD_OPTION')
    expect(err.message).toContain("'--libary'")
  })
})
