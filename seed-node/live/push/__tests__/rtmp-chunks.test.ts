import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { Amf0Error, decodeAmf0, encodeAmf0 } from '../amf0.ts'
import { ChunkReader, COMMAND_MESSAGE_BYTES, MAX_MESSAGE_BYTES, MIN_CHUNK_SIZE, RtmpProtocolError, writeMessage, type RtmpMessage } from '../rtmp-chunks.ts'

const message = (type: number, timestamp: number, size: number, fill = 7): RtmpMessage => ({ type, streamId: 1, timestamp, payload: Buffer.alloc(size, fill) })

describe('AMF0', () => {
  it('reads back what it writes: a connect command and its answer', () => {
    const values = ['connect', 1, { app: 'live', tcUrl: 'rtmp://127.0.0.1:1935/live', nested: { ok: true, none: null } }, [1, 'two'], undefined]
    expect(decodeAmf0(encodeAmf0(...values))).toEqual(values)
  })

  it('reads an ECMA array (onMetaData) by its end marker', () => {
    const body = Buffer.concat([Buffer.from([0x08, 0, 0, 0, 9]), Buffer.from([0, 12]), Buffer.from('audiocodecid'), encodeAmf0(10), Buffer.from([0, 0, 9])])
    expect(decodeAmf0(body)).toEqual([{ audiocodecid: 10 }])
  })

  it('refuses malformed input instead of reading past it', () => {
    expect(() => decodeAmf0(Buffer.from([0x02, 0, 10, 0x41]))).toThrow(Amf0Error)
    expect(() => decodeAmf0(Buffer.from([0x11]))).toThrow(Amf0Error)
    const deep = Buffer.concat([...Array.from({ length: 20 }, () => Buffer.from([0x03, 0, 1, 0x61]))])
    expect(() => decodeAmf0(deep)).toThrow(Amf0Error)
  })
})

describe('RTMP chunk stream', () => {
  it('reassembles messages written in chunks, however the bytes are split', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ type: fc.constantFrom(8, 9, 18, 20), timestamp: fc.integer({ min: 0, max: 0xffffff + 1000 }), size: fc.integer({ min: 0, max: 700 }) }), { minLength: 1, maxLength: 8 }),
      fc.integer({ min: 1, max: 97 }),
      (specs, split) => {
        const messages = specs.map((spec, index) => message(spec.type, spec.timestamp, spec.size, index))
        const wire = Buffer.concat(messages.map((m, index) => writeMessage(3 + (index % 3), m, 128)))
        const reader = new ChunkReader()
        const out: RtmpMessage[] = []
        for (let at = 0; at < wire.length; at += split) out.push(...reader.push(wire.subarray(at, at + split)))
        expect(out).toEqual(messages)
      }))
  })

  it('applies a Set Chunk Size to the chunks right after it, even within one read', () => {
    const size = Buffer.alloc(4)
    size.writeUInt32BE(4096)
    const big = message(9, 40, 3000)
    const wire = Buffer.concat([writeMessage(2, { type: 1, streamId: 0, timestamp: 0, payload: size }, 128), writeMessage(6, big, 4096)])
    const out = new ChunkReader().push(wire)
    expect(out.map(m => m.type)).toEqual([1, 9])
    expect(out[1]).toEqual(big)
  })

  it('adds timestamp deltas of fmt 1, 2 and 3 headers (as ffmpeg and OBS send media)', () => {
    const payload = Buffer.from([1, 2, 3])
    const wire = Buffer.concat([
      // fmt 0 on chunk stream 4: timestamp 1000, 3 bytes, type 9, stream 1
      Buffer.from([0x04, 0x00, 0x03, 0xe8, 0, 0, 3, 9, 1, 0, 0, 0]), payload,
      // fmt 1: delta 40, 3 bytes, type 9
      Buffer.from([0x44, 0, 0, 40, 0, 0, 3, 9]), payload,
      // fmt 2: delta 33
      Buffer.from([0x84, 0, 0, 33]), payload,
      // fmt 3: the same delta again
      Buffer.from([0xc4]), payload
    ])
    expect(new ChunkReader().push(wire).map(m => m.timestamp)).toEqual([1000, 1040, 1073, 1106])
  })

  it('refuses a message over the size limit, and a chunk stream that starts without a full header', () => {
    const header = Buffer.from([0x04, 0, 0, 0, 0, 0, 0, 9, 1, 0, 0, 0])
    header.writeUIntBE(MAX_MESSAGE_BYTES + 1, 4, 3)
    expect(() => new ChunkReader().push(header)).toThrow(RtmpProtocolError)
    expect(() => new ChunkReader().push(Buffer.from([0xc5, 1, 2]))).toThrow(RtmpProtocolError)
  })

  it('takes only command-sized messages until told otherwise (before a publisher is admitted)', () => {
    const media = writeMessage(6, message(9, 0, COMMAND_MESSAGE_BYTES + 1), 4096)
    expect(() => new ChunkReader(COMMAND_MESSAGE_BYTES).push(media)).toThrow(RtmpProtocolError)
    const reader = new ChunkReader(COMMAND_MESSAGE_BYTES)
    reader.setMaxMessageBytes(MAX_MESSAGE_BYTES)
    reader.setChunkSize(4096)
    expect(reader.push(media)).toHaveLength(1)
  })

  it('refuses a chunk size below 128, set directly or by a Set Chunk Size message', () => {
    expect(() => new ChunkReader().setChunkSize(1)).toThrow(RtmpProtocolError)
    expect(() => new ChunkReader().setChunkSize(MIN_CHUNK_SIZE - 1)).toThrow(RtmpProtocolError)
    expect(() => new ChunkReader().setChunkSize(MIN_CHUNK_SIZE)).not.toThrow()
    const one = Buffer.alloc(4)
    one.writeUInt32BE(1)
    expect(() => new ChunkReader(COMMAND_MESSAGE_BYTES).push(writeMessage(2, { type: 1, streamId: 0, timestamp: 0, payload: one }, 128))).toThrow(RtmpProtocolError)
  })

  it('bounds the bytes of unfinished messages across all chunk streams together, and frees them as messages complete', () => {
    const each = COMMAND_MESSAGE_BYTES / 32
    // The first chunk (a full header and 128 bytes) of a command message of `each` bytes, never finished.
    const firstChunk = (csid: number): Buffer => writeMessage(csid, message(20, 0, each), 128).subarray(0, 12 + 128)
    const reader = new ChunkReader(COMMAND_MESSAGE_BYTES)
    for (let csid = 3; csid < 3 + 32; csid++) expect(reader.push(firstChunk(csid))).toEqual([])
    // Refused on the header alone: its chunk's bytes are not waited for.
    expect(() => reader.push(firstChunk(3 + 32).subarray(0, 12))).toThrow(/over the limit/)

    // Finished messages no longer count: the same number of streams, one after another, is fine.
    const sequential = new ChunkReader(COMMAND_MESSAGE_BYTES)
    for (let csid = 3; csid < 3 + 40; csid++) expect(sequential.push(writeMessage(csid, message(20, 0, each), 128))).toHaveLength(1)
  })

  it('refuses a full header that changes the length of a message in progress', () => {
    const started = writeMessage(4, message(9, 0, 300), 128).subarray(0, 12 + 128)
    // fmt 1 on chunk stream 4: delta 0, length 100, type 9, and its 100 bytes
    const shorter = Buffer.concat([Buffer.from([0x44, 0, 0, 0, 0, 0, 100, 9]), Buffer.alloc(100, 1)])
    const reader = new ChunkReader()
    expect(reader.push(started)).toEqual([])
    expect(() => reader.push(shorter)).toThrow(/mid-message/)
    // The same length again is a continuation, as before.
    const same = new ChunkReader()
    same.push(started)
    const out = same.push(Buffer.concat([Buffer.from([0x44, 0, 0, 0, 0, 0x01, 0x2c, 9]), Buffer.alloc(128, 7), Buffer.from([0xc4]), Buffer.alloc(44, 7)]))
    expect(out).toEqual([message(9, 0, 300)])
  })
})
