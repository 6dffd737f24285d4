/**
 * The seed node's API as the test process calls it across the test LAN: like
 * seed-node/testing/seed-node-api.ts, but over HTTPS that trusts a given CA (the household
 * CA, read from the node or its onboarding page), since Node's `fetch` only trusts the CAs
 * it was started with. Plain `http:` URLs work too.
 */
import dns, { type LookupAddress } from 'node:dns'
import http from 'node:http'
import net, { type LookupFunction } from 'node:net'
import https from 'node:https'
import type { ApiMethod, ApiReply, ApiTarget } from '../../seed-node/testing/seed-node-api.ts'
import { parseCatalog, type CatalogItem } from '../../protocol/catalog.ts'
import { parseSeedNodeStatus, type SeedNodeStatus } from '../../seed-node/testing/seed-node-status.ts'

/** Bound on one API call. */
const REQUEST_TIMEOUT_MS = 15 * 1000
/** Bound on one reply body (the catalog of a test library is a few KiB). */
const MAX_REPLY_BYTES = 4 * 1024 * 1024

export interface LanApiTarget extends ApiTarget {
  /** PEM certificates trusted for `https:` (the household CA); null for plain HTTP. */
  caPem: string | null
  /** Names resolved like a hosts file (name → address): a domain only the household's DNS knows. */
  hosts?: Readonly<Record<string, string>>
}

/**
 * A `lookup` for http(s).request that answers the given names from `hosts` and everything
 * else from the system (the test namespace has no DNS for the household's names).
 */
function hostsLookup (hosts: Readonly<Record<string, string>>): LookupFunction {
  return (hostname, options, callback) => {
    const address = hosts[hostname.toLowerCase()]
    if (address === undefined) { dns.lookup(hostname, options, callback); return }
    const family = net.isIP(address)
    // Node 20 asks for every address (`all`) when it may try several families.
    if (options.all === true) (callback as unknown as (err: null, addresses: LookupAddress[]) => void)(null, [{ address, family }])
    else callback(null, address, family)
  }
}

/** GET a URL and return status, headers and body, trusting `caPem` for HTTPS. */
export async function lanGet (url: string, caPem: string | null, headers: Record<string, string> = {}, method = 'GET', body?: string, hosts: Readonly<Record<string, string>> = {}): Promise<{ status: number, headers: http.IncomingHttpHeaders, body: Buffer }> {
  const target = new URL(url)
  const client = target.protocol === 'https:' ? https : http
  return await new Promise((resolve, reject) => {
    const req = client.request(target, { method, headers, timeout: REQUEST_TIMEOUT_MS, lookup: hostsLookup(hosts), ...(caPem === null ? {} : { ca: caPem }) }, res => {
      const chunks: Buffer[] = []
      let size = 0
      res.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size > MAX_REPLY_BYTES) { req.destroy(new Error(`${url} answered more than ${MAX_REPLY_BYTES} bytes`)); return }
        chunks.push(chunk)
      })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
      res.on('error', reject)
    })
    req.on('timeout', () => req.destroy(new Error(`${method} ${url} timed out after ${REQUEST_TIMEOUT_MS} ms`)))
    req.on('error', reject)
    req.end(body)
  })
}

export async function lanApi (target: LanApiTarget, method: ApiMethod, pathname: string, body?: unknown): Promise<ApiReply> {
  const text = body === undefined ? undefined : JSON.stringify(body)
  const reply = await lanGet(new URL(pathname, target.url).href, target.caPem,
    { authorization: `Bearer ${target.credential}`, ...(text === undefined ? {} : { 'content-type': 'application/json' }) }, method, text, target.hosts)
  const json: unknown = JSON.parse(reply.body.toString('utf8'))
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error(`${method} ${pathname} answered ${reply.status} with JSON that is not an object`)
  return { status: reply.status, json: json as Record<string, unknown> }
}

export async function lanStatus (target: LanApiTarget): Promise<SeedNodeStatus> {
  const reply = await lanApi(target, 'GET', '/api/status')
  if (reply.status !== 200) throw new Error(`GET /api/status answered ${reply.status}`)
  return parseSeedNodeStatus(reply.json)
}

export async function lanItemByMediaPath (target: LanApiTarget, mediaPathEnd: string): Promise<CatalogItem> {
  const reply = await lanApi(target, 'GET', '/api/catalog')
  if (reply.status !== 200) throw new Error(`GET /api/catalog answered ${reply.status}`)
  const items = parseCatalog(reply.json).items
  const item = items.find(candidate => candidate.mediaPath.endsWith(mediaPathEnd))
  if (item === undefined) throw new Error(`no catalog item ending in ${mediaPathEnd}; have ${items.map(i => i.mediaPath).join(', ')}`)
  return item
}
