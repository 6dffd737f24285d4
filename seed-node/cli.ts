/**
 * `npm start -- [options]`: runs the Hearth seed node. Errors a user can fix (missing
 * library, port in use, bad option) are one line naming the problem, with exit code 2.
 */
import { parseArgs } from 'node:util'
import QRCode from 'qrcode'
import { DEFAULTS, type SeedNodeConfig } from './config.ts'
import { HearthError } from './lib/errors.ts'
import { startSeedNode } from './seed-node.ts'
import type { LogLevel } from './lib/log.ts'

const HELP = `Usage: npm start -- [options]

Hearth seed node: serves a folder of films, series and music to the Hearth app,
peer to peer (WebRTC and BitTorrent) through its own tracker.

Options:
  --library <folder>        media folder to serve, read-only (default: the sample library)
  --state <folder>          where Hearth keeps its own data (default: ${DEFAULTS.stateDir})
  --host <address>          address to listen on; 0.0.0.0 for the whole LAN (default: ${DEFAULTS.host})
  --port <number>           HTTP port for app, API, web seed and tracker; 0 = any (default: ${DEFAULTS.port})
  --tracker <ws-url>        use an external tracker instead of the embedded one at /announce
  --no-web-seed             do not offer the HTTP web seed: WebRTC/BitTorrent peers only
  --peer-port <number>      TCP/uTP port for classic BitTorrent clients; 0 = any (default: ${DEFAULTS.peerPort})
  --upload-limit <KiB/s>    cap on upload to all peers together; 0 = none (default: ${DEFAULTS.uploadLimitKiBps})
  --rescan-interval <sec>   seconds between library rescans, 5-86400 (default: ${DEFAULTS.rescanIntervalSec})
  --app <folder>            built PWA to serve (default: dist/ in the repo)
  --ban-max-retry <n>       wrong credentials from one address that earn a ban (default: ${DEFAULTS.banMaxRetry})
  --ban-find-time <sec>     window in which those failures are counted (default: ${DEFAULTS.banFindTimeSec})
  --ban-time <sec>          how long a ban lasts (default: ${DEFAULTS.banTimeSec})
  --ban-exempt-loopback     never ban this machine's own addresses (127.0.0.1, ::1)
  --max-active-downloads <n>  downloads running at once, 1-20; the rest wait (default: ${DEFAULTS.maxActiveDownloads})
  --log-level <level>       debug, info, warn or error (default: ${DEFAULTS.logLevel})
  -h, --help                show this help`

function fail (message: string): never {
  process.stderr.write(`hearth: ${message}\n`)
  process.exit(2)
}

function integer (name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d+$/.test(value)) fail(`${name} must be a whole number, got "${value}"`)
  return Number(value)
}

let values
try {
  ({ values } = parseArgs({
    strict: true,
    allowPositionals: false,
    options: {
      library: { type: 'string' },
      state: { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
      tracker: { type: 'string' },
      'no-web-seed': { type: 'boolean' },
      'peer-port': { type: 'string' },
      'rescan-interval': { type: 'string' },
      'upload-limit': { type: 'string' },
      app: { type: 'string' },
      'log-level': { type: 'string' },
      'max-active-downloads': { type: 'string' },
      'ban-max-retry': { type: 'string' },
      'ban-find-time': { type: 'string' },
      'ban-time': { type: 'string' },
      'ban-exempt-loopback': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' }
    }
  }))
} catch (err) {
  fail(`${err instanceof Error ? err.message : String(err)} (see --help)`)
}

if (values.help) {
  process.stdout.write(HELP + '\n')
  process.exit(0)
}

const options: Partial<SeedNodeConfig> = {
  libraryDir: values.library,
  stateDir: values.state,
  host: values.host,
  port: integer('--port', values.port),
  trackerUrl: values.tracker,
  webSeed: values['no-web-seed'] === true ? false : undefined,
  peerPort: integer('--peer-port', values['peer-port']),
  uploadLimitKiBps: integer('--upload-limit', values['upload-limit']),
  rescanIntervalSec: integer('--rescan-interval', values['rescan-interval']),
  appDir: values.app,
  logLevel: values['log-level'] as LogLevel | undefined,
  banMaxRetry: integer('--ban-max-retry', values['ban-max-retry']),
  banFindTimeSec: integer('--ban-find-time', values['ban-find-time']),
  banTimeSec: integer('--ban-time', values['ban-time']),
  banExemptLoopback: values['ban-exempt-loopback'] === true ? true : undefined,
  maxActiveDownloads: integer('--max-active-downloads', values['max-active-downloads'])
}

try {
  const node = await startSeedNode(options)
  const link = node.pairingLink()
  const qr = await QRCode.toString(link, { type: 'terminal', small: true })
  process.stdout.write(`\n  Hearth is running: open ${node.url}\n\n` +
    `  Pair a device (this browser or any other in the household) by opening:\n  ${link}\n\n` +
    qr.split('\n').map(line => `  ${line}`).join('\n') + '\n' +
    '  Anyone with this link joins the household: share it only with your own devices.\n\n')
  let stopping = false
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) process.exit(1)
      stopping = true
      setTimeout(() => process.exit(1), 10 * 1000).unref() // a hung shutdown must not keep the port
      node.close().then(() => process.exit(0), () => process.exit(1))
    })
  }
} catch (err) {
  if (err instanceof HearthError) fail(err.message)
  throw err
}
