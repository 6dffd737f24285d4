/**
 * A reverse proxy in front of the seed node that adds a Content-Security-Policy header to
 * every response (pages, scripts, the service worker) and collects the browser's violation
 * reports (`report-uri`), including those from the service worker, which a page listener
 * cannot see. HTTP and WebSocket upgrades are relayed byte for byte; the Host header is kept,
 * so magnets, tracker and web-seed URLs name the proxy and stay same-origin for the page.
 * It lets the app be checked against the policy before the seed node sends one itself.
 */
import http from 'node:http'
import net from 'node:net'
import type { AddressInfo } from 'node:net'
import { tunnelUpgrade } from './upgrade-tunnel.ts'

/** Where the browser posts reports; answered by the proxy, never forwarded. */
export const CSP_REPORT_PATH = '/__csp-report'
/** Bound on one report body: reports are small JSON objects. */
const MAX_REPORT_BYTES = 64 * 1024

export interface CspProxy {
  readonly url: string
  /** Every report received so far (the `csp-report` objects). */
  readonly reports: unknown[]
  close: () => Promise<void>
}

export async function startCspProxy (target: { port: number }, policy: string): Promise<CspProxy> {
  const reports: unknown[] = []
  const header = `${policy}; report-uri ${CSP_REPORT_PATH}`
  const server = http.createServer((req, res) => {
    if (req.url === CSP_REPORT_PATH && req.method === 'POST') {
      collectReport(req, reports, () => { res.writeHead(204).end() })
      return
    }
    const upstream = http.request({ host: '127.0.0.1', port: target.port, method: req.method, path: req.url, headers: req.headers }, reply => {
      res.writeHead(reply.statusCode ?? 502, { ...reply.headers, 'content-security-policy': header })
      reply.pipe(res)
    })
    upstream.on('error', () => { if (!res.headersSent) res.writeHead(502); res.end() })
    req.pipe(upstream)
  })
  const tunnels = new Set<net.Socket>()
  server.on('upgrade', (req, socket, head) => {
    const lines = [`${req.method ?? 'GET'} ${req.url ?? '/'} HTTP/1.1`]
    for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`)
    tunnelUpgrade(socket as net.Socket, head, { host: '127.0.0.1', port: target.port }, lines, tunnels)
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    reports,
    close: async () => {
      for (const tunnel of tunnels) tunnel.destroy()
      server.closeAllConnections()
      await new Promise<void>(resolve => server.close(() => resolve()))
    }
  }
}

function collectReport (req: http.IncomingMessage, reports: unknown[], done: () => void): void {
  const chunks: Buffer[] = []
  let size = 0
  req.on('data', (chunk: Buffer) => {
    size += chunk.length
    if (size <= MAX_REPORT_BYTES) chunks.push(chunk)
  })
  req.on('end', () => {
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { 'csp-report'?: unknown }
      reports.push(body['csp-report'] ?? body)
    } catch {
      reports.push({ unparsable: Buffer.concat(chunks).toString('utf8').slice(0, 500) })
    }
    done()
  })
}
