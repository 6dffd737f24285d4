/**
 * The tracker load generator, a separate process: opens `clients` WebSocket connections
 * (in batches), then each client announces in a closed loop (next announce as soon as
 * the answer arrives) for `seconds`. Announces are WebTorrent-shaped (20-byte binary
 * strings, numwant 0, no offers) over seeded-random infohashes. Prints one JSON line:
 * { connected, failedConnects, announces, errors, seconds, latencyMs: { p50, p99, max } }.
 *
 *   tsx bench/tracker-load-client.ts <ws-url> <clients> <seconds> [seed]
 */
import WebSocket from 'ws'
import { quantile, seededRandom } from './support/stats.ts'

const [url, clientsText, secondsText, seedText] = process.argv.slice(2)
if (!url || !clientsText || !secondsText) {
  process.stderr.write('usage: tracker-load-client.ts <ws-url> <clients> <seconds> [seed]\n')
  process.exit(2)
}
const CLIENTS = Number(clientsText)
const SECONDS = Number(secondsText)
const SWARMS = 100
const CONNECT_BATCH = 250
const rng = seededRandom(Number(seedText ?? '5'))
const binary20 = (): string => String.fromCharCode(...Array.from({ length: 20 }, () => Math.floor(rng() * 256)))
const infoHashes = Array.from({ length: SWARMS }, binary20)

const sockets: WebSocket[] = []
let failedConnects = 0
for (let start = 0; start < CLIENTS; start += CONNECT_BATCH) {
  const batch = Array.from({ length: Math.min(CONNECT_BATCH, CLIENTS - start) }, () => new Promise<void>(resolve => {
    const ws = new WebSocket(url, { perMessageDeflate: false })
    ws.once('open', () => { sockets.push(ws); resolve() })
    ws.once('error', () => { failedConnects++; resolve() })
  }))
  await Promise.all(batch)
}

let announces = 0
let errors = 0
let measuring = true
const latencies: number[] = []
const LATENCY_SAMPLES_MAX = 2_000_000

function client (ws: WebSocket): void {
  const peerId = binary20()
  const infoHash = infoHashes[Math.floor(rng() * SWARMS)]!
  let sentAt = 0
  let first = true
  const send = (): void => {
    if (!measuring || ws.readyState !== WebSocket.OPEN) return
    sentAt = performance.now()
    ws.send(JSON.stringify({ action: 'announce', info_hash: infoHash, peer_id: peerId, uploaded: 0, downloaded: 0, left: 0, numwant: 0, event: first ? 'started' : undefined }))
    first = false
  }
  ws.on('message', data => {
    const message = JSON.parse(data.toString()) as { action?: string, 'failure reason'?: string, offer?: unknown }
    if (message.action !== 'announce' || message.offer !== undefined) return
    if (message['failure reason']) errors++
    else {
      announces++
      if (latencies.length < LATENCY_SAMPLES_MAX) latencies.push(performance.now() - sentAt)
    }
    send()
  })
  ws.on('close', () => { if (measuring) errors++ })
  send()
}

const started = performance.now()
for (const ws of sockets) client(ws)
await new Promise(resolve => setTimeout(resolve, SECONDS * 1000))
measuring = false
const seconds = (performance.now() - started) / 1000
process.stdout.write(JSON.stringify({
  connected: sockets.length, failedConnects, announces, errors, seconds,
  latencyMs: { p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), max: quantile(latencies, 1) }
}) + '\n')
for (const ws of sockets) ws.terminate()
process.exit(0)
