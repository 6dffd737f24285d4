/**
 * A TLS-terminating reverse proxy, as a user runs one in front of the seed node (nginx,
 * Caddy, a router's proxy): HTTPS to the devices with its own certificate, plain HTTP to the
 * seed node, requests and WebSocket upgrades alike. Like nginx with the usual settings it
 * sends the upstream's own address as Host and tells the seed node the rest in
 * X-Forwarded-Proto (https), X-Forwarded-Host (what the device asked for) and
 * X-Forwarded-For (what came in, plus the device's address, `$proxy_add_x_forwarded_for`).
 * It runs in the test process, on the test namespace's bridge address.
 */
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http'
import https from 'node:https'
import net, { type AddressInfo } from 'node:net'
import { tunnelUpgrade } from '../support/upgrade-tunnel.ts'

/** Headers of one hop only (RFC 9110 §7.6.1), never forwarded by a proxy. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade'])

export interface ReverseProxyTarget { host: string, port: number }

export interface TlsReverseProxy {
  port: number
  /** Where requests go; set once the seed node runs (it is told the proxy's URL at start). */
  setTarget: (target: ReverseProxyTarget) => void
  close: () => Promise<void>
}

function forwardedHeaders (req: IncomingMessage, target: ReverseProxyTarget): IncomingHttpHeaders {
  const headers: IncomingHttpHeaders = {}
  for (const [name, value] of Object.entries(req.headers)) if (!HOP_BY_HOP.has(name)) headers[name] = value
  const before = req.headers['x-forwarded-for']
  const client = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '')
  return {
    ...headers,
    host: `${target.host}:${target.port}`,
    'x-forwarded-proto': 'https',
    'x-forwarded-host': req.headers.host ?? '',
    'x-forwarded-for': before === undefined ? client : `${Array.isArray(before) ? before.join(', ') : before}, ${client}`
  }
}

export async function startTlsReverseProxy (listenAddress: string, cert: string, key: string): Promise<TlsReverseProxy> {
  let target: ReverseProxyTarget | null = null
  const server = https.createServer({ cert, key }, (req, res) => {
    if (target === null) { res.writeHead(502).end('no upstream yet'); return }
    const upstream = http.request({ host: target.host, port: target.port, method: req.method, path: req.url, headers: forwardedHeaders(req, target) }, reply => {
      res.writeHead(reply.statusCode ?? 502, reply.headers)
      reply.pipe(res)
    })
    upstream.on('error', () => { if (!res.headersSent) res.writeHead(502); res.end() })
    req.pipe(upstream)
  })
  const tunnels = new Set<net.Socket>()
  server.on('upgrade', (req: IncomingMessage, socket: net.Socket, head: Buffer) => {
    const to = target
    if (to === null) { socket.destroy(); return }
    const headers = { ...forwardedHeaders(req, to), connection: 'Upgrade', upgrade: String(req.headers.upgrade ?? 'websocket') }
    const lines = [`${req.method ?? 'GET'} ${req.url ?? '/'} HTTP/1.1`]
    for (const [name, value] of Object.entries(headers)) for (const one of Array.isArray(value) ? value : [value ?? '']) lines.push(`${name}: ${one}`)
    tunnelUpgrade(socket, head, to, lines, tunnels)
  })
  await new Promise<void>((resolve, reject) => { server.once('error', reject).listen(0, listenAddress, resolve) })
  return {
    port: (server.address() as AddressInfo).port,
    setTarget: next => { target = next },
    close: async () => {
      for (const tunnel of tunnels) tunnel.destroy()
      server.closeAllConnections()
      await new Promise<void>(resolve => server.close(() => resolve()))
    }
  }
}
