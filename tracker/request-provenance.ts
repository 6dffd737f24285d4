/**
 * Whether a request may come from a third-party page rather than from one of ours: such a
 * request may be refused, but it never counts towards a ban, or any web page could get its
 * visitor's address (the owner's) banned with a few `<img>` tags or a `new WebSocket(…)`.
 *
 * Browsers say where a request comes from: `Sec-Fetch-Site` on every request (Chromium,
 * Firefox, Safari 16.4+), `Origin` on WebSocket handshakes and on CORS and POST requests.
 * Anything but `same-origin` (or `none`, typed into the address bar) is a third party:
 * `same-site` is one too, since another port of the same host is another origin.
 *
 * A non-browser client can send these headers to dodge bans; that is accepted, because bans
 * shed load and do not stop guessing (credentials are 256 bits): load is bounded by the
 * connection caps and rate budgets, which no header avoids.
 */
import type { IncomingHttpHeaders } from 'node:http'

const OWN_FETCH_SITES = new Set(['same-origin', 'none'])

function single (value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

/** The `host[:port]` of an Origin header, lowercased; null for `null` and anything that is no URL. */
function originHost (origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase()
  } catch {
    return null
  }
}

export function isThirdPartyRequest (headers: IncomingHttpHeaders): boolean {
  const fetchSite = single(headers['sec-fetch-site'])?.toLowerCase()
  if (fetchSite !== undefined && !OWN_FETCH_SITES.has(fetchSite)) return true
  const origin = single(headers.origin)
  if (origin === undefined) return false
  const host = single(headers.host)?.toLowerCase()
  return host === undefined || originHost(origin) !== host
}
