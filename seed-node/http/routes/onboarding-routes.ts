/**
 * What plain HTTP from another device gets while the seed node speaks HTTPS (port-listener.ts
 * hands such requests here and nowhere else):
 *   /onboarding, /household-ca.crt, its QR code and styles → the onboarding page (household CA only)
 *   / (household CA)                                      → the onboarding page: the device may not trust us yet
 *   GET/HEAD of any other path                            → 308 to the same path over HTTPS (same port)
 *   /api/*, /announce, /scrape, /webseed/*, other methods, WebSocket upgrades
 *                                                         → 426 Upgrade Required, so no credential is ever sent in clear
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import { errorBody } from '../../../protocol/api/api-error.ts'
import type { Logger } from '../../lib/log.ts'
import type { PortHandler } from '../../port-listener.ts'
import type { HouseholdCa } from '../../tls/household-ca.ts'
import { sendJson, sendPlain } from '../answer.ts'
import { transportOf } from '../request-transport.ts'
import { ONBOARDING_CSS, ONBOARDING_PATHS, onboardingPage } from './onboarding-page.ts'

const URL_BASE = 'http://seed-node.invalid'
const HTTPS_REQUIRED = 'this home server speaks HTTPS to other devices: use https:// (see /onboarding to trust it)'
/** Paths that carry a credential or token: refused, never redirected (a redirect would already have sent it). */
const CREDENTIAL_PATHS = /^\/(api|announce|scrape|webseed)(\/|$)/

export interface PlainHttpDeps {
  /** The household CA when it issues our certificate; null with brought files or ACME (nothing to install). */
  ca: HouseholdCa | null
  /** The HTTPS origin to name when the request's Host header is missing or malformed. */
  fallbackOrigin: () => string
  log: Logger
}

function send (res: ServerResponse, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  res.writeHead(200, { 'content-type': type, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff', ...extra }).end(body)
}

function refuse (res: ServerResponse, pathname: string): void {
  const headers = { upgrade: 'TLS/1.2, HTTP/1.1', connection: 'Upgrade, close' }
  if (pathname.startsWith('/api/')) sendJson(res, 426, errorBody('HEARTH_E_HTTPS_REQUIRED', HTTPS_REQUIRED), headers)
  else sendPlain(res, 426, HTTPS_REQUIRED, headers)
}

async function serveOnboarding (ca: HouseholdCa, pathname: string, httpsOrigin: string, host: string | undefined, res: ServerResponse): Promise<boolean> {
  if (pathname === ONBOARDING_PATHS.page || pathname === '/') {
    send(res, 'text/html; charset=utf-8', onboardingPage({ fingerprint: ca.fingerprint, httpsUrl: `${httpsOrigin}/` }))
  } else if (pathname === ONBOARDING_PATHS.caCertificate) {
    send(res, 'application/x-x509-ca-cert', ca.certDer, { 'content-disposition': 'attachment; filename="hearth-household-ca.crt"' })
  } else if (pathname === ONBOARDING_PATHS.qrCode) {
    const pageUrl = host === undefined ? `${httpsOrigin.replace(/^https:/, 'http:')}${ONBOARDING_PATHS.page}` : `http://${host}${ONBOARDING_PATHS.page}`
    const { default: QRCode } = await import('qrcode')
    send(res, 'image/svg+xml', await QRCode.toString(pageUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }))
  } else if (pathname === ONBOARDING_PATHS.styles) {
    send(res, 'text/css; charset=utf-8', ONBOARDING_CSS)
  } else {
    return false
  }
  return true
}

async function answer (deps: PlainHttpDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let url: URL
  try {
    url = new URL(req.url ?? '/', URL_BASE)
  } catch {
    sendPlain(res, 400, 'bad request')
    return
  }
  const read = req.method === 'GET' || req.method === 'HEAD'
  if (!read || CREDENTIAL_PATHS.test(url.pathname)) return refuse(res, url.pathname)
  const host = transportOf(req).host
  const httpsOrigin = host === undefined ? deps.fallbackOrigin() : `https://${host}`
  if (deps.ca !== null && await serveOnboarding(deps.ca, url.pathname, httpsOrigin, host, res)) return
  // Same port: the browser comes back with TLS. The fragment (a pairing key) is kept by the browser.
  res.writeHead(308, { location: `${httpsOrigin}${url.pathname}${url.search}`, 'content-length': 0, 'cache-control': 'no-cache' }).end()
}

export function plainHttpHandler (deps: PlainHttpDeps): PortHandler {
  return {
    request: (req, res) => {
      answer(deps, req, res).catch((err: unknown) => {
        deps.log.warn('http.onboarding_failed', { error: err instanceof Error ? err.message : String(err) })
        if (!res.headersSent) sendPlain(res, 500, 'internal error')
        else res.destroy()
      })
    },
    upgrade: (_req: IncomingMessage, socket: Duplex) => {
      socket.end(`HTTP/1.1 426 Upgrade Required\r\nUpgrade: TLS/1.2, HTTP/1.1\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
    }
  }
}
