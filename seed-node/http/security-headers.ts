/**
 * The headers every response of the seed node's port carries (API, web seed, app files,
 * tracker, errors, the 503 while starting), set before any handler runs:
 * - a Content-Security-Policy the app passes: scripts only from this origin (no inline
 *   script, no eval), so a hostile file name or subtitle cannot run code in the paired app;
 * - no framing (`frame-ancestors 'none'`, and X-Frame-Options for older browsers): a page
 *   on another port of the same host cannot frame the library (clickjacking);
 * - `nosniff`: a file from the library is never run as script or style;
 * - `no-referrer`: URLs that carry a token (web seed, announce) never leak to another site.
 *
 * Why the sources beyond 'self': media plays from `blob:` URLs and the service worker;
 * posters may be `data:`; `connect-src` lists ws/wss and http/https because a magnet opened
 * in the app may name any tracker and web seed (WebRTC itself is outside CSP). Styles come
 * from files only: React sets `style` props through the CSSOM, which CSP does not block.
 */
import type { ServerResponse } from 'node:http'

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "connect-src 'self' ws: wss: http: https:",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'"
].join('; ')

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer'
}

/**
 * Cross-Origin-Opener-Policy isolates the app's window from pages it opens or that open it.
 * Browsers honour it only on a trustworthy origin and report it as an error elsewhere (plain
 * HTTP at a LAN address, where the app shows its "use HTTPS" page), so it is sent only there.
 */
const OPENER_POLICY = 'same-origin'
const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d+)?$/i

function trustworthyOrigin (res: ServerResponse): boolean {
  const req = res.req as ServerResponse['req'] | undefined
  if (req === undefined) return false
  return (req.socket as { encrypted?: boolean }).encrypted === true || LOOPBACK_HOST.test(req.headers.host ?? '')
}

/** Sets the headers on `res`; a handler's own `writeHead` headers add to them. */
export function applySecurityHeaders (res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value)
  if (trustworthyOrigin(res)) res.setHeader('cross-origin-opener-policy', OPENER_POLICY)
}

/** The same headers as raw lines, for answers written straight to a socket (refused upgrades). */
export function securityHeaderLines (): string {
  return Object.entries(SECURITY_HEADERS).map(([name, value]) => `${name}: ${value}\r\n`).join('')
}
