/**
 * The tracker under load, as its own process (so its CPU and memory are its own):
 *   tsx bench/tracker-target.ts hearth   Hearth's tracker (tracker/tracker-server.ts) mounted on an
 *                                        http server, with one accepted token, so access control runs
 *                                        on every connection; limits raised so the load is not refused.
 *   tsx bench/tracker-target.ts bare     bittorrent-tracker's Server, default options (UDP off).
 * Prints `LISTENING ws://127.0.0.1:<port><path>`; exits on SIGTERM.
 */
import http from 'node:http'
import { Server } from 'bittorrent-tracker'
import { createTracker } from '../tracker/tracker-server.ts'

export const BENCH_TOKEN = 'bench-household-token-0123456789abcdef'
const kind = process.argv[2]

interface ListeningServer { listen (port: number, host: string, cb: () => void): void, http: http.Server, close (cb: () => void): void }

let close: () => void
if (kind === 'hearth') {
  const tracker = createTracker({
    authenticate: token => token === BENCH_TOKEN ? { kind: 'household' } : null,
    maxConnectionsPerAddress: 10_000,
    maxConnections: 1_000_000,
    messagesPerSecond: 10_000,
    messageBurst: 100_000,
    maxSwarms: 1_000_000
  })
  const server = http.createServer((req, res) => tracker.handleHttp(req, res))
  server.on('upgrade', (req, socket, head) => tracker.handleUpgrade(req, socket, head))
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', () => resolve()))
  const port = (server.address() as { port: number }).port
  process.stdout.write(`LISTENING ws://127.0.0.1:${port}/announce/${BENCH_TOKEN}\n`)
  close = () => { void tracker.close(); server.close(); server.closeAllConnections() }
} else if (kind === 'bare') {
  const server = new Server({ udp: false }) as unknown as ListeningServer
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', () => resolve()))
  const port = (server.http.address() as { port: number }).port
  process.stdout.write(`LISTENING ws://127.0.0.1:${port}/announce\n`)
  close = () => server.close(() => {})
} else {
  process.stderr.write('usage: tracker-target.ts hearth|bare\n')
  process.exit(2)
}
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => { close(); setTimeout(() => process.exit(0), 500).unref() })
}
