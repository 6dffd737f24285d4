/**
 * Parses one WebSocket frame from a client into a typed tracker message, before
 * bittorrent-tracker sees it. Three outcomes: a message to serve; a refusal (a field is
 * wrong: the client gets a `failure reason` and keeps its connection, as with
 * bittorrent-tracker); or a reason to close (binary frame, not JSON, not an object, unknown
 * action). Only the fields a tracker uses survive, so nothing odd reaches the library, and
 * the parsed value is what the library serves (websocket-request.ts): no second parse.
 */
import type { CloseCause } from './close-reasons.ts'

/** Binary strings as WebTorrent puts them in JSON: one char (0–255) per byte. */
export type BinaryString = string

export interface RelayOffer { offer: Record<string, unknown>, offer_id: string }

export interface AnnounceMessage {
  action: 'announce'
  info_hash: BinaryString
  infoHashHex: string
  peer_id: BinaryString
  peerIdHex: string
  event?: string
  uploaded?: number
  downloaded?: number
  left?: number
  offers?: RelayOffer[]
  /** Offers beyond `maxOffers`, dropped. */
  offersDropped: number
  answer?: { answer: Record<string, unknown>, to_peer_id: BinaryString, toPeerIdHex: string, offer_id: string }
}

export interface ScrapeMessage {
  action: 'scrape'
  /** Null: a scrape of every swarm. */
  info_hash: BinaryString[] | null
  infoHashesHex: string[] | null
}

export type GuardResult =
  | { kind: 'serve', message: AnnounceMessage | ScrapeMessage }
  | { kind: 'refuse', reason: string, action?: 'announce' | 'scrape', info_hash?: BinaryString }
  | { kind: 'close', cause: CloseCause }

const EVENTS = new Set(['started', 'stopped', 'completed', 'update', 'paused', 'empty'])
const MAX_OFFER_ID_CHARS = 100
const MAX_SCRAPE_INFO_HASHES = 100

export function isBinaryString20 (value: unknown): value is BinaryString {
  if (typeof value !== 'string' || value.length !== 20) return false
  for (let i = 0; i < 20; i++) if (value.charCodeAt(i) > 0xff) return false
  return true
}

export function binaryToHex (value: BinaryString): string {
  return Buffer.from(value, 'latin1').toString('hex')
}

function isObject (value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isOfferId (value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_OFFER_ID_CHARS
}

function optionalCount (value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value
  if (typeof value === 'string' && /^\d{1,20}$/.test(value)) return Number(value)
  return undefined
}

function parseAnnounce (raw: Record<string, unknown>, maxOffers: number): GuardResult {
  const refuse = (reason: string): GuardResult => ({ kind: 'refuse', reason, action: 'announce', ...(isBinaryString20(raw.info_hash) ? { info_hash: raw.info_hash } : {}) })
  if (!isBinaryString20(raw.info_hash)) return refuse('invalid info_hash')
  if (!isBinaryString20(raw.peer_id)) return refuse('invalid peer_id')
  if (raw.event !== undefined && (typeof raw.event !== 'string' || !EVENTS.has(raw.event))) return refuse('invalid event')
  const message: AnnounceMessage = {
    action: 'announce',
    info_hash: raw.info_hash,
    infoHashHex: binaryToHex(raw.info_hash),
    peer_id: raw.peer_id,
    peerIdHex: binaryToHex(raw.peer_id),
    offersDropped: 0
  }
  if (typeof raw.event === 'string') message.event = raw.event
  for (const field of ['uploaded', 'downloaded', 'left'] as const) {
    const value = optionalCount(raw[field])
    if (value !== undefined) message[field] = value
  }
  if (raw.answer !== undefined && raw.answer !== null) {
    if (!isObject(raw.answer)) return refuse('invalid answer')
    if (!isBinaryString20(raw.to_peer_id)) return refuse('invalid `to_peer_id` (required with `answer`)')
    if (!isOfferId(raw.offer_id)) return refuse('invalid `offer_id` (required with `answer`)')
    message.answer = { answer: raw.answer, to_peer_id: raw.to_peer_id, toPeerIdHex: binaryToHex(raw.to_peer_id), offer_id: raw.offer_id }
    return { kind: 'serve', message }
  }
  if (raw.offers !== undefined && raw.offers !== null) {
    if (!Array.isArray(raw.offers)) return refuse('invalid offers')
    const offers: RelayOffer[] = []
    for (const entry of raw.offers.slice(0, maxOffers) as unknown[]) {
      if (!isObject(entry) || !isObject(entry.offer) || !isOfferId(entry.offer_id)) return refuse('invalid offer')
      offers.push({ offer: entry.offer, offer_id: entry.offer_id })
    }
    message.offers = offers
    message.offersDropped = raw.offers.length - offers.length
  }
  return { kind: 'serve', message }
}

function parseScrape (raw: Record<string, unknown>): GuardResult {
  const refuse = (reason: string): GuardResult => ({ kind: 'refuse', reason, action: 'scrape' })
  if (raw.info_hash === undefined || raw.info_hash === null) return { kind: 'serve', message: { action: 'scrape', info_hash: null, infoHashesHex: null } }
  const list: unknown[] = Array.isArray(raw.info_hash) ? raw.info_hash : [raw.info_hash]
  if (list.length > MAX_SCRAPE_INFO_HASHES) return refuse(`too many info_hash (at most ${MAX_SCRAPE_INFO_HASHES})`)
  if (!list.every(isBinaryString20)) return refuse('invalid info_hash')
  const hashes = list as BinaryString[]
  return { kind: 'serve', message: { action: 'scrape', info_hash: hashes, infoHashesHex: hashes.map(binaryToHex) } }
}

/** Parses one frame. `isBinary` frames are refused outright: WebTorrent sends text. */
export function guardMessage (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean, maxOffers: number): GuardResult {
  if (isBinary) return { kind: 'close', cause: 'binaryFrame' }
  const text = Buffer.isBuffer(data) ? data.toString('utf8') : Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data).toString('utf8')
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return { kind: 'close', cause: 'malformedJson' }
  }
  if (!isObject(raw)) return { kind: 'close', cause: 'notAnObject' }
  if (raw.action === 'announce') return parseAnnounce(raw, maxOffers)
  if (raw.action === 'scrape') return parseScrape(raw)
  return { kind: 'close', cause: 'unknownAction' }
}
