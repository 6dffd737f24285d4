/**
 * The probe server, run on the LAN's router host (`nsenter … node --import tsx
 * probe-server.ts <cert.pem> <key.pem>`): an HTTPS page (a secure context for the probe
 * peers) and a WebSocket relay at `/relay/<room>` that forwards every message to the other
 * members of the room and replays the room's earlier messages to a late joiner (so the
 * offer waits for its answerer). It listens on 0.0.0.0 and a port chosen at run time, and
 * prints `probe server listening on <port>` once ready.
 */
import https from 'node:https'
import { readFileSync } from 'node:fs'
import { WebSocketServer, type WebSocket } from 'ws'

/** Bounds: a room holds two peers' signalling, a few dozen messages of a few KiB. */
const MAX_MESSAGE_BYTES = 64 * 1024
const MAX_BACKLOG_MESSAGES = 500
export const PROBE_PAGE_HTML = '<!doctype html><meta charset="utf-8"><title>Hearth LAN probe</title><p>probe</p>'

interface Room { members: Set<WebSocket>, backlog: string[] }

function main (): void {
  const [certFile, keyFile] = process.argv.slice(2)
  if (certFile === undefined || keyFile === undefined) throw new Error('usage: probe-server.ts <cert.pem> <key.pem>')
  const server = https.createServer({ cert: readFileSync(certFile), key: readFileSync(keyFile) }, (req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(PROBE_PAGE_HTML)
  })
  const rooms = new Map<string, Room>()
  const relay = new WebSocketServer({ server, maxPayload: MAX_MESSAGE_BYTES })
  relay.on('connection', (socket, req) => {
    const name = /^\/relay\/([\w-]{1,64})$/.exec(req.url ?? '')?.[1]
    if (name === undefined) { socket.close(1008, 'no room'); return }
    const room = rooms.get(name) ?? { members: new Set(), backlog: [] }
    rooms.set(name, room)
    for (const message of room.backlog) socket.send(message)
    room.members.add(socket)
    socket.on('message', data => {
      const text = Buffer.isBuffer(data) ? data.toString() : String(data)
      if (room.backlog.length < MAX_BACKLOG_MESSAGES) room.backlog.push(text)
      for (const member of room.members) if (member !== socket) member.send(text)
    })
    socket.on('close', () => room.members.delete(socket))
  })
  server.listen(0, '0.0.0.0', () => {
    const address = server.address()
    process.stdout.write(`probe server listening on ${typeof address === 'object' && address !== null ? address.port : 0}\n`)
  })
}

main()
