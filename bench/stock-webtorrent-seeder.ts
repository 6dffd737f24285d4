/**
 * The "stock WebTorrent" peer for the throughput benchmark, run as its own process:
 * bittorrent-tracker's Server (default options) on 127.0.0.1 and a free
 * port, and a WebTorrent client with default options (WebRTC through the same
 * @roamhq/wrtc binding as the seed node, via vendor/webrtc-polyfill) seeding one file.
 * Prints `MAGNET <uri>` when seeding; exits on SIGTERM.
 *
 *   tsx bench/stock-webtorrent-seeder.ts <file>
 */
import { Server } from 'bittorrent-tracker'
import WebTorrent from 'webtorrent'

const file = process.argv[2]
if (!file) {
  process.stderr.write('usage: stock-webtorrent-seeder.ts <file>\n')
  process.exit(2)
}

/** The parts of bittorrent-tracker's Server that types/bittorrent-tracker.d.ts leaves out. */
interface ListeningServer { listen (port: number, host: string, cb: () => void): void, http: { address (): { port: number } } }
const tracker = new Server({ udp: false }) // defaults, but no UDP (its IPv6 socket cannot bind 127.0.0.1): HTTP and WebSocket on one port
const listening = tracker as unknown as ListeningServer
await new Promise<void>(resolve => listening.listen(0, '127.0.0.1', () => resolve()))
const port = listening.http.address().port
const client = new WebTorrent()
client.on('error', (err: unknown) => { process.stderr.write(`webtorrent error: ${String(err)}\n`) })
client.seed(file, { announce: [`ws://127.0.0.1:${port}`] }, torrent => {
  process.stdout.write(`MAGNET ${torrent.magnetURI}\n`)
})
let stopping = false
const stop = (): void => {
  if (stopping) return
  stopping = true
  client.destroy(() => { tracker.close(() => process.exit(0)) })
  setTimeout(() => process.exit(0), 5000).unref()
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
