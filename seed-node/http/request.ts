/**
 * A request as the routes see it, parsed once: method, path, query, headers and the
 * caller's address. Handlers never re-parse `req.url`; the raw message stays reachable for
 * what must read it as a stream (a POST body) or hand it on (the tracker).
 */
import type { IncomingMessage } from 'node:http'
import { ApiError } from '../../protocol/api/api-error.ts'
import { clientAddressOf } from './request-transport.ts'

/** A base for relative request targets; never contacted, only parsed against. */
const URL_BASE = 'http://seed-node.invalid'

export interface HearthRequest {
  /** `GET`, `HEAD`, `POST`, … as sent (Node upper-cases known methods). */
  readonly method: string
  /** The path, still percent-encoded (`/api/catalog/<id>`). */
  readonly pathname: string
  readonly searchParams: URLSearchParams
  /** The caller's IP address (the one bans are counted against; the client behind a trusted proxy). */
  readonly remoteAddress: string
  /** The request target for log lines, with any token in the path hidden. */
  readonly loggedPath: string
  /** One header's value (lowercase name); a repeated header's values joined with `, `. */
  header (name: string): string | undefined
  /** The message itself, for its body stream or to pass it to the tracker. */
  readonly raw: IncomingMessage
}

/** Throws ApiError HEARTH_E_BAD_REQUEST for a request target that is no URL. */
export function parseRequest (req: IncomingMessage): HearthRequest {
  let url: URL
  try {
    url = new URL(req.url ?? '/', URL_BASE)
  } catch {
    // Node accepts request targets the WHATWG URL parser refuses (`http://[`).
    throw new ApiError('HEARTH_E_BAD_REQUEST', 'the request target is not a URL path')
  }
  return {
    method: req.method ?? 'GET',
    pathname: url.pathname,
    searchParams: url.searchParams,
    remoteAddress: clientAddressOf(req),
    loggedPath: loggablePath(req.url),
    header: name => {
      const value = req.headers[name.toLowerCase()]
      return Array.isArray(value) ? value.join(', ') : value
    },
    raw: req
  }
}

/** GET and HEAD are answered alike (HEAD without the body). */
export function isRead (request: HearthRequest): boolean {
  return request.method === 'GET' || request.method === 'HEAD'
}

/** The request target for a log line, with a credential or share token in the path hidden. */
export function loggablePath (target: string | undefined): string {
  return (target ?? '/').replace(/^\/(webseed|announce|scrape|subtitles|torrent|live)\/[^/?]+/, '/$1/<token>').slice(0, 200)
}
