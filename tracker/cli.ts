/**
 * Runs the Hearth tracker alone, for a household that wants it on a public host:
 *   npm run tracker -- --port 8000 [--host 0.0.0.0] [--tokens-file tokens.txt]
 */
import http from 'node:http'
import { parseArgs } from 'node:util'
import { parseTrackerPath } from './announce-path.ts'
import { parseTokenList, readTokenFile, tokenListAuthenticator } from './token-list.ts'
import { createTracker, type TrackerOptions } from './tracker-server.ts'

const HELP = `Usage: npm run tracker -- [options]

Runs the Hearth WebTorrent tracker alone: WebSocket and HTTP announce at /announce,
or /announce/<token> when tokens are required.

Options:
  --host <address>       address to listen on (default 127.0.0.1)
  --port <number>        port to listen on, 0 for any free port (default 8000)
  --tokens-file <path>   require a token: one per line (# comments), each at least 16
                         characters; clients announce to /announce/<token>. The
                         HEARTH_TRACKER_TOKENS environment variable (comma-separated)
                         does the same. Without either, anyone may announce.
  --exempt-loopback      never ban 127.0.0.0/8 and ::1 for wrong tokens
  -h, --help             show this help

An address that presents a wrong token 5 times in 10 minutes is refused for 10 minutes.`

function fail (message: string): never {
  process.stderr.write(`hearth-tracker: ${message}\n`)
  process.exit(2)
}

let values
try {
  ({ values } = parseArgs({
    options: { host: { type: 'string' }, port: { type: 'string' }, 'tokens-file': { type: 'string' }, 'exempt-loopback': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    strict: true
  }))
} catch (err) {
  fail(err instanceof Error ? err.message : String(err))
}
if (values.help) {
  process.stdout.write(HELP + '\n')
  process.exit(0)
}
const host = values.host ?? '127.0.0.1'
const port = Number(values.port ?? '8000')
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be an integer 0-65535, got ${values.port}`)

let tokens: string[] | null = null
try {
  if (values['tokens-file'] !== undefined) tokens = readTokenFile(values['tokens-file'])
  else if (process.env.HEARTH_TRACKER_TOKENS) tokens = parseTokenList(process.env.HEARTH_TRACKER_TOKENS, 'HEARTH_TRACKER_TOKENS')
} catch (err) {
  fail(err instanceof Error ? err.message : String(err))
}

const options: TrackerOptions = {
  log: (level, event, fields) => process.stderr.write(`${level} ${event} ${JSON.stringify(fields)}\n`),
  ban: { exemptLoopback: values['exempt-loopback'] ?? false }
}
if (tokens) options.authenticate = tokenListAuthenticator(tokens)
const tracker = createTracker(options)
const server = http.createServer((req, res) => {
  if (parseTrackerPath(req.url)) return tracker.handleHttp(req, res)
  res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n')
})
server.on('upgrade', (req, socket, head) => {
  if (parseTrackerPath(req.url)?.endpoint !== 'announce') return socket.destroy()
  tracker.handleUpgrade(req, socket, head)
})
server.on('error', (err: NodeJS.ErrnoException) => {
  fail(err.code === 'EADDRINUSE' ? `port ${port} on ${host} is already in use` : err.message)
})
server.listen(port, host, () => {
  const address = server.address()
  const actualPort = typeof address === 'object' && address ? address.port : port
  const path = tokens ? `/announce/<token> (${tokens.length} token${tokens.length > 1 ? 's' : ''})` : '/announce (open: no tokens required)'
  process.stdout.write(`Hearth tracker listening: ws://${host}:${actualPort}${path}\n`)
})
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => { void tracker.close().then(() => server.close(() => process.exit(0))) })
}
