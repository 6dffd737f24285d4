/**
 * One RTMP connection from a publisher (OBS, ffmpeg), as far as publishing needs: the
 * plain handshake (RTMP spec 5.2; no Flash digest, which publishers do not require from a
 * server), then `connect`, `releaseStream`/`FCPublish`, `createStream`, `publish <key>`, and
 * audio, video and `@setDataFrame` messages until the publisher leaves (`deleteStream`,
 * `FCUnpublish`, or the socket closes). Whether a `publish` is admitted is the listener's
 * decision (`onPublish`): a refusal is answered `NetStream.Publish.BadName` (OBS says so)
 * and the connection closed. Media is handed on as it comes, each message when complete.
 * What a connection can make us hold is the chunk reader's bound (rtmp-chunks.ts): the
 * messages in progress on all its chunk streams together within 64 KB (COMMAND_MESSAGE_BYTES)
 * until a `publish` is admitted, 8 MB (MAX_MESSAGE_BYTES) after, plus at most one incomplete
 * chunk of that size and one socket read; the handshake holds at most C0+C1+C2 (3,073 bytes)
 * and one read.
 */
import { randomBytes } from 'node:crypto'
import type { Socket } from 'node:net'
import { Amf0Error, decodeAmf0, encodeAmf0, type Amf0Object, type Amf0Value } from './amf0.ts'
import { ChunkReader, COMMAND_MESSAGE_BYTES, MAX_MESSAGE_BYTES, RtmpProtocolError, writeMessage, type RtmpMessage } from './rtmp-chunks.ts'

const HANDSHAKE_BYTES = 1536
const RTMP_VERSION = 3
const OUT_CHUNK_SIZE = 4096
const WINDOW_ACK_BYTES = 2_500_000
/** The message stream a publisher gets from createStream (one per connection). */
const PUBLISH_STREAM_ID = 1
const CLOSE_AFTER_REFUSAL_MS = 500

export const MSG = { setChunkSize: 1, abort: 2, ack: 3, userControl: 4, windowAck: 5, peerBandwidth: 6, audio: 8, video: 9, amf3Command: 17, data: 18, command: 20 } as const

export interface MediaSink {
  media: (message: RtmpMessage) => void
  /** The publisher left or the connection broke; `reason` in words for the log. */
  end: (reason: string) => void
}

export type PublishDecision = { accept: true, sink: MediaSink } | { accept: false, description: string }

export interface RtmpSessionHooks {
  onPublish: (key: string, app: string) => PublishDecision
  /** Anything malformed or out of protocol, before the connection is closed. */
  onProtocolError: (message: string) => void
}

type Phase = 'c0c1' | 'c2' | 'chunks' | 'closed'

export class RtmpSession {
  private phase: Phase = 'c0c1'
  private pending = Buffer.alloc(0)
  private readonly reader = new ChunkReader(COMMAND_MESSAGE_BYTES)
  private app = ''
  private sink: MediaSink | null = null
  private received = 0
  private acked = 0
  private peerWindow = 0

  constructor (private readonly socket: Socket, private readonly hooks: RtmpSessionHooks) {
    socket.on('data', (bytes: Buffer) => this.onData(bytes))
    socket.on('close', () => this.finish('the connection closed'))
    socket.on('error', () => {}) // 'close' follows
  }

  /** Publishing now (after an admitted `publish`). */
  get publishing (): boolean { return this.sink !== null }

  /** Ends the connection from this side (the channel is closing, or its ffmpeg stopped). */
  close (reason: string): void {
    this.finish(reason)
    this.socket.destroy()
  }

  private isClosed (): boolean { return this.phase === 'closed' }

  private finish (reason: string): void {
    if (this.phase === 'closed') return
    this.phase = 'closed'
    const sink = this.sink
    this.sink = null
    sink?.end(reason)
  }

  private onData (bytes: Buffer): void {
    if (this.phase === 'closed') return
    // Counted here only, once per read: the handshake hands what follows C2 to `consume`, not back here.
    this.received += bytes.length
    try {
      this.consume(bytes)
    } catch (err) {
      if (!(err instanceof RtmpProtocolError || err instanceof Amf0Error)) throw err
      this.hooks.onProtocolError(err.message)
      this.close(`protocol error: ${err.message}`)
    }
  }

  private consume (bytes: Buffer): void {
    if (this.phase !== 'chunks') return this.handshake(bytes)
    for (const message of this.reader.push(bytes)) {
      this.onMessage(message)
      if (this.isClosed()) return
    }
    this.acknowledge()
  }

  private handshake (bytes: Buffer): void {
    this.pending = Buffer.concat([this.pending, bytes])
    if (this.phase === 'c0c1') {
      if (this.pending.length < 1 + HANDSHAKE_BYTES) return
      if (this.pending[0] !== RTMP_VERSION) throw new RtmpProtocolError(`not RTMP (version byte ${String(this.pending[0])})`)
      const c1 = this.pending.subarray(1, 1 + HANDSHAKE_BYTES)
      // S1: time 0, version 0 (so a client does not look for a Flash digest), then random bytes. S2 echoes C1.
      const s1 = Buffer.concat([Buffer.alloc(8), randomBytes(HANDSHAKE_BYTES - 8)])
      this.socket.write(Buffer.concat([Buffer.from([RTMP_VERSION]), s1, c1]))
      this.pending = this.pending.subarray(1 + HANDSHAKE_BYTES)
      this.phase = 'c2'
    }
    if (this.phase === 'c2' && this.pending.length >= HANDSHAKE_BYTES) {
      const rest = this.pending.subarray(HANDSHAKE_BYTES)
      this.pending = Buffer.alloc(0)
      this.phase = 'chunks'
      if (rest.length > 0) this.consume(rest)
    }
  }

  /** Acknowledges every `peerWindow` bytes, when the publisher asked for acknowledgements. */
  private acknowledge (): void {
    if (this.peerWindow <= 0 || this.received - this.acked < this.peerWindow) return
    this.acked = this.received
    const sequence = Buffer.alloc(4)
    sequence.writeUInt32BE(this.received >>> 0)
    this.send(2, MSG.ack, 0, sequence)
  }

  private send (csid: number, type: number, streamId: number, payload: Buffer): void {
    if (!this.socket.destroyed) this.socket.write(writeMessage(csid, { type, streamId, timestamp: 0, payload }, OUT_CHUNK_SIZE))
  }

  private sendCommand (streamId: number, ...values: Amf0Value[]): void {
    this.send(3, MSG.command, streamId, encodeAmf0(...values))
  }

  private onMessage (message: RtmpMessage): void {
    switch (message.type) {
      case MSG.windowAck:
        if (message.payload.length >= 4) this.peerWindow = message.payload.readUInt32BE(0)
        return
      case MSG.audio:
      case MSG.video:
      case MSG.data:
        this.sink?.media(message)
        return
      case MSG.command:
        return this.onCommand(decodeAmf0(message.payload))
      case MSG.amf3Command:
        // An AMF3 command message is AMF0 after a format byte.
        return this.onCommand(decodeAmf0(message.payload.subarray(1)))
      default:
    }
  }

  private onCommand (values: Amf0Value[]): void {
    const [name, transaction] = values
    if (typeof name !== 'string') throw new RtmpProtocolError('a command without a name')
    const txn = typeof transaction === 'number' ? transaction : 0
    switch (name) {
      case 'connect': return this.onConnect(txn, values[2])
      case 'releaseStream':
      case 'FCPublish':
      case 'getStreamLength':
        return this.sendCommand(0, '_result', txn, null, undefined)
      case 'createStream':
        return this.sendCommand(0, '_result', txn, null, PUBLISH_STREAM_ID)
      case 'publish': return this.onPublishCommand(values[3])
      case 'FCUnpublish':
      case 'deleteStream':
      case 'closeStream':
        return this.close('the publisher stopped')
      case 'play': return this.refuse('this server takes a publisher only; watch the channel in the app')
      default:
    }
  }

  private onConnect (txn: number, commandObject: Amf0Value): void {
    const app = isObject(commandObject) && typeof commandObject.app === 'string' ? commandObject.app : ''
    this.app = app.slice(0, 200)
    const four = (value: number): Buffer => { const out = Buffer.alloc(4); out.writeUInt32BE(value); return out }
    this.send(2, MSG.windowAck, 0, four(WINDOW_ACK_BYTES))
    this.send(2, MSG.peerBandwidth, 0, Buffer.concat([four(WINDOW_ACK_BYTES), Buffer.from([2])]))
    this.send(2, MSG.setChunkSize, 0, four(OUT_CHUNK_SIZE))
    this.sendCommand(0, '_result', txn,
      { fmsVer: 'FMS/3,0,1,123', capabilities: 31 },
      { level: 'status', code: 'NetConnection.Connect.Success', description: 'Connection succeeded.', objectEncoding: 0 })
  }

  private onPublishCommand (keyValue: Amf0Value): void {
    if (this.sink !== null) return
    // A key may carry a query (`key?param=…`, some tools add one): the key is what comes before it.
    const key = typeof keyValue === 'string' ? keyValue.split('?')[0] ?? '' : ''
    const decision = this.hooks.onPublish(key, this.app)
    if (!decision.accept) return this.refuse(decision.description)
    this.sink = decision.sink
    this.reader.setMaxMessageBytes(MAX_MESSAGE_BYTES)
    const begin = Buffer.alloc(6)
    begin.writeUInt32BE(PUBLISH_STREAM_ID, 2) // user control event 0: Stream Begin
    this.send(2, MSG.userControl, 0, begin)
    this.sendCommand(PUBLISH_STREAM_ID, 'onStatus', 0, null, { level: 'status', code: 'NetStream.Publish.Start', description: 'Publishing to Hearth.' })
  }

  private refuse (description: string): void {
    this.sendCommand(PUBLISH_STREAM_ID, 'onStatus', 0, null, { level: 'error', code: 'NetStream.Publish.BadName', description })
    this.finish(description)
    // The answer is written first, so that the publisher can tell its user why.
    setTimeout(() => this.socket.destroy(), CLOSE_AFTER_REFUSAL_MS).unref()
    this.socket.end()
  }
}

function isObject (value: Amf0Value): value is Amf0Object {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
