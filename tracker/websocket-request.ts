/**
 * Serves a message the guard has already parsed (message-guard.ts) straight to
 * bittorrent-tracker's request handler, so each frame is parsed once: the library's own
 * path (`_onWebSocketRequest`) would JSON.parse a text again and hex-encode ids we already
 * hold. What follows is that path after its parse, as in bittorrent-tracker 11.x server.js
 * (`_onWebSocketRequest`) and lib/server/parse-websocket.js: the same params, the same
 * replies, the same offer and answer relays.
 */
import type { IncomingMessage } from 'node:http'
import type { Server, SwarmPeer } from 'bittorrent-tracker'
import type { WebSocket } from 'ws'
import type { AnnounceMessage, ScrapeMessage } from './message-guard.ts'

/** bittorrent-tracker's action numbers (lib/common-node.js ACTIONS). */
const ACTION_ANNOUNCE = 1
const ACTION_SCRAPE = 2
/** lib/common.js MAX_ANNOUNCE_PEERS: at most this many offers are relayed per announce. */
const MAX_ANNOUNCE_PEERS = 82
/** lib/common-node.js EVENT_NAMES: the event the library emits once an announce is served. */
const EVENT_NAMES: Record<string, string> = { update: 'update', completed: 'complete', started: 'start', stopped: 'stop', paused: 'pause' }

/** What onWebSocketConnection hangs on a socket, and what parse-websocket.js adds on the first message. */
interface LibrarySocket {
  peerId: string | null
  infoHashes: string[] | null
  destroyed?: boolean
  onSend: (err?: Error) => void
  ip?: string
  port?: number
  addr?: string
  headers?: IncomingMessage['headers']
}

export interface PeerAddress { ip: string, port: number | undefined, addr: string | undefined, headers: IncomingMessage['headers'] }

/** The peer's address as parse-websocket.js records it (no trusted proxy: the socket's own). */
export function peerAddressOf (req: IncomingMessage): PeerAddress {
  const ip = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '')
  const port = req.socket.remotePort
  const addr = port ? `${/^[\da-fA-F:]+$/.test(ip) ? `[${ip}]` : ip}:${port}` : undefined
  return { ip, port, addr, headers: req.headers }
}

/** The socket as the library sees it: the fields onWebSocketConnection set on the ws object. */
function librarySocket (ws: WebSocket): WebSocket & LibrarySocket {
  return ws as WebSocket & LibrarySocket
}

function send (ws: WebSocket & LibrarySocket, body: unknown): void {
  ws.send(JSON.stringify(body), ws.onSend)
}

/** Serves one checked announce or scrape; the library's bookkeeping and relays as its own path does. */
export function serveParsed (server: Server, ws: WebSocket, address: PeerAddress, message: AnnounceMessage | ScrapeMessage): void {
  const socket = librarySocket(ws)
  if (message.action === 'scrape') return serveScrape(server, socket, message)
  return serveAnnounce(server, socket, address, message)
}

function serveScrape (server: Server, socket: WebSocket & LibrarySocket, message: ScrapeMessage): void {
  const params = { type: 'ws', socket, action: ACTION_SCRAPE, ...(message.infoHashesHex === null ? {} : { info_hash: message.infoHashesHex }) }
  server._onRequest(params, (err, response) => {
    if (server.destroyed || socket.destroyed) return
    if (err || !response) {
      send(socket, { action: 'scrape', 'failure reason': err?.message ?? 'scrape failed' })
      server.emit('warning', err)
      return
    }
    send(socket, { ...response, action: 'scrape' })
  })
}

function serveAnnounce (server: Server, socket: WebSocket & LibrarySocket, address: PeerAddress, message: AnnounceMessage): void {
  const params: Record<string, unknown> = {
    type: 'ws',
    socket,
    action: ACTION_ANNOUNCE,
    info_hash: message.infoHashHex,
    peer_id: message.peerIdHex,
    event: message.event,
    uploaded: message.uploaded,
    downloaded: message.downloaded,
    left: message.left ?? Infinity,
    offers: message.offers,
    numwant: Math.min(message.offers?.length ?? 0, MAX_ANNOUNCE_PEERS),
    compact: -1,
    ip: address.ip,
    port: address.port,
    addr: address.addr,
    headers: address.headers
  }
  if (message.answer) Object.assign(params, { answer: message.answer.answer, to_peer_id: message.answer.toPeerIdHex, offer_id: message.answer.offer_id })
  socket.peerId ??= message.peerIdHex
  server._onRequest(params, (err, response) => {
    if (server.destroyed || socket.destroyed) return
    if (err || !response) {
      send(socket, { action: 'announce', 'failure reason': err?.message ?? 'announce failed', info_hash: message.info_hash })
      server.emit('warning', err)
      return
    }
    const peers = response.peers
    if (socket.infoHashes && !socket.infoHashes.includes(message.infoHashHex)) socket.infoHashes.push(message.infoHashHex)
    // An answer needs no reply of its own: it is relayed below.
    if (!message.answer) send(socket, { complete: response.complete, incomplete: response.incomplete, action: 'announce', info_hash: message.info_hash, interval: Math.ceil(server.intervalMs / 1000 / 5) })
    if (message.offers && peers) relayOffers(message, peers)
    const done = (): void => { server.emit(EVENT_NAMES[String(params.event)] ?? 'update', message.peerIdHex, params) }
    if (message.answer) relayAnswer(server, message, done)
    else done()
  })
}

function relayOffers (message: AnnounceMessage, peers: SwarmPeer[]): void {
  const offers = message.offers ?? []
  peers.forEach((peer, i) => {
    const offer = offers[i]
    const to = peer.socket as (WebSocket & LibrarySocket) | null | undefined
    if (!offer || !to) return
    send(to, { action: 'announce', offer: offer.offer, offer_id: offer.offer_id, peer_id: message.peer_id, info_hash: message.info_hash })
  })
}

function relayAnswer (server: Server, message: AnnounceMessage, done: () => void): void {
  const answer = message.answer
  if (!answer) return
  server.getSwarm(message.infoHashHex, (err, swarm) => {
    if (server.destroyed) return
    if (err) return void server.emit('warning', err)
    if (!swarm) return void server.emit('warning', new Error('no swarm with that `info_hash`'))
    const toPeer = swarm.peers.get(answer.toPeerIdHex)
    const to = toPeer?.socket as (WebSocket & LibrarySocket) | null | undefined
    if (!to) return void server.emit('warning', new Error('no peer with that `to_peer_id`'))
    send(to, { action: 'announce', answer: answer.answer, offer_id: answer.offer_id, peer_id: message.peer_id, info_hash: message.info_hash })
    done()
  })
}
