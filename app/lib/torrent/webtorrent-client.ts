/**
 * The page's one WebTorrent client, created on first use. The ~220 KB bundle is fetched by a
 * dynamic import, so the library screen never pays for it; the service-worker stream server
 * is attached once the worker controls the page.
 */
import type { WebTorrentClient } from 'webtorrent/dist/webtorrent.min.js'
import { requireSecureContext } from '../secure-context/secure-context.ts'
import { whenServiceWorkerControls } from '../service-worker/register-service-worker.ts'
import { installStreamRequestFilter } from './stream-request-filter.ts'
import { installStreamRequestPriority } from './stream-request-priority.ts'

/**
 * No STUN or TURN servers: Hearth peers sit on the same household LAN (or reach the seed node
 * through the household's own tunnel), where host ICE candidates are enough. Leaving the list
 * empty also guarantees that tests and private households never contact a public server.
 */
const RTC_CONFIG: RTCConfiguration = { iceServers: [] }

let loading: Promise<WebTorrentClient> | null = null
let loaded: WebTorrentClient | null = null

/** The client, loading WebTorrent and wiring the stream server on first call. */
export function getWebTorrentClient (): Promise<WebTorrentClient> {
  loading ??= createClient().catch((err: unknown) => {
    loading = null // let a later attempt retry (e.g. the worker was still installing)
    throw err
  })
  return loading
}

/** The client if it already exists, for diagnostics that must not trigger a load. */
export function peekWebTorrentClient (): WebTorrentClient | null {
  return loaded
}

async function createClient (): Promise<WebTorrentClient> {
  // WebTorrent's browser bundle hashes pieces with crypto.subtle.
  requireSecureContext('Playing and seeding (WebTorrent)')
  const [{ default: WebTorrent }, registration] = await Promise.all([
    import('webtorrent/dist/webtorrent.min.js'),
    whenServiceWorkerControls()
  ])
  const client = new WebTorrent({ tracker: { rtcConfig: RTC_CONFIG } })
  client.on('error', err => console.error('[hearth] webtorrent client error', err))
  try {
    installStreamRequestFilter(client)
    installStreamRequestPriority(client)
    client.createServer({ controller: registration })
  } catch (err) {
    client.destroy()
    throw err
  }
  loaded = client
  return client
}
