/**
 * Runs the Hearth tracker alone, for a household that wants it on a public host:
 *   npm run tracker -- --port 8000 [--host 0.0.0.0]
 */
import http from 'node:http'
import { parseArgs } from 'node:util'
import { createTracker } from './tracker-server.ts'

const HELP = `Usage: npm run tracker -- [options]

Runs the Hearth WebTorrent tracker alone (WebSocket and HTTP announce at /announce).

Options:
  --host <address>   address to listen on (default 127.0.0.1)
  --port <number>    port to listen on, 0 for any free port (default 8000)
  -h, --help         show this help`

function fail (message: string): never {
  process.stderr.write(`hearth-tracker: ${message}\n`)
  process.exit(2)
}

let values
try {
  ({ values } = parseArgs({ options: { host: { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true }))
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

const tracker = createTracker({ log: (level, event, fields) => process.stderr.write(`${level} ${event} ${JSON.stringify(fields)}\n`) })
const server = http.createServer((req, res) => {
  const pathname = new URL(req.url ?? '/', 'http://tracker.invalid').pathname
  if (pathname === '/announce' || pathname === '/scrape') return tracker.handleHttp(req, res)
  res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n')
})
server.on('upgrade', (req, socket, head) => {
  if (new URL(req.url ?? '/', 'http://tracker.invalid').pathname !== '/announce') return socket.destroy()
  tracker.handleUpgrade(req, socket, head)
})
server.on('error', (err: NodeJS.ErrnoException) => {
  fail(err.code === 'EADDRINUSE' ? `port ${port} on ${host} is already in use` : err.message)
})
server.listen(port, host, () => {
  const address = server.address()
  const actualPort = typeof address === 'object' && address ? address.port : port
  process.stdout.write(`Hearth tracker listening: ws://${host}:${actualPort}/announce\n`)
})
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => { void tracker.close().then(() => server.close(() => process.exit(0))) })
}
