/**
 * RTMP's chunk stream (the layer under messages, RTMP spec 5.3): a publisher's bytes are
 * split into chunks of at most `chunkSize` bytes, interleaved by chunk stream id, each with
 * a compressed header (fmt 0-3) relative to the previous chunk of its stream. ChunkReader
 * reassembles messages from bytes as they come; writeMessage does the reverse for the
 * seed node's few answers. Pure (no sockets), so the edge cases are unit-tested.
 * Memory per connection is bounded by the reader's limit (`maxMessageBytes`:
 * COMMAND_MESSAGE_BYTES until a publisher is admitted, MAX_MESSAGE_BYTES after): a message
 * larger than it is refused, and so is a message that would take the declared lengths of
 * all messages in progress, on all chunk streams together, over it. Each message in progress
 * is one buffer of its declared length, allocated when its first chunk is complete and
 * filled chunk by chunk (never a list of chunk-sized views, whose per-object overhead a
 * client could multiply with tiny chunks). Both limits are checked on a chunk's header,
 * before its bytes are waited for. Besides those buffers, the reader keeps the bytes not yet
 * read: one incomplete chunk (a header and at most `maxMessageBytes`, since a chunk is never
 * longer than its message) plus the rest of the latest socket read. So a connection holds at
 * most about twice `maxMessageBytes` and one read (64 KB), whatever it sends.
 */
export interface RtmpMessage {
  type: number
  streamId: number
  /** Milliseconds, absolute for the chunk stream (deltas already added). */
  timestamp: number
  payload: Buffer
}

export class RtmpProtocolError extends Error {}

export const DEFAULT_CHUNK_SIZE = 128
/**
 * The smallest Set Chunk Size taken. The spec allows 1, but every chunk costs a header and a
 * pass through the reader, so tiny chunks multiply a client's cost to us for nothing: the
 * spec's default is 128 and OBS and ffmpeg send 4096 or more.
 */
export const MIN_CHUNK_SIZE = DEFAULT_CHUNK_SIZE
/** A keyframe of 1080p H.264 at a high bitrate stays well under this. */
export const MAX_MESSAGE_BYTES = 8 * 1024 * 1024
/** Before `publish` is admitted only commands come, a few hundred bytes each. */
export const COMMAND_MESSAGE_BYTES = 64 * 1024
const MAX_CHUNK_SIZE = 0x7fffffff
const EXTENDED_TIMESTAMP = 0xffffff
/** Chunk streams a publisher may use at once (ffmpeg and OBS use 3 to 8). */
const MAX_CHUNK_STREAMS = 64

interface ChunkStreamState {
  timestamp: number
  delta: number
  length: number
  type: number
  streamId: number
  extended: boolean
  /** The message being reassembled (its declared length, filled up to `received`), or null between messages. */
  payload: Buffer | null
  received: number
}

export class ChunkReader {
  private buffer: Buffer = Buffer.alloc(0)
  private chunkSize = DEFAULT_CHUNK_SIZE
  private readonly streams = new Map<number, ChunkStreamState>()
  /** The declared lengths of the messages in progress on all chunk streams: what their buffers hold. */
  private pendingBytes = 0

  constructor (private maxMessageBytes = MAX_MESSAGE_BYTES) {}

  /** Raises (or lowers) the largest message taken, e.g. once the publisher's key was checked. */
  setMaxMessageBytes (bytes: number): void {
    this.maxMessageBytes = bytes
  }

  /** The publisher's Set Chunk Size (message type 1). */
  setChunkSize (size: number): void {
    if (size < MIN_CHUNK_SIZE || size > MAX_CHUNK_SIZE) throw new RtmpProtocolError(`chunk size ${size} is out of range`)
    this.chunkSize = size
  }

  /** Every message completed by these bytes, in order. Throws RtmpProtocolError on malformed input. */
  push (bytes: Buffer): RtmpMessage[] {
    this.buffer = this.buffer.length === 0 ? bytes : Buffer.concat([this.buffer, bytes])
    const messages: RtmpMessage[] = []
    for (;;) {
      const message = this.readChunk()
      if (message === 'need-more') break
      if (message !== null) {
        messages.push(message)
        // A Set Chunk Size applies to the very next chunk, which may already be in the buffer.
        if (message.type === 1 && message.payload.length >= 4) this.setChunkSize(message.payload.readUInt32BE(0) & MAX_CHUNK_SIZE)
      }
    }
    return messages
  }

  /** Reads one chunk: a completed message, null (a message continues), or 'need-more' (nothing consumed). */
  private readChunk (): RtmpMessage | null | 'need-more' {
    const bytes = this.buffer
    const basic = readBasicHeader(bytes)
    if (basic === null) return 'need-more'
    const { fmt, csid } = basic
    let at = basic.at
    const headerBytes = [11, 7, 3, 0][fmt]!
    if (bytes.length < at + headerBytes) return 'need-more'
    const previous = this.streams.get(csid)
    if (fmt !== 0 && previous === undefined) throw new RtmpProtocolError(`chunk stream ${csid} starts without a full header`)
    if (previous === undefined && this.streams.size >= MAX_CHUNK_STREAMS) throw new RtmpProtocolError('too many chunk streams')
    const state: ChunkStreamState = previous !== undefined ? { ...previous } : { timestamp: 0, delta: 0, length: 0, type: 0, streamId: 0, extended: false, payload: null, received: 0 }
    let timeField = 0
    if (fmt <= 2) timeField = bytes.readUIntBE(at, 3)
    if (fmt <= 1) {
      const length = bytes.readUIntBE(at + 3, 3)
      // A new length mid-message would leave the bytes already taken inconsistent with it (a negative take).
      if (state.payload !== null && length !== state.length) {
        throw new RtmpProtocolError(`chunk stream ${csid} changes its message length from ${state.length} to ${length} mid-message`)
      }
      state.length = length
      state.type = bytes[at + 6]!
    }
    if (fmt === 0) state.streamId = bytes.readUInt32LE(at + 7)
    at += headerBytes
    const extended = fmt <= 2 ? timeField === EXTENDED_TIMESTAMP : state.extended
    if (extended) {
      if (bytes.length < at + 4) return 'need-more'
      if (fmt <= 2) timeField = bytes.readUInt32BE(at)
      at += 4
    }
    const startsMessage = state.payload === null
    // Checked on the header, before its chunk's bytes are waited for (and held).
    this.checkLength(state.length, startsMessage)
    const take = Math.min(this.chunkSize, state.length - (startsMessage ? 0 : state.received))
    if (bytes.length < at + take) return 'need-more'
    if (startsMessage) this.startMessage(state, fmt, timeField)
    if (fmt <= 2) state.extended = extended
    // A copy, so that the buffer of bytes read (and the socket's chunks behind it) is not kept alive by the message.
    bytes.copy(state.payload!, state.received, at, at + take)
    state.received += take
    this.buffer = bytes.subarray(at + take)
    let message: RtmpMessage | null = null
    if (state.received >= state.length) {
      message = { type: state.type, streamId: state.streamId, timestamp: state.timestamp, payload: state.payload! }
      this.pendingBytes -= state.length
      state.payload = null
      state.received = 0
    }
    this.streams.set(csid, state)
    return message
  }

  /** A message's declared length against the limit, and, for a message about to start, the bytes of all messages in progress with it. */
  private checkLength (length: number, startsMessage: boolean): void {
    if (length > this.maxMessageBytes) throw new RtmpProtocolError(`a message of ${length} bytes is over the limit`)
    if (startsMessage && this.pendingBytes + length > this.maxMessageBytes) {
      throw new RtmpProtocolError(`messages in progress would hold ${this.pendingBytes + length} bytes, over the limit of ${this.maxMessageBytes}`)
    }
  }

  /** Sets the timestamp of the message `state` begins and allocates its payload (checkLength admitted it). */
  private startMessage (state: ChunkStreamState, fmt: number, timeField: number): void {
    // As ffmpeg and the spec (5.3.1.2.4): a fmt 3 message after a fmt 0 one repeats its timestamp field as the delta.
    if (fmt === 0) { state.timestamp = timeField; state.delta = timeField } else if (fmt <= 2) { state.delta = timeField; state.timestamp += timeField } else state.timestamp += state.delta
    state.payload = Buffer.alloc(state.length)
    state.received = 0
    this.pendingBytes += state.length
  }
}

/** A chunk's basic header (spec 5.3.1.1): its fmt, chunk stream id and length, or null when not all here yet. */
function readBasicHeader (bytes: Buffer): { fmt: number, csid: number, at: number } | null {
  if (bytes.length < 1) return null
  const fmt = bytes[0]! >> 6
  const low = bytes[0]! & 0x3f
  if (low === 0) return bytes.length < 2 ? null : { fmt, csid: bytes[1]! + 64, at: 2 }
  if (low === 1) return bytes.length < 3 ? null : { fmt, csid: bytes[1]! + bytes[2]! * 256 + 64, at: 3 }
  return { fmt, csid: low, at: 1 }
}

/** One message as chunks (fmt 0, then fmt 3 continuations), for chunk streams 2-63. */
export function writeMessage (csid: number, message: RtmpMessage, chunkSize: number): Buffer {
  const extended = message.timestamp >= EXTENDED_TIMESTAMP
  const header = Buffer.alloc(12 + (extended ? 4 : 0))
  header[0] = csid & 0x3f
  header.writeUIntBE(extended ? EXTENDED_TIMESTAMP : message.timestamp, 1, 3)
  header.writeUIntBE(message.payload.length, 4, 3)
  header[7] = message.type
  header.writeUInt32LE(message.streamId, 8)
  if (extended) header.writeUInt32BE(message.timestamp, 12)
  const out: Buffer[] = [header]
  for (let at = 0; at < message.payload.length || at === 0; at += chunkSize) {
    if (at > 0) out.push(Buffer.from([0xc0 | (csid & 0x3f)]), ...(extended ? [header.subarray(12)] : []))
    out.push(message.payload.subarray(at, at + chunkSize))
    if (message.payload.length === 0) break
  }
  return Buffer.concat(out)
}
